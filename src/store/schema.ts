import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { StorePageTexts } from '#src/web/store-pages.ts';

/**
 * The one row of facts about the store that every page shows: its name, phone, contact details, the words of the
 * home page's hero and the Markdown of its policy pages (web/store-pages.ts).
 */
export const storeSettings = pgTable('store_settings', {
  id: integer().primaryKey().default(1),
  name: text().notNull(),
  tagline: text().notNull().default(''),
  phone: text().notNull().default(''),
  email: text().notNull().default(''),
  address: text().notNull().default(''),
  currency: text().notNull().default('USD'),
  disclaimer: text().notNull().default(''),
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
