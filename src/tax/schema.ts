import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** The highest rate staff may enter, as a percentage: no US state's sales tax comes near it, a typo would. */
export const MAX_TAX_PERCENT = 20;
/** Rates are kept as integer parts per 100,000 (7.25 % is 7250), so a percentage with 3 decimals is exact. */
export const RATE_SCALE = 100_000;

/** The sales tax the store charges on orders shipped to each state (the 50 states and DC). */
export const taxRates = pgTable(
  'tax_rates',
  {
    state: text().primaryKey(),
    ratePer100k: integer('rate_per_100k').notNull().default(0),
    /** Whether the state taxes the shipping charge along with the items. */
    isShippingTaxed: boolean().notNull().default(false),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('tax_rates_state_code', sql`${t.state} ~ '^[A-Z]{2}$'`),
    check('tax_rates_rate_range', sql`${t.ratePer100k} between 0 and 20000`),
  ],
);

export type TaxRate = typeof taxRates.$inferSelect;
