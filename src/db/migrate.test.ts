import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { migrateDatabase } from './migrate.ts';

let store: TestStore;
beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
});
afterAll(() => store.close());

describe('migrating at start', () => {
  it('leaves a database that has every migration as it is', async () => {
    const before = await store.database.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    await migrateDatabase(store.database);
    const after = await store.database.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(after.rows).toEqual(before.rows);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'does not wait for another instance that is migrating when nothing is pending',
    async () => {
      const url = store.database.pool!.options.connectionString!;
      const other = new pg.Client({ connectionString: url });
      await other.connect();
      try {
        // Another instance holds the migration lock (its value in migrate.ts) for as long as it migrates.
        await other.query('SELECT pg_advisory_lock(72616001)');
        const outcome = await Promise.race([
          migrateDatabase(store.database).then(() => 'done'),
          new Promise((resolve) => setTimeout(() => resolve('waited'), 5000)),
        ]);
        expect(outcome).toBe('done');
      } finally {
        await other.end();
      }
    },
  );
});
