import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { customers } from '#src/accounts/schema.ts';
import { products, storageClass } from '#src/catalog/schema.ts';
import { stockLots } from '#src/inventory/schema.ts';
import { staffUsers } from '#src/staff/schema.ts';

/** Where an order stands; docs/decisions/0012-order-states.md says which action moves it where. */
export const ORDER_STATUSES = ['pending_payment', 'paid', 'processing', 'shipped', 'delivered', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const orderStatus = pgEnum('order_status', ORDER_STATUSES);

/** How the customer pays: by phone or bank transfer before shipping, or on invoice (net 30) after. */
export const PAYMENT_METHODS = ['phone', 'invoice'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const paymentMethod = pgEnum('payment_method', PAYMENT_METHODS);

/** Who moved an order: a staff member, the customer, or the store itself (checkout, the unpaid-order job). */
export const ORDER_ACTORS = ['staff', 'customer', 'system'] as const;
export type OrderActor = (typeof ORDER_ACTORS)[number];
export const orderActor = pgEnum('order_actor', ORDER_ACTORS);

/** The numbers people read aloud (FMS-10001): one sequence, so two checkouts never share one. */
export const orderNumberSeq = pgSequence('order_number_seq', { startWith: 10001 });

/** An address as it was when the order was placed: the accounts API's fields, kept whatever the book does later. */
export type AddressSnapshot = {
  name: string;
  line1: string;
  line2: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
  phone: string;
};

export const orders = pgTable(
  'orders',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The sequence value behind the number: keyset pages and "newest first" sort by it. */
    seq: integer().notNull().unique(),
    number: text().notNull().unique(),
    /** Null for a guest; guests reach their order through the token link of the confirmation mail. */
    customerId: uuid().references(() => customers.id),
    email: text().notNull(),
    /** SHA-256 of the guest link's token; null for customers' orders. */
    guestTokenHash: text(),
    status: orderStatus().notNull(),
    paymentMethod: paymentMethod().notNull(),
    shippingMethodCode: text().notNull(),
    shippingMethodName: text().notNull(),
    shippingAddress: jsonb().$type<AddressSnapshot>().notNull(),
    /** Null when it is the shipping address. */
    billingAddress: jsonb().$type<AddressSnapshot>(),
    subtotalCents: integer().notNull(),
    shippingCents: integer().notNull(),
    taxCents: integer().notNull(),
    discountCents: integer().notNull().default(0),
    totalCents: integer().notNull(),
    currency: text().notNull(),
    expectedShipOn: date({ mode: 'string' }),
    carrier: text(),
    trackingNumber: text(),
    placedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    paidAt: timestamp({ withTimezone: true }),
    shippedAt: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    cancelReason: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('orders_customer_idx').on(t.customerId, t.seq),
    index('orders_status_idx').on(t.status, t.seq),
    index('orders_placed_idx').on(t.placedAt),
    index('orders_email_idx').on(sql`lower(${t.email})`),
    check(
      'orders_total_adds_up',
      sql`${t.totalCents} = ${t.subtotalCents} + ${t.shippingCents} + ${t.taxCents} - ${t.discountCents}`,
    ),
  ],
);

/** What was bought, as the catalogue described and priced it at the time. */
export const orderLines = pgTable(
  'order_lines',
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    productId: uuid()
      .notNull()
      .references(() => products.id),
    sku: text().notNull(),
    name: text().notNull(),
    quantity: integer().notNull(),
    unitPriceCents: integer().notNull(),
    lineTotalCents: integer().notNull(),
    storage: storageClass().notNull(),
  },
  (t) => [
    index('order_lines_order_idx').on(t.orderId, t.position),
    check('order_lines_quantity_positive', sql`${t.quantity} > 0`),
  ],
);

/** The lots a line's units were taken from, with the lot number and expiry the packing slip and recalls need. */
export const orderLineLots = pgTable(
  'order_line_lots',
  {
    id: uuid().primaryKey().defaultRandom(),
    lineId: uuid()
      .notNull()
      .references(() => orderLines.id, { onDelete: 'cascade' }),
    lotId: uuid()
      .notNull()
      .references(() => stockLots.id),
    lotNumber: text().notNull(),
    expiresOn: date({ mode: 'string' }),
    quantity: integer().notNull(),
  },
  (t) => [index('order_line_lots_line_idx').on(t.lineId), index('order_line_lots_lot_idx').on(t.lotId)],
);

/** Every status an order went through, with who moved it and why. */
export const orderHistory = pgTable(
  'order_history',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    status: orderStatus().notNull(),
    note: text().notNull().default(''),
    actor: orderActor().notNull(),
    staffId: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
    customerId: uuid().references(() => customers.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('order_history_order_idx').on(t.orderId, t.id)],
);

export type Order = typeof orders.$inferSelect;
export type OrderLine = typeof orderLines.$inferSelect;
export type OrderLineLot = typeof orderLineLots.$inferSelect;
export type OrderHistoryEntry = typeof orderHistory.$inferSelect;
