import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

export const LOT_STATES = ['sellable', 'quarantined'] as const;
export const lotState = pgEnum('lot_state', LOT_STATES);

/** What moved a lot: each kind of row the stock ledger holds. */
export const LEDGER_KINDS = ['receipt', 'allocation', 'release', 'adjustment', 'quarantine', 'unquarantine'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];
export const ledgerKind = pgEnum('stock_ledger_kind', LEDGER_KINDS);

/**
 * A batch of one product as it was received: its lot number and expiry travel with every unit sold from it. The
 * product is the catalogue's; the foreign key is declared in the migration, since the catalogue sits above the
 * inventory and the inventory imports nothing of it (docs/decisions/0009-inventory-below-the-catalogue.md).
 */
export const stockLots = pgTable(
  'stock_lots',
  {
    id: uuid().primaryKey().defaultRandom(),
    productId: uuid().notNull(),
    lotNumber: text().notNull(),
    /** None for devices and other goods that do not expire. */
    expiresOn: date({ mode: 'string' }),
    receivedOn: date({ mode: 'string' }).notNull(),
    quantityReceived: integer().notNull(),
    quantityOnHand: integer().notNull(),
    state: lotState().notNull().default('sellable'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('stock_lots_product_lot_key').on(t.productId, t.lotNumber),
    index('stock_lots_product_idx').on(t.productId, t.expiresOn),
    index('stock_lots_expires_idx').on(t.expiresOn),
    check('stock_lots_on_hand_not_negative', sql`${t.quantityOnHand} >= 0`),
    check('stock_lots_received_positive', sql`${t.quantityReceived} > 0`),
  ],
);

/**
 * Every change of a lot's quantity or state, with who made it and why: the lot's units on hand are always the sum
 * of its rows (a change of state moves no units and is recorded with quantity 0).
 */
export const stockLedger = pgTable(
  'stock_ledger',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    lotId: uuid()
      .notNull()
      .references(() => stockLots.id),
    productId: uuid().notNull(),
    kind: ledgerKind().notNull(),
    /** Units added (positive) or taken (negative) from the lot's units on hand. */
    quantity: integer().notNull(),
    reason: text().notNull().default(''),
    /** The staff member who made the change, when one did. */
    staffId: uuid(),
    /** What the change was for: an order's number for allocations and releases. */
    reference: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('stock_ledger_product_idx').on(t.productId, t.createdAt), index('stock_ledger_lot_idx').on(t.lotId)],
);

/** How a product's stock is kept: the shelf life a sale must leave, and when staff hear that it runs low. */
export const stockRules = pgTable('stock_rules', {
  productId: uuid().primaryKey(),
  /** A lot is sold only while at least this many days remain before its expiry. */
  minShelfLifeDays: integer().notNull().default(0),
  lowStockThreshold: integer().notNull().default(5),
  /** Set when staff were told stock ran low; cleared by the next receipt, so they hear it once per dip. */
  isLowStockAlerted: boolean().notNull().default(false),
});

export type StockLot = typeof stockLots.$inferSelect;
export type LedgerEntry = typeof stockLedger.$inferSelect;
export type StockRules = typeof stockRules.$inferSelect;
