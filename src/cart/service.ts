import { and, eq, sql } from 'drizzle-orm';
import { type Product, products } from '#src/catalog/schema.ts';
import type { Db } from '#src/db/client.ts';
import { availableFor } from '#src/inventory/availability.ts';
import { AppError } from '#src/lib/errors.ts';
import { uuidSchema } from '#src/lib/ids.ts';
import { createToken } from '#src/lib/tokens.ts';
import { checkPurchaseEntitlement, type Entitlement } from '#src/licences/entitlement.ts';
import { settingsOf } from '#src/store/settings.ts';
import type { AppContext } from '#src/web/context.ts';
import { type CartView, composeCart, MAX_LINE_QUANTITY } from './cart-view.ts';
import { cartLinesOf } from './line-cache.ts';
import { type CartLineRow, findProductToAdd, readCartLines } from './queries.ts';
import { type Cart, cartItems, carts } from './schema.ts';

/** Who is shopping: a signed-in customer (whose licences decide restricted products) or a guest. */
export type Shopper = { id: string; emailVerifiedAt: Date | null } | undefined;

/** Locks a cart for the rest of `tx`, so that two writes to one cart (two tabs) apply one after the other. */
export async function lockCart(tx: Db, cartId: string): Promise<Cart> {
  const [cart] = await tx.select().from(carts).where(eq(carts.id, cartId)).for('update');
  if (!cart) throw new AppError('NOT_FOUND', 'This cart does not exist.');
  return cart;
}

/**
 * `lockCart` for a write that moves the cart to the top of its customer's carts anyway: the update takes the same
 * lock, and now() is the transaction's time whichever statement sets it.
 */
export async function lockAndTouchCart(tx: Db, cartId: string): Promise<Cart> {
  const [cart] = await tx.update(carts).set({ updatedAt: sql`now()` }).where(eq(carts.id, cartId)).returning();
  if (!cart) throw new AppError('NOT_FOUND', 'This cart does not exist.');
  return cart;
}

// Every cart write moves its cart to the top of its customer's carts and tells every instance's header cache.
async function touchAndAnnounce(ctx: AppContext, tx: Db, cart: Pick<Cart, 'id' | 'customerId'>): Promise<void> {
  await tx.update(carts).set({ updatedAt: sql`now()` }).where(eq(carts.id, cart.id));
  await ctx.cache.announce(tx, { cart: cart.id, customerId: cart.customerId });
}

/** Creates an empty cart, a guest's or a customer's, and returns its unguessable id. */
export async function createCart(ctx: AppContext, o: { customerId: string | null }): Promise<string> {
  const id = createToken();
  // A guest's new cart changes nothing any instance holds: no one could have asked for an id made just now. A
  // customer's becomes their current cart, which every instance must hear.
  if (o.customerId === null) {
    await ctx.db.insert(carts).values({ id, customerId: null });
    return id;
  }
  await ctx.db.transaction(async (tx) => {
    await tx.insert(carts).values({ id, customerId: o.customerId });
    await ctx.cache.announce(tx, { cart: id, customerId: o.customerId });
  });
  return id;
}

function tooMany(name: string, limit: number, held: number): AppError {
  const why = limit < MAX_LINE_QUANTITY ? `only ${limit} available today` : `at most ${limit} per order`;
  const message =
    held > 0
      ? `${name}: ${why}, and your cart already holds ${held}.`
      : `${name}: ${why}. Please choose ${limit} or fewer.`;
  return new AppError('VALIDATION', message, { fields: { quantity: message } });
}

function soldOut(name: string): AppError {
  return new AppError('SOLD_OUT', `${name} is out of stock.`);
}

/**
 * Adds units of a product to a cart (to its line, if it has one). Refused, changing nothing: a product not on
 * sale, a restricted product this shopper may not order (with the reason and how to qualify), a product out of
 * stock, and a line that would hold more than is available or than MAX_LINE_QUANTITY.
 */
export async function addCartItem(
  ctx: AppContext,
  o: {
    cartId: string;
    shopper: Shopper;
    product: { productId?: string | undefined; slug?: string | undefined };
    quantity: number;
  },
): Promise<{ itemId: string; name: string; quantity: number }> {
  const product = await findProductToAdd(ctx.db, o.product);
  if (!product) {
    const field = o.product.productId ? 'productId' : 'slug';
    const message = 'No product on sale has this id or address.';
    throw new AppError('VALIDATION', message, { fields: { [field]: message } });
  }
  const entitlement = await checkPurchaseEntitlement(ctx.db, o.shopper, product);
  if (!entitlement.allowed) {
    throw new AppError('NOT_ENTITLED', `${entitlement.reason} ${entitlement.howToQualify}`);
  }
  // Availability as the product was read a moment ago: reading it again under the cart's lock would be no truer
  // (nothing here locks the lots), only a statement longer. Checkout is where stock is checked under lock.
  const { available } = product;
  if (available <= 0) throw soldOut(product.name);
  const limit = Math.min(available, MAX_LINE_QUANTITY);
  return ctx.db.transaction(async (tx) => {
    const cart = await lockAndTouchCart(tx, o.cartId);
    // One statement adds the line or adds to it, only up to the limit; the refusal reads what the line holds.
    const [line] =
      o.quantity > limit
        ? []
        : await tx
            .insert(cartItems)
            .values({
              cartId: cart.id,
              productId: product.id,
              quantity: o.quantity,
              unitPriceCentsWhenAdded: product.priceCents,
            })
            .onConflictDoUpdate({
              target: [cartItems.cartId, cartItems.productId],
              set: { quantity: sql`${cartItems.quantity} + excluded.quantity` },
              setWhere: sql`${cartItems.quantity} + excluded.quantity <= ${limit}`,
            })
            .returning({ id: cartItems.id, quantity: cartItems.quantity });
    if (!line) throw tooMany(product.name, limit, await heldOf(tx, cart.id, product.id));
    await ctx.cache.announce(tx, { cart: cart.id, customerId: cart.customerId });
    return { itemId: line.id, name: product.name, quantity: line.quantity };
  });
}

async function heldOf(tx: Db, cartId: string, productId: string): Promise<number> {
  const [line] = await tx
    .select({ quantity: cartItems.quantity })
    .from(cartItems)
    .where(and(eq(cartItems.cartId, cartId), eq(cartItems.productId, productId)));
  return line?.quantity ?? 0;
}

async function lockLine(tx: Db, cartId: string, itemId: string) {
  const missing = () => new AppError('NOT_FOUND', 'This cart has no such item; it may have been removed already.');
  if (!uuidSchema.safeParse(itemId).success) throw missing();
  const [line] = await tx
    .select({ id: cartItems.id, productId: cartItems.productId, quantity: cartItems.quantity, name: products.name })
    .from(cartItems)
    .innerJoin(products, eq(products.id, cartItems.productId))
    .where(and(eq(cartItems.cartId, cartId), eq(cartItems.id, itemId)));
  if (!line) throw missing();
  return line;
}

/** Sets a line's quantity; more than is available, or than MAX_LINE_QUANTITY, is refused and changes nothing. */
export async function updateCartItem(
  ctx: AppContext,
  o: { cartId: string; itemId: string; quantity: number },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const cart = await lockCart(tx, o.cartId);
    const line = await lockLine(tx, cart.id, o.itemId);
    const available = (await availableFor(tx, [line.productId])).get(line.productId) ?? 0;
    const { name } = line;
    if (o.quantity > line.quantity || o.quantity > available) {
      if (available <= 0) throw soldOut(name);
      const limit = Math.min(available, MAX_LINE_QUANTITY);
      if (o.quantity > limit) throw tooMany(name, limit, 0);
    }
    await tx.update(cartItems).set({ quantity: o.quantity }).where(eq(cartItems.id, line.id));
    await touchAndAnnounce(ctx, tx, cart);
  });
}

export async function removeCartItem(ctx: AppContext, o: { cartId: string; itemId: string }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const cart = await lockCart(tx, o.cartId);
    const line = await lockLine(tx, cart.id, o.itemId);
    await tx.delete(cartItems).where(eq(cartItems.id, line.id));
    await touchAndAnnounce(ctx, tx, cart);
  });
}

// A view of the cart reads its lines from this instance's cache (line-cache.ts); an answer to a write reads them
// anew, so that it shows the write whether or not the announcement of it was heard yet.
async function cartLinesToShow(ctx: AppContext, cartId: string, isCached: boolean): Promise<CartLineRow[]> {
  if (!isCached) return readCartLines(ctx.db, cartId);
  const cache = cartLinesOf(ctx.cache);
  const cached = cache.lines(cartId);
  if (cached) return cached;
  const readAt = cache.version;
  const rows = await readCartLines(ctx.db, cartId);
  cache.setLines(cartId, rows, readAt);
  return rows;
}

/**
 * A cart as its shopper sees it now: priced from the catalogue, each line with its warnings. A line asking for
 * more than is available is lowered to what is (and says so this once); one with nothing available is kept, so
 * the shopper sees it went out of stock. `isCached` for a view of the cart: its lines may come from this
 * instance's cache, which every change of them empties. Entitlements are checked on every call.
 */
export async function loadCart(
  ctx: AppContext,
  o: { cart: Pick<Cart, 'id' | 'customerId'>; shopper: Shopper; isCached?: boolean; isNew?: boolean },
): Promise<CartView> {
  // A cart made by this very request holds nothing yet: no query needs to say so.
  const rows = o.isNew ? [] : await cartLinesToShow(ctx, o.cart.id, o.isCached ?? false);
  const lowered = new Map<string, number>();
  const toLower = rows.filter((r) => r.status === 'active' && r.available > 0 && r.quantity > r.available);
  if (toLower.length > 0) {
    await ctx.db.transaction(async (tx) => {
      const cart = await lockCart(tx, o.cart.id);
      for (const row of toLower) {
        await tx.update(cartItems).set({ quantity: row.available }).where(eq(cartItems.id, row.id));
      }
      await touchAndAnnounce(ctx, tx, cart);
    });
    for (const row of toLower) {
      lowered.set(row.id, row.quantity);
      row.quantity = row.available;
    }
  }
  const entitlementOf = await entitlementsOf(ctx.db, o.shopper, rows);
  const { currency } = await settingsOf(ctx);
  return composeCart({ id: o.cart.id, customerId: o.cart.customerId, currency, rows, entitlementOf, lowered });
}

/** Whether this shopper may order each access class the lines hold: one check per class, not per line. */
export async function entitlementsOf(
  db: Db,
  shopper: Shopper,
  rows: readonly Pick<CartLineRow, 'accessClass'>[],
): Promise<(accessClass: Product['accessClass']) => Entitlement> {
  const entitlements = new Map<Product['accessClass'], Entitlement>();
  for (const accessClass of new Set(rows.map((r) => r.accessClass))) {
    entitlements.set(accessClass, await checkPurchaseEntitlement(db, shopper, { accessClass }));
  }
  return (accessClass) => entitlements.get(accessClass)!;
}
