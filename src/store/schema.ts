import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** The one row of facts about the store that every page shows: its name, phone, contact details. */
export const storeSettings = pgTable('store_settings', {
  id: integer().primaryKey().default(1),
  name: text().notNull(),
  tagline: text().notNull().default(''),
  phone: text().notNull().default(''),
  email: text().notNull().default(''),
  address: text().notNull().default(''),
  currency: text().notNull().default('USD'),
  disclaimer: text().notNull().default(''),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type StoreSettings = typeof storeSettings.$inferSelect;
