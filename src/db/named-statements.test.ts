import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { STATEMENTS_PER_CONNECTION } from './named-statements.ts';

let store: TestStore;
beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
});
afterAll(() => store.close());

// Prepared statements belong to one connection: a transaction keeps every statement on the same one.
const preparedCount = (tx: TestStore['database']['db']) =>
  tx.execute(sql`select count(*)::int as n from pg_prepared_statements`).then((r) => Number(r.rows[0]!.n));

describe.skipIf(!process.env.TEST_DATABASE_URL)('statements sent under a name on PostgreSQL', () => {
  it('prepares a statement once per connection and answers it each time with its own values', async () => {
    await store.database.db.transaction(async (tx) => {
      const answers = [];
      for (const value of ['first', 'second', 'third']) {
        answers.push((await tx.execute(sql`select ${value}::text || '-seen' as v`)).rows[0]!.v);
      }
      expect(answers).toEqual(['first-seen', 'second-seen', 'third-seen']);
      const [row] = (
        await tx.execute(
          sql`select count(*)::int as n from pg_prepared_statements where statement like ${"select $1::text || '-seen'%"}`,
        )
      ).rows;
      expect(row!.n).toBe(1);
    });
  });

  it('still sends several statements at once when they carry no values', async () => {
    await store.database.db.execute(sql.raw('create temporary table t_named (n int); drop table t_named'));
  });

  it('keeps at most its limit of statements on one connection, and answers the rest unnamed', async () => {
    await store.database.db.transaction(async (tx) => {
      const sums: number[] = [];
      for (let i = 0; i < STATEMENTS_PER_CONNECTION + 20; i++) {
        // A text of its own each time: the number is written into it, the value sent beside it.
        sums.push(Number((await tx.execute(sql`select ${1}::int + ${sql.raw(String(i))} as v`)).rows[0]!.v));
      }
      expect(sums.at(-1)).toBe(STATEMENTS_PER_CONNECTION + 20);
      expect(await preparedCount(tx)).toBeLessThanOrEqual(STATEMENTS_PER_CONNECTION);
    });
  });
});
