import { and, eq, gt, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { SessionRecord, SessionTable } from './sessions.ts';

/**
 * The queries of a session table whose columns are named by the owning domain: a token hash (the key), the
 * owner, the expiry, when it was last used and, where the table has one, whether it was meant to persist.
 */
export function sessionTableOf<T extends PgTable>(o: {
  table: T;
  columns: {
    tokenHash: PgColumn;
    ownerId: PgColumn;
    expiresAt: PgColumn;
    lastSeenAt: PgColumn;
    isPersistent?: PgColumn;
  };
  row(session: { tokenHash: string; ownerId: string; expiresAt: Date; isPersistent: boolean }): T['$inferInsert'];
}): SessionTable {
  const { table, columns } = o;
  const byHash = (tokenHash: string) => eq(columns.tokenHash, tokenHash);
  return {
    async insert(db, session) {
      await db.insert(table).values(o.row(session));
    },
    async find(db, tokenHash) {
      const [row] = await db
        .select({
          ownerId: columns.ownerId,
          expiresAt: columns.expiresAt,
          lastSeenAt: columns.lastSeenAt,
          isPersistent: columns.isPersistent ?? sql`false`,
        })
        .from(table as PgTable)
        .where(and(byHash(tokenHash), gt(columns.expiresAt, sql`now()`)));
      // The columns map their own values (timestamps to dates); their types are not known here.
      return row && (row as SessionRecord);
    },
    async touch(db, tokenHash, at) {
      // A column's name is its key in the table (the database name follows from the snake_case setting).
      const change = { [columns.lastSeenAt.name]: at } as Partial<T['$inferInsert']>;
      await db.update(table).set(change).where(byHash(tokenHash));
    },
    async remove(db, tokenHash) {
      await db.delete(table).where(byHash(tokenHash));
    },
    async removeAllOf(db, ownerId) {
      await db.delete(table).where(eq(columns.ownerId, ownerId));
    },
  };
}
