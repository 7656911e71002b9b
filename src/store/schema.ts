import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { StorePageTexts } from '#src/web/store-pages.ts';

/**
 * The one row of facts about the store that every page shows: its name, phone, contact details, money and returns
 * terms, the words of the home page's hero and the Markdown of its policy pages (web/store-pages.ts).
 */
export const storeSettings = pgTable('store_settings', {
  id: integer().primaryKey().default(1),
  name: text().notNull(),
  tagline: text().notNull().default(''),
  phone: text().notNull().default(''),
  email: text().notNull().default(''),
  address: text().notNull().default(''),
  /** IANA time zone the store keeps its hours and dates in, e.g. America/Phoenix. */
  timeZone: text().notNull().default('UTC'),
  /** ISO 4217 code of the currency the store sells in. */
  currency: text().notNull().default('USD'),
  disclaimer: text().notNull().default(''),
  /** Where customers who pay by bank transfer send the money; order confirmations quote these. */
  bankAccountHolder: text().notNull().default(''),
  bankName: text().notNull().default(''),
  /** Routing and account number, or IBAN and BIC, one per line as the bank writes them. */
  bankAccountLines: text().notNull().default(''),
  /** Days after delivery within which a product may be sent back; the returns page says so. */
  returnWindowDays: integer().notNull().default(30),
  /** The home page's headline and the sentence or two under it. */
  heroHeading: text().notNull().default(''),
  heroText: text().notNull().default(''),
  /** The product the hero shows beside those words; empty or unknown shows the first featured one. */
  heroProductSlug: text().notNull().default(''),
  /** Markdown of the shipping, returns, privacy, terms, about and contact pages, by key. */
  pages: jsonb().$type<StorePageTexts>().notNull().default({}),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type StoreSettings = typeof storeSettings.$inferSelect;
