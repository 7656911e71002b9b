import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { products } from '#src/catalog/schema.ts';
import { createTestProduct } from '#src/catalog/test-factory.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor } from '#test/support/visitor.ts';
import { cartLinesOf } from './line-cache.ts';
import type { CartLineRow } from './queries.ts';
import { addFromPage, setAvailable, setPrice } from './test-helpers.ts';

let store: TestStore;

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
});
afterAll(() => store.close());

// Waits until the notifications of the writes so far reached this instance (PostgreSQL), so that the next
// view's read is kept.
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 100));
}

describe("the cart page's cached lines", () => {
  it('answers a second view without reading, and shows every announced change of price, stock and the cart', async () => {
    const product = await createTestProduct(store.ctx, { name: 'Barrier Cream', priceCents: 1500, stock: 10 });
    const visitor = createVisitor(store);
    await addFromPage(store, visitor, { product: product.slug, quantity: '2' });
    await settle();
    expect(await visitor.page('/cart')).toContain('$30.00');
    // Written behind the store's back, without an announcement: the cached lines still answer.
    await store.ctx.db.update(products).set({ name: 'Renamed Quietly' }).where(eq(products.id, product.id));
    expect(await visitor.page('/cart')).toContain('Barrier Cream');

    await setPrice(store, product.id, 2000);
    await settle();
    const repriced = await visitor.page('/cart');
    expect(repriced).toContain('Renamed Quietly');
    expect(repriced).toContain('$40.00');

    await setAvailable(store, product.id, 1);
    await settle();
    expect(await visitor.page('/cart')).toContain('we lowered the quantity from 2 to 1');

    const other = await createTestProduct(store.ctx, { name: 'Night Balm', priceCents: 900, stock: 10 });
    await addFromPage(store, visitor, { product: other.slug, quantity: '1' });
    expect(await visitor.page('/cart')).toContain('Night Balm');
    const cartId = visitor.cookies.get('cart')!;
    const answer = (await (await store.request(`/api/store/carts/${cartId}`)).json()) as { itemCount: number };
    expect(answer.itemCount).toBe(2);
  });

  it('keeps no read that began before a change it heard', async () => {
    const cache = cartLinesOf(store.ctx.cache);
    const row = { id: 'line', quantity: 1 } as CartLineRow;
    const readAt = cache.version;
    cache.setLines('cart-a', [row], readAt);
    expect(cache.lines('cart-a')).toEqual([row]);
    // A copy: a caller lowering a quantity changes nothing kept.
    cache.lines('cart-a')![0]!.quantity = 5;
    expect(cache.lines('cart-a')![0]!.quantity).toBe(1);

    const before = cache.version;
    await store.ctx.cache.announce(store.ctx.db, { cart: 'cart-b', customerId: null });
    cache.setLines('cart-b', [row], before);
    expect(cache.lines('cart-b')).toBeUndefined();
    expect(cache.lines('cart-a')).toEqual([row]);
    await store.ctx.cache.announce(store.ctx.db, { pages: ['product:anything'] });
    expect(cache.lines('cart-a')).toBeUndefined();
  });
});
