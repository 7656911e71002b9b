import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const OUTBOX_STATUSES = ['queued', 'sent', 'kept', 'failed'] as const;
export const outboxStatus = pgEnum('outbox_status', OUTBOX_STATUSES);

/**
 * Every mail the store writes. A job delivers it over SMTP when SMTP_URL is set ("sent"); without it the mail
 * stays here for staff to read ("kept").
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid().primaryKey().defaultRandom(),
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text().notNull(),
    /** What the mail is about, e.g. "verify-email", so tests and staff can find it. */
    kind: text().notNull(),
    status: outboxStatus().notNull().default('queued'),
    attempts: integer().notNull().default(0),
    lastError: text().notNull().default(''),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('outbox_created_idx').on(t.createdAt), index('outbox_to_idx').on(t.to)],
);

export type OutboxMail = typeof outbox.$inferSelect;
