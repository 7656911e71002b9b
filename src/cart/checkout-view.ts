import { eq } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import type { CacheBus } from '#src/web/cache-bus.ts';
import { type CartView, composeCart } from './cart-view.ts';
import { readCartLines } from './queries.ts';
import { cartItems } from './schema.ts';
import { entitlementsOf, lockAndTouchCart, type Shopper } from './service.ts';

/**
 * The cart as checkout prices it, inside checkout's own transaction: locked until the order is placed, read with
 * `tx` only, and with nothing lowered, so that a line asking for more than is left shows in the fingerprint.
 */
export async function lockCartForCheckout(
  tx: Db,
  o: { cartId: string; shopper: Shopper; currency: string },
): Promise<CartView> {
  // Placing the order empties the cart, which moves it to the top of its customer's carts: the lock does both.
  const cart = await lockAndTouchCart(tx, o.cartId);
  const rows = await readCartLines(tx, cart.id);
  const entitlementOf = await entitlementsOf(tx, o.shopper, rows);
  return composeCart({
    id: cart.id,
    customerId: cart.customerId,
    currency: o.currency,
    rows,
    entitlementOf,
    lowered: new Map(),
  });
}

/** Empties a cart locked by `lockCartForCheckout`, in the transaction that placed its order, and tells every instance's header. */
export async function emptyCart(
  tx: Db,
  cache: Pick<CacheBus, 'announce'>,
  cart: Pick<CartView, 'id' | 'customerId'>,
): Promise<void> {
  await tx.delete(cartItems).where(eq(cartItems.cartId, cart.id));
  await cache.announce(tx, { cart: cart.id, customerId: cart.customerId });
}
