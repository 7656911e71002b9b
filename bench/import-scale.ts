import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import { CSV_COLUMNS } from '#src/catalog/csv-columns.ts';
import { importProductsCsv } from '#src/catalog/csv-import.ts';
import type { Product } from '#src/catalog/schema.ts';
import { productInputSchema } from '#src/catalog/validators.ts';
import { type Database, openDatabase } from '#src/db/client.ts';
import { migrateDatabase } from '#src/db/migrate.ts';
import { scaleProduct } from '#src/demo/scale-seed.ts';
import { seedDemoStore } from '#src/demo/seed.ts';
import { neutraliseFormula } from '#src/lib/csv-cells.ts';
import { cpuMsOf } from './process-cpu.ts';
import { adminQuery, SERVER_URL } from './store-process.ts';

/**
 * `node bench/import-scale.ts [ROWS]` (default 100,000): makes a products file of ROWS scale products (as
 * `seed --scale` makes them) and imports it into a database of its own three times: every row new, every row
 * changed (a price each, a new slug for one in ten), and the same file again (nothing to write). Prints seconds
 * and rows per second of each. On PostgreSQL at BENCH_DATABASE_URL's server (a database `medstore_import_<pid>`,
 * dropped afterwards); `BENCH_IMPORT_DB=pglite` runs it on in-memory PGlite instead.
 */
const ROWS = Number(process.argv[2] ?? 100_000);
const isPglite = process.env.BENCH_IMPORT_DB === 'pglite';
const DATABASE_NAME = `medstore_import_${process.pid}`;

// The text up to the last whole word within `length` characters.
function clip(text: string, length: number): string {
  return text.length <= length ? text : text.slice(0, text.lastIndexOf(' ', length)).replace(/[,;:]$/, '');
}

async function productsFile(version: 'first' | 'changed'): Promise<string> {
  const { DEMO_PRODUCTS } = await import('#src/demo/demo-data.ts');
  const records: string[][] = [];
  for (let i = 0; i < ROWS; i++) {
    const {
      category,
      imageAlt: _alt,
      lots: _lots,
      ...product
    } = scaleProduct(DEMO_PRODUCTS[i % DEMO_PRODUCTS.length]!, i);
    // The defaults a product gets for what its demo data leaves out, as the database fills them in.
    const row = productInputSchema.parse({ ...product, categoryId: null }) as Product;
    // A products file may be at most 50 MB: a hundred thousand rows average 500 bytes at most, so the demo's
    // long texts are cut short and its lists to their first items.
    row.summary = clip(row.summary, 80);
    row.description = clip(row.description, 40);
    row.directions = clip(row.directions, 40);
    row.activeIngredients = row.activeIngredients.slice(0, 2);
    row.sideEffects = row.sideEffects.slice(0, 2);
    row.warnings = row.warnings.slice(0, 1).map((w) => ({ ...w, text: clip(w.text, 50) }));
    if (version === 'changed') {
      row.priceCents += 100;
      if (i % 10 === 0) row.slug = `${row.slug}-renamed`;
    }
    records.push(CSV_COLUMNS.map((column) => neutraliseFormula(column.toCell(row, category))));
  }
  return stringify([CSV_COLUMNS.map((c) => c.header), ...records], { record_delimiter: '\n' });
}

async function openScratchDatabase(): Promise<Database> {
  if (isPglite) return openDatabase({});
  await adminQuery(`CREATE DATABASE ${DATABASE_NAME}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${DATABASE_NAME}`;
  return openDatabase({ databaseUrl: url.toString() });
}

/** CPU milliseconds used so far by each PostgreSQL backend serving the scratch database (the server is local). */
async function backendCpu(database: Database): Promise<Map<number, number>> {
  if (isPglite) return new Map();
  const { rows } = await database.db.execute<{ pid: number }>(
    sql`select pid from pg_stat_activity where datname = current_database()`,
  );
  return new Map(rows.map(({ pid }) => [pid, cpuMsOf(pid) ?? 0]));
}

function cpuSecondsSince(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0;
  for (const [pid, used] of after) ms += used - (before.get(pid) ?? 0);
  return ms / 1000;
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'medstore-import-'));
  const database = await openScratchDatabase();
  try {
    await migrateDatabase(database);
    await seedDemoStore(database.db);
    const files = { first: join(folder, 'first.csv'), changed: join(folder, 'changed.csv') };
    writeFileSync(files.first, await productsFile('first'));
    writeFileSync(files.changed, await productsFile('changed'));
    process.stdout.write(`file of ${(statSync(files.first).size / 1024 / 1024).toFixed(1)} MB\n`);
    const ctx = { db: database.db, cache: { announce: async () => {} } };
    process.stdout.write(`${ROWS} rows on ${isPglite ? 'PGlite' : 'PostgreSQL'}; load average ${load()}\n`);
    for (const [label, path] of [
      ['all new', files.first],
      ['all changed', files.changed],
      ['unchanged', files.changed],
    ] as const) {
      let checkedAt = 0;
      const cpuBefore = { node: process.cpuUsage(), database: await backendCpu(database) };
      const started = performance.now();
      const summary = await importProductsCsv(ctx, path, {
        onProgress: (p) => {
          if (p.phase === 'writing' && checkedAt === 0) checkedAt = performance.now();
        },
      });
      const seconds = (performance.now() - started) / 1000;
      const checking = (checkedAt - started) / 1000;
      const nodeCpu = process.cpuUsage(cpuBefore.node);
      const databaseCpu = cpuSecondsSince(cpuBefore.database, await backendCpu(database));
      process.stdout.write(
        `${label.padEnd(12)} ${seconds.toFixed(1)} s (checking ${checking.toFixed(1)} s, writing ${(seconds - checking).toFixed(1)} s), ` +
          `${Math.round(ROWS / seconds)} rows/s: ${JSON.stringify(summary)}\n` +
          `             CPU: this process ${((nodeCpu.user + nodeCpu.system) / 1e6).toFixed(1)} s` +
          `${isPglite ? '' : `, PostgreSQL ${databaseCpu.toFixed(1)} s`}; load average ${load()}\n`,
      );
    }
  } finally {
    await database.close();
    if (!process.env.BENCH_KEEP) rmSync(folder, { recursive: true, force: true });
    if (!isPglite) await adminQuery(`DROP DATABASE IF EXISTS ${DATABASE_NAME} WITH (FORCE)`);
  }
}

await main();
