import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { outbox } from '#src/mail/schema.ts';

export const ACCOUNT_TYPES = ['client', 'business'] as const;
export const accountType = pgEnum('account_type', ACCOUNT_TYPES);

export const customers = pgTable(
  'customers',
  {
    id: uuid().primaryKey().defaultRandom(),
    // Stored lower-cased and trimmed; unique among live accounts.
    email: text().notNull(),
    passwordHash: text(),
    name: text().notNull(),
    accountType: accountType().notNull().default('client'),
    companyName: text().notNull().default(''),
    phone: text().notNull().default(''),
    emailVerifiedAt: timestamp({ withTimezone: true }),
    /** When the customer agreed to the terms of sale and the privacy notice; null for accounts made before asking. */
    termsAcceptedAt: timestamp({ withTimezone: true }),
    /** Set when the customer deleted the account: personal fields are then anonymised. */
    deletedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('customers_email_idx').on(t.email)],
);

/** Signed-in browsers and API clients; only the SHA-256 of the token is kept. */
export const customerSessions = pgTable(
  'customer_sessions',
  {
    tokenHash: text().primaryKey(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    isPersistent: boolean().notNull().default(false),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('customer_sessions_customer_idx').on(t.customerId)],
);

export const TOKEN_PURPOSES = ['verify-email', 'reset-password', 'change-email'] as const;
export const tokenPurpose = pgEnum('token_purpose', TOKEN_PURPOSES);

/** Single-use emailed links; only the SHA-256 of the token is kept. */
export const customerTokens = pgTable(
  'customer_tokens',
  {
    tokenHash: text().primaryKey(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    purpose: tokenPurpose().notNull(),
    /** For change-email: the address that becomes the account's once this link is opened. */
    newEmail: text(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('customer_tokens_customer_idx').on(t.customerId, t.purpose)],
);

export const addresses = pgTable(
  'addresses',
  {
    id: uuid().primaryKey().defaultRandom(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    line1: text().notNull(),
    line2: text().notNull().default(''),
    city: text().notNull(),
    state: text().notNull().default(''),
    postalCode: text().notNull(),
    country: text().notNull().default('US'),
    phone: text().notNull().default(''),
    isDefaultShipping: boolean().notNull().default(false),
    isDefaultBilling: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('addresses_customer_idx').on(t.customerId)],
);

/**
 * Which outbox mails were written to which customer. The export finds a customer's mails here rather than by
 * address: an address changes, and a deleted account's address may later belong to someone else.
 */
export const customerMails = pgTable(
  'customer_mails',
  {
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    outboxId: uuid()
      .notNull()
      .references(() => outbox.id, { onDelete: 'cascade' }),
  },
  // The second index serves the cascade when the outbox drops a mail.
  (t) => [primaryKey({ columns: [t.customerId, t.outboxId] }), index('customer_mails_outbox_idx').on(t.outboxId)],
);

export type Customer = typeof customers.$inferSelect;
export type Address = typeof addresses.$inferSelect;

/**
 * Invoice terms staff grant a business account: it may order on invoice, payable within `paymentTermsDays`, as long
 * as its unpaid invoices stay within `creditLimitCents`. A business without a row pays up front.
 */
export const businessTerms = pgTable(
  'business_terms',
  {
    customerId: uuid()
      .primaryKey()
      .references(() => customers.id, { onDelete: 'cascade' }),
    creditLimitCents: integer().notNull(),
    paymentTermsDays: integer().notNull().default(30),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('business_terms_credit_limit_positive', sql`${t.creditLimitCents} > 0`)],
);

export type BusinessTerms = typeof businessTerms.$inferSelect;
