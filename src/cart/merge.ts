import { and, eq, inArray } from 'drizzle-orm';
import { availableFor } from '#src/inventory/availability.ts';
import type { AppContext } from '#src/web/context.ts';
import { MAX_LINE_QUANTITY } from './cart-view.ts';
import { findCurrentCartId } from './queries.ts';
import { cartItems, carts } from './schema.ts';

/**
 * Moves a guest's cart into the customer who just signed in. Without a cart of their own, the guest cart becomes
 * theirs; otherwise its lines are added to their current cart, quantities summed and capped by what is available
 * and MAX_LINE_QUANTITY, and the guest cart is deleted. A line of which nothing is available comes over as it is,
 * so the cart page tells the customer it went out of stock instead of dropping it unseen. A cart that already
 * belongs to someone is left alone.
 */
export async function mergeGuestCart(ctx: AppContext, o: { guestCartId: string; customerId: string }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [guest] = await tx.select().from(carts).where(eq(carts.id, o.guestCartId)).for('update');
    if (!guest || guest.customerId !== null) return;
    const targetId = await findCurrentCartId(tx, o.customerId);
    if (!targetId) {
      await tx.update(carts).set({ customerId: o.customerId, updatedAt: new Date() }).where(eq(carts.id, guest.id));
      await ctx.cache.announce(tx, { cart: guest.id, customerId: o.customerId });
      return;
    }
    await tx.select({ id: carts.id }).from(carts).where(eq(carts.id, targetId)).for('update');
    const guestLines = await tx.select().from(cartItems).where(eq(cartItems.cartId, guest.id));
    const productIds = guestLines.map((l) => l.productId);
    const available = await availableFor(tx, productIds);
    const held = new Map(
      (productIds.length === 0
        ? []
        : await tx
            .select({ id: cartItems.id, productId: cartItems.productId, quantity: cartItems.quantity })
            .from(cartItems)
            .where(and(eq(cartItems.cartId, targetId), inArray(cartItems.productId, productIds)))
      ).map((l) => [l.productId, l]),
    );
    for (const line of guestLines) {
      const units = available.get(line.productId) ?? 0;
      const mine = held.get(line.productId);
      const wanted = (mine?.quantity ?? 0) + line.quantity;
      const quantity = Math.min(wanted, MAX_LINE_QUANTITY, units > 0 ? units : wanted);
      if (mine) {
        if (quantity > mine.quantity) {
          await tx.update(cartItems).set({ quantity }).where(eq(cartItems.id, mine.id));
        }
      } else {
        await tx.insert(cartItems).values({
          cartId: targetId,
          productId: line.productId,
          quantity,
          unitPriceCentsWhenAdded: line.unitPriceCentsWhenAdded,
          addedAt: line.addedAt,
        });
      }
    }
    await tx.delete(carts).where(eq(carts.id, guest.id));
    await tx.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, targetId));
    await ctx.cache.announce(tx, { cart: guest.id, customerId: null });
    await ctx.cache.announce(tx, { cart: targetId, customerId: o.customerId });
  });
}
