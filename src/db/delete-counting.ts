import { type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';

/**
 * Deletes the rows of `table` that match `where` and says how many went, without sending the rows back (a
 * first sweep of a long-running store may remove many) and alike on both drivers, whose delete results differ.
 */
export async function deleteCounting(db: Db, table: PgTable, where: SQL): Promise<number> {
  const result = await db.execute(
    sql`WITH gone AS (DELETE FROM ${table} WHERE ${where} RETURNING 1) SELECT count(*)::int AS n FROM gone`,
  );
  return Number((result.rows[0] as { n: number } | undefined)?.n ?? 0);
}
