import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { createApp } from '#src/app.ts';
import { createAppContext } from '#src/boot.ts';
import { type Config, loadConfig } from '#src/config.ts';
import { type Database, openDatabase } from '#src/db/client.ts';
import { PGLITE_OPTIONS } from '#src/db/embedded.ts';
import { createLogger } from '#src/lib/logger.ts';
import type { AppContext } from '#src/web/context.ts';
import { ApiContract } from './contract.ts';
import { adminQuery, type TemplateKind, uniqueName, withDatabaseName } from './templates.ts';

const DOCUMENT_PATH = '/api/openapi.json';
// What the document describes; the document itself and the reference page are not operations of it.
const DESCRIBED_PATHS = /^\/api\/(store|admin)(\/|\?|$)/;

export type TestStore = {
  app: ReturnType<typeof createApp>;
  ctx: AppContext;
  database: Database;
  config: Config;
  /** Sends a request to the app without a socket; paths are relative to the store's root. */
  request(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
};

/**
 * A store of its own for one test file: a fresh copy of the migrated template (with the demo store unless
 * `template: 'empty'`), on PostgreSQL when TEST_DATABASE_URL is set, else on in-memory PGlite.
 */
export async function createTestStore(
  options: { template?: TemplateKind; env?: Record<string, string> } = {},
): Promise<TestStore> {
  const kind = options.template ?? 'demo';
  const server = inject('databaseServer');
  const template = inject('templates')[kind];
  let database: Database;
  let dropDatabase = async () => {};
  if (server) {
    const name = uniqueName('medstore_test');
    await adminQuery(server, `CREATE DATABASE ${name} TEMPLATE ${template}`);
    database = await openDatabase({ databaseUrl: withDatabaseName(server, name) });
    dropDatabase = () => adminQuery(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } else {
    const pglite = await PGlite.create({ ...PGLITE_OPTIONS, loadDataDir: new Blob([readFileSync(template)]) });
    database = await openDatabase({ pglite });
  }
  // Uploads and other files go to a folder of this store's own, removed with it.
  const dataDir = mkdtempSync(join(tmpdir(), 'medstore-data-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    BASE_URL: 'http://store.test',
    DATA_DIR: dataDir,
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    ...options.env,
  });
  const ctx = await createAppContext(config, database, createLogger(config.logLevel));
  const app = createApp(ctx);
  // Every API answer a test receives is checked against the document the same app serves (contract.ts).
  let contract: Promise<ApiContract> | undefined;
  return {
    app,
    ctx,
    database,
    config,
    async request(path, init) {
      const url = `http://store.test${path}`;
      const res = await app.request(url, init);
      if (DESCRIBED_PATHS.test(path)) {
        contract ??= Promise.resolve(app.request(DOCUMENT_PATH)).then(async (doc) => ApiContract.of(await doc.json()));
        await (await contract).check({ method: init?.method ?? 'GET', url }, res);
      }
      return res;
    },
    async close() {
      await ctx.rateLimiter.close();
      await ctx.cache.close();
      await database.close();
      await dropDatabase();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
