import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { products } from '#src/catalog/schema.ts';
import { type Config, loadConfig } from '#src/config.ts';
import { openDatabase } from '#src/db/client.ts';
import { stockLedger, stockLots } from '#src/inventory/schema.ts';
import { startServer } from '#src/server.ts';
import { adminQuery, uniqueName, withDatabaseName } from '#test/support/templates.ts';
import { slowTestMs } from '#test/support/timeouts.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/** Settings of a store that has never started: an empty database on PostgreSQL, or a new data folder. */
async function newStoreConfig(): Promise<Config> {
  const dataDir = mkdtempSync(join(tmpdir(), 'medstore-start-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
    LOG_LEVEL: 'silent',
  };
  const server = inject('databaseServer');
  if (server) {
    const name = uniqueName('medstore_test');
    await adminQuery(server, `CREATE DATABASE ${name} TEMPLATE ${inject('templates').empty}`);
    cleanups.push(() => adminQuery(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    env.DATABASE_URL = withDatabaseName(server, name);
  }
  return loadConfig(env);
}

describe('starting the store', () => {
  it(
    'loads the demo store on the first start only, so a later start keeps what the owner changed',
    async () => {
      const config = await newStoreConfig();
      const first = await startServer(config, { demo: true });
      try {
        expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
        expect((await fetch(`${first.url}/products/pep-factor`)).status).toBe(200);
      } finally {
        await first.stop();
      }

      const database = await openDatabase(config);
      // Removed for good, with its stock records, which would otherwise keep it.
      const [pep] = await database.db.select().from(products).where(eq(products.slug, 'pep-factor'));
      await database.db.delete(stockLedger).where(eq(stockLedger.productId, pep!.id));
      await database.db.delete(stockLots).where(eq(stockLots.productId, pep!.id));
      await database.db.delete(products).where(eq(products.slug, 'pep-factor'));
      await database.close();

      const second = await startServer(config, { demo: true });
      try {
        expect((await fetch(`${second.url}/products/pep-factor`)).status).toBe(404);
        expect((await fetch(`${second.url}/products`)).status).toBe(200);
      } finally {
        await second.stop();
      }
    },
    slowTestMs(60_000),
  );
});
