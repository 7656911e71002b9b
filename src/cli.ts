import { parseArgs } from 'node:util';
// Type-only imports cost nothing at run time; each command imports what it runs when it runs, so that `--help`
// answers at once and opens no database.
import type { Config } from '#src/config.ts';
import type { Database } from '#src/db/client.ts';
import { speedUpModuleLoading } from '#src/lib/module-loading.ts';
import { describeSettings } from '#src/settings.ts';
import { ADMIN_HELP, AdminUsageError } from '#src/staff/admin-usage.ts';

const HELP = `Usage: medstore <command> [options]

Commands:
  start            Migrate the database, load the demo store on first start, and serve the store
                   (--no-demo: start with an empty store)
  migrate          Apply pending database migrations and exit
  seed             Load the demo store (FACE Med Store); running it again changes nothing
                   (--scale N: also add N generated products with a lot each and N/10 articles, for
                   measuring a large catalogue; the same N again adds nothing)
  openapi          Write the OpenAPI document of the store API (--output FILE, else to standard output)
  import products  Create or update products from a CSV file, matched by SKU (docs/csv-products.md):
                   FILE.csv [--dry-run] (--dry-run: check every row, report problems, change nothing)
  export products  Write every product as CSV in the same columns (--output FILE, else to standard output)
  export stock     Write every lot with its product, expiry and units as CSV (docs/csv-stock.md; --output FILE)
  export orders    Write every order with its items and amounts as CSV (docs/csv-orders.md; --output FILE)
  admin create     Create a staff account:
                   --email E --password P [--role owner|admin|staff] [--name N] (role defaults to owner)
  help             Show this help

Settings come from environment variables (.env.example lists them too); an empty value counts as unset:
${describeSettings()}
`;

class UsageError extends Error {}

async function withDatabase<T>(config: Config, work: (database: Database) => Promise<T>): Promise<T> {
  const { openDatabase } = await import('#src/db/client.ts');
  const { migrateDatabase } = await import('#src/db/migrate.ts');
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateDatabase(database);
    return await work(database);
  } finally {
    await database.close();
  }
}

async function run(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      'no-demo': { type: 'boolean' },
      email: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      output: { type: 'string' },
      'dry-run': { type: 'boolean' },
      scale: { type: 'string' },
    },
  });
  const command = positionals[0] ?? 'help';
  if (command === 'admin' && (values.help || positionals[1] !== 'create')) {
    if (!values.help && positionals[1]) throw new UsageError(`Unknown admin command "${positionals[1]}".`);
    process.stdout.write(ADMIN_HELP);
    return;
  }
  if (values.help || command === 'help') {
    process.stdout.write(HELP);
    return;
  }
  if (!['start', 'migrate', 'seed', 'admin', 'openapi', 'import', 'export'].includes(command)) {
    throw new UsageError(`Unknown command "${command}".`);
  }
  if (command === 'import' && positionals[1] !== 'products') {
    throw new UsageError('"import" needs what to import: "medstore import products" and the CSV file.');
  }
  if (command === 'export' && !['products', 'stock', 'orders'].includes(positionals[1] ?? '')) {
    throw new UsageError('"export" needs what to export: "medstore export products", "stock" or "orders".');
  }
  if (command === 'import' && !positionals[2]) {
    throw new UsageError('"import products" needs the CSV file: "medstore import products FILE.csv".');
  }
  const scale = values.scale === undefined ? undefined : Number(values.scale);
  if (scale !== undefined && (command !== 'seed' || !Number.isSafeInteger(scale) || scale < 1 || scale > 1_000_000)) {
    throw new UsageError('--scale goes with "seed" and takes a number of products from 1 to 1000000.');
  }
  speedUpModuleLoading();
  if (command === 'openapi') {
    // The document of this code, whatever store the environment points at: no database of the operator's is opened.
    const { buildApiDocument } = await import('#src/api-document.ts');
    const text = `${JSON.stringify(await buildApiDocument(), null, 2)}\n`;
    if (values.output) {
      const { mkdirSync, writeFileSync } = await import('node:fs');
      const { dirname } = await import('node:path');
      mkdirSync(dirname(values.output), { recursive: true });
      writeFileSync(values.output, text);
    } else process.stdout.write(text);
    return;
  }
  const { loadConfig } = await import('#src/config.ts');
  const config = loadConfig();
  switch (command) {
    case 'start': {
      const { startServer } = await import('#src/server.ts');
      const running = await startServer(config, { demo: !values['no-demo'] });
      process.stdout.write(`medstore is serving at ${running.url}\n`);
      if (!running.hasStaff) {
        const { firstOwnerSteps } = await import('#src/staff/first-owner.ts');
        process.stdout.write(firstOwnerSteps({ baseUrl: config.baseUrl, isEmbedded: !config.databaseUrl }));
      }
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.once(signal, () => void running.stop().then(() => process.exit(0)));
      }
      return;
    }
    case 'migrate':
      await withDatabase(config, async () => {});
      process.stdout.write('Migrations applied.\n');
      return;
    case 'seed': {
      const { demoSeedOptionsFor, seedDemoStore } = await import('#src/demo/seed.ts');
      const summary = await withDatabase(config, async (database) => {
        const demo = await seedDemoStore(database.db, demoSeedOptionsFor(config));
        if (scale === undefined) return demo;
        const { seedAtScale } = await import('#src/demo/scale-seed.ts');
        const { progressLine } = await import('#src/catalog/csv-command.ts');
        const progress = progressLine(process.stderr);
        const added = await seedAtScale(database.db, scale, {
          onProgress: (p) => progress.show({ phase: 'writing', ...p }),
        });
        progress.finish();
        return { ...demo, scaleProducts: added.products, scaleArticles: added.articles };
      });
      process.stdout.write(`Demo store loaded: ${JSON.stringify(summary)}\n`);
      return;
    }
    case 'admin': {
      const { runAdminCreate } = await import('#src/staff/admin-command.ts');
      const line = await withDatabase(config, (database) => runAdminCreate(database.db, values));
      process.stdout.write(`${line}\n`);
      return;
    }
    case 'import': {
      const { runProductsImport, describeRowErrors } = await import('#src/catalog/csv-command.ts');
      const { CsvFileError, CsvRowsError } = await import('#src/catalog/csv-import.ts');
      const path = positionals[2]!;
      try {
        const line = await withDatabase(config, (database) =>
          runProductsImport(database.db, path, { dryRun: Boolean(values['dry-run']), progressTo: process.stderr }),
        );
        process.stdout.write(`${line}\n`);
      } catch (err) {
        if (err instanceof CsvRowsError) process.stderr.write(`medstore: ${describeRowErrors(path, err)}\n`);
        else if (err instanceof CsvFileError) process.stderr.write(`medstore: ${path}: ${err.message}\n`);
        else if ((err as { code?: string }).code === 'ENOENT')
          process.stderr.write(`medstore: ${path}: no such file.\n`);
        else throw err;
        process.exitCode = 1;
      }
      return;
    }
    case 'export': {
      const { findExport, runExport } = await import('#src/admin/exports.ts');
      const what = findExport(positionals[1]!)!;
      const result = await withDatabase(config, (database) => runExport(database.db, what, values.output));
      if (result.text !== undefined) process.stdout.write(result.text);
      else process.stdout.write(`${result.line}\n`);
      return;
    }
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

async function describeFailure(err: unknown): Promise<string> {
  if (err instanceof AdminUsageError) return err.message;
  if (err instanceof UsageError) return `${err.message} Run "medstore --help" for the list of commands.`;
  if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
    return `${err.message}. Run "medstore --help" for usage.`;
  }
  // The modules are loaded already when one of their errors is thrown.
  const [{ ConfigError }, { AppError }, { DataDirInUseError }] = await Promise.all([
    import('#src/config.ts'),
    import('#src/lib/errors.ts'),
    import('#src/db/data-dir-lock.ts'),
  ]);
  if (err instanceof ConfigError || err instanceof AppError || err instanceof DataDirInUseError) return err.message;
  const code = typeof err === 'object' && err && 'code' in err ? String(err.code) : '';
  if (['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', '28P01', '3D000', '28000'].includes(code)) {
    const reason = err instanceof Error && err.message ? err.message : code;
    return `Cannot reach the database given by DATABASE_URL (${reason}). Check that the server runs and the URL is right.`;
  }
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

try {
  await run(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`medstore: ${await describeFailure(err)}\n`);
  const isUsage =
    err instanceof UsageError || err instanceof AdminUsageError || (err instanceof TypeError && 'code' in err);
  process.exitCode = isUsage ? 2 : 1;
}
