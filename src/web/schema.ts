import { index, integer, json, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The first answer to each `Idempotency-Key` a client sent (docs/decisions/0010-idempotency-keys.md). The row is
 * written in the same transaction as the effect it guards, so a committed row always has its answer; `status`
 * and `body` are empty only while that transaction runs, where no one else can see them. The body is `json`,
 * not `jsonb`, so that a replay sends the first answer's fields in their order.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    /** Who sent the key: `staff:<id>`, `customer:<id>`, or what identifies an anonymous client (its cart). */
    scope: text().notNull(),
    key: text().notNull(),
    /** The operation the key was first used for (`receiveLot`); another operation with it is a reuse. */
    operation: text().notNull(),
    /** SHA-256 of the operation and the request body, to tell a retry from a different request. */
    requestHash: text().notNull(),
    status: integer(),
    body: json(),
    headers: json().$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index('idempotency_keys_created_at_idx').on(t.createdAt)],
);
