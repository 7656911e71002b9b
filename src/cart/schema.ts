import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { customers } from '#src/accounts/schema.ts';
import { products } from '#src/catalog/schema.ts';

/**
 * A visitor's or customer's cart. Its id is the unguessable token in the visitor's cookie and in the API's paths
 * (32 random bytes, base64url), so knowing one cart's address says nothing of another's.
 */
export const carts = pgTable(
  'carts',
  {
    id: text().primaryKey(),
    /** Null for a guest's cart; a customer's carts follow them across devices (the most recent one is shown). */
    customerId: uuid().references(() => customers.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('carts_customer_idx').on(t.customerId, t.updatedAt)],
);

/** One product in a cart, with the price it had when added, so the cart page can say when it changed. */
export const cartItems = pgTable(
  'cart_items',
  {
    id: uuid().primaryKey().defaultRandom(),
    cartId: text()
      .notNull()
      .references(() => carts.id, { onDelete: 'cascade' }),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    quantity: integer().notNull(),
    unitPriceCentsWhenAdded: integer().notNull(),
    addedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('cart_items_cart_product_key').on(t.cartId, t.productId),
    check('cart_items_quantity_positive', sql`${t.quantity} > 0`),
  ],
);

export type Cart = typeof carts.$inferSelect;
export type CartItem = typeof cartItems.$inferSelect;
