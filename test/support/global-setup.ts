import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '#src/db/client.ts';
import { migrateDatabase } from '#src/db/migrate.ts';
import { seedDemoStore } from '#src/demo/seed.ts';
import { adminQuery, type TemplateKind, uniqueName, withDatabaseName } from './templates.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    templates: Record<TemplateKind, string>;
    databaseServer: string | null;
  }
}

/**
 * Migrates two template databases once per run (empty, and with the demo store's catalogue and articles; tests
 * that need its customers load them with seedDemoCustomers) so that each test file
 * starts from a copy in a fraction of the time a migration takes. On PostgreSQL the templates are databases
 * cloned with CREATE DATABASE ... TEMPLATE; on PGlite they are data-directory dumps loaded into memory.
 */
export default async function setup(project: TestProject) {
  const server = process.env.TEST_DATABASE_URL || null;
  project.provide('databaseServer', server);
  if (server) {
    const names = { empty: uniqueName('medstore_tpl_empty'), demo: uniqueName('medstore_tpl_demo') };
    for (const [kind, name] of Object.entries(names)) {
      await adminQuery(server, `CREATE DATABASE ${name}`);
      const database = await openDatabase({ databaseUrl: withDatabaseName(server, name) });
      await migrateDatabase(database);
      if (kind === 'demo') await seedDemoStore(database.db);
      await database.close();
    }
    project.provide('templates', names);
    return async () => {
      for (const name of Object.values(names)) await adminQuery(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'medstore-test-'));
  const files = { empty: join(dir, 'empty.tar'), demo: join(dir, 'demo.tar') };
  const database = await openDatabase({});
  await migrateDatabase(database);
  writeFileSync(files.empty, Buffer.from(await (await database.pglite!.dumpDataDir('none')).arrayBuffer()));
  await seedDemoStore(database.db);
  writeFileSync(files.demo, Buffer.from(await (await database.pglite!.dumpDataDir('none')).arrayBuffer()));
  await database.close();
  project.provide('templates', files);
  return () => rmSync(dir, { recursive: true, force: true });
}
