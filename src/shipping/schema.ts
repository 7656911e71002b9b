import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** The methods the store ships by; the codes are fixed (checkout and API clients name them), the rest staff edit. */
export const SHIPPING_METHOD_CODES = ['standard', 'express', 'refrigerated'] as const;
export type ShippingMethodCode = (typeof SHIPPING_METHOD_CODES)[number];

/**
 * How the store ships: a flat rate per order, waived above a subtotal where staff set one, plus a surcharge that is
 * never waived (the cold-chain packaging of refrigerated parcels).
 */
export const shippingMethods = pgTable(
  'shipping_methods',
  {
    code: text().$type<ShippingMethodCode>().primaryKey(),
    name: text().notNull(),
    description: text().notNull().default(''),
    rateCents: integer().notNull(),
    /** Orders whose item subtotal reaches this ship without the rate; null for never. */
    freeAboveCents: integer(),
    surchargeCents: integer().notNull().default(0),
    isActive: boolean().notNull().default(true),
    position: integer().notNull().default(0),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('shipping_methods_code_known', sql`${t.code} in ('standard', 'express', 'refrigerated')`),
    check('shipping_methods_rate_not_negative', sql`${t.rateCents} >= 0`),
    check('shipping_methods_free_above_not_negative', sql`${t.freeAboveCents} >= 0`),
    check('shipping_methods_surcharge_not_negative', sql`${t.surchargeCents} >= 0`),
  ],
);

/** The one row of rules for when orders leave the warehouse. */
export const shippingRules = pgTable(
  'shipping_rules',
  {
    id: integer().primaryKey().default(1),
    /** Orders placed on a business day before this hour of the store's time zone ship that day. */
    cutoffHour: integer().notNull().default(14),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('shipping_rules_one_row', sql`${t.id} = 1`),
    check('shipping_rules_cutoff_hour', sql`${t.cutoffHour} between 0 and 23`),
  ],
);

export type ShippingMethod = typeof shippingMethods.$inferSelect;
