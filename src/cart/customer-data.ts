import { asc, eq, inArray } from 'drizzle-orm';
import type { Context } from 'hono';
import type { CustomerDataPart } from '#src/accounts/privacy/privacy.ts';
import { products } from '#src/catalog/schema.ts';
import type { AppEnv } from '#src/web/context.ts';
import { mergeGuestCart } from './merge.ts';
import { cartItems, carts } from './schema.ts';
import { cartCookieOf, clearCartCookie } from './visitor-cart.ts';

/** A customer's carts in their data export; deleting the account deletes them (a cart is no record to keep). */
export const cartCustomerData: CustomerDataPart = {
  name: 'carts',
  async exportOf(db, customerId) {
    const own = await db.select().from(carts).where(eq(carts.customerId, customerId)).orderBy(asc(carts.createdAt));
    if (own.length === 0) return [];
    const lines = await db
      .select({
        cartId: cartItems.cartId,
        slug: products.slug,
        name: products.name,
        quantity: cartItems.quantity,
        addedAt: cartItems.addedAt,
      })
      .from(cartItems)
      .innerJoin(products, eq(products.id, cartItems.productId))
      .where(
        inArray(
          cartItems.cartId,
          own.map((cart) => cart.id),
        ),
      )
      .orderBy(asc(cartItems.addedAt));
    return own.map((cart) => ({
      createdAt: cart.createdAt.toISOString(),
      updatedAt: cart.updatedAt.toISOString(),
      items: lines
        .filter((line) => line.cartId === cart.id)
        .map(({ cartId: _, addedAt, ...line }) => ({ ...line, addedAt: addedAt.toISOString() })),
    }));
  },
  async erase(tx, customerId, ctx) {
    const gone = await tx.delete(carts).where(eq(carts.customerId, customerId)).returning({ id: carts.id });
    for (const { id } of gone) await ctx.cache.announce(tx, { cart: id, customerId });
    return undefined;
  },
};

/** At sign-in, this browser's guest cart joins the customer's (merge.ts); the cookie is then not needed. */
export async function mergeCartAtSignIn(c: Context<AppEnv>, customerId: string): Promise<void> {
  const guestCartId = cartCookieOf(c);
  if (!guestCartId) return;
  await mergeGuestCart(c.var.ctx, { guestCartId, customerId });
  clearCartCookie(c);
}
