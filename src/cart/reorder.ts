import { and, eq } from 'drizzle-orm';
import { availableFor } from '#src/inventory/availability.ts';
import { AppError } from '#src/lib/errors.ts';
import type { AppContext } from '#src/web/context.ts';
import { MAX_LINE_QUANTITY } from './cart-view.ts';
import { cartItems } from './schema.ts';
import { addCartItem, type Shopper } from './service.ts';

export type ReorderOutcome = {
  added: { name: string; quantity: number }[];
  /** What could not be added, each with the reason in a few words. */
  missed: { name: string; reason: string }[];
};

async function heldInCart(ctx: AppContext, cartId: string, productId: string): Promise<number> {
  const [line] = await ctx.db
    .select({ quantity: cartItems.quantity })
    .from(cartItems)
    .where(and(eq(cartItems.cartId, cartId), eq(cartItems.productId, productId)));
  return line?.quantity ?? 0;
}

/**
 * Adds earlier purchases to a cart ("order again"): each product as many as were bought, lowered to what is
 * available today, and tells what could not be added and why (sold out, no longer sold, not for this customer).
 */
export async function addToCartWhatIsAvailable(
  ctx: AppContext,
  o: { cartId: string; shopper: Shopper; lines: { productId: string; name: string; quantity: number }[] },
): Promise<ReorderOutcome> {
  const outcome: ReorderOutcome = { added: [], missed: [] };
  for (const line of o.lines) {
    const available = (await availableFor(ctx.db, [line.productId])).get(line.productId) ?? 0;
    const held = await heldInCart(ctx, o.cartId, line.productId);
    const quantity = Math.min(line.quantity, Math.min(available, MAX_LINE_QUANTITY) - held);
    if (quantity <= 0) {
      const reason = available <= 0 ? 'sold out' : 'your cart already holds all that is available';
      outcome.missed.push({ name: line.name, reason });
      continue;
    }
    try {
      const added = await addCartItem(ctx, {
        cartId: o.cartId,
        shopper: o.shopper,
        product: { productId: line.productId },
        quantity,
      });
      outcome.added.push({ name: added.name, quantity });
    } catch (err) {
      if (!(err instanceof AppError) || !['VALIDATION', 'SOLD_OUT', 'NOT_ENTITLED'].includes(err.code)) throw err;
      const reason = err.code === 'VALIDATION' && err.fields?.productId ? 'no longer sold' : err.message;
      outcome.missed.push({ name: line.name, reason });
    }
  }
  return outcome;
}
