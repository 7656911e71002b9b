import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cartItems, carts } from '#src/cart/schema.ts';
import { updateProduct } from '#src/catalog/service.ts';
import { createTestProduct } from '#src/catalog/test-factory.ts';
import { stockLots } from '#src/inventory/schema.ts';
import { adjustLot } from '#src/inventory/service.ts';
import { createTestCustomer, createTestCustomerSession } from '#src/licences/test-factory.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor } from '#test/support/visitor.ts';
import { placeTestOrder } from './test-factory.ts';

let store: TestStore;

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
});
afterAll(() => store?.close());

describe('order again', () => {
  it('puts what is still available into the cart and says what could not be added', async () => {
    const plenty = await createTestProduct(store.ctx, { name: 'Plenty Balm', stock: 20 });
    const scarce = await createTestProduct(store.ctx, { name: 'Scarce Serum', stock: 5 });
    const gone = await createTestProduct(store.ctx, { name: 'Gone Gel', stock: 5 });
    const retired = await createTestProduct(store.ctx, { name: 'Retired Mask', stock: 5 });
    const customer = await createTestCustomer(store.ctx.db, { accountType: 'client' });
    const { order } = await placeTestOrder(store.ctx, {
      customerId: customer.id,
      lines: [
        { product: plenty, quantity: 3 },
        { product: scarce, quantity: 4 },
        { product: gone, quantity: 2 },
        { product: retired, quantity: 1 },
      ],
    });
    // Since then: one unit of the scarce serum is left, the gel sold out, the mask is no longer sold.
    const [goneLot] = await store.ctx.db.select().from(stockLots).where(eq(stockLots.productId, gone.id));
    await store.ctx.db.transaction((tx) =>
      adjustLot({ tx, cache: store.ctx.cache }, { lotId: goneLot!.id, change: -3, reason: 'Damaged' }),
    );
    await updateProduct(store.ctx, { id: retired.id, changes: { status: 'archived' } });

    const visitor = createVisitor(store);
    visitor.cookies.set('sid', await createTestCustomerSession(store.ctx.db, customer.id));
    const page = await visitor.page(`/account/orders/${order.number}`);
    expect(page).toContain('Order again');
    const res = await visitor.submit(`/account/orders/${order.number}`, {}, `/account/orders/${order.number}/again`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/cart');
    const cartPage = await visitor.page('/cart');
    expect(cartPage).toContain('Added to your cart: ');
    expect(cartPage).toContain('3 × Plenty Balm');
    expect(cartPage).toContain('1 × Scarce Serum');
    expect(cartPage).toContain('Gone Gel (sold out)');
    expect(cartPage).toContain('Retired Mask (no longer sold)');

    const [cart] = await store.ctx.db.select().from(carts).where(eq(carts.customerId, customer.id));
    const items = await store.ctx.db.select().from(cartItems).where(eq(cartItems.cartId, cart!.id));
    const quantities = Object.fromEntries(items.map((i) => [i.productId, i.quantity]));
    expect(quantities).toEqual({ [plenty.id]: 3, [scarce.id]: 1 });
  });

  it("answers 404 for another customer's order", async () => {
    const product = await createTestProduct(store.ctx);
    const owner = await createTestCustomer(store.ctx.db, { accountType: 'client' });
    const { order } = await placeTestOrder(store.ctx, { customerId: owner.id, lines: [{ product, quantity: 1 }] });
    const other = await createTestCustomer(store.ctx.db, { accountType: 'client' });
    const visitor = createVisitor(store);
    visitor.cookies.set('sid', await createTestCustomerSession(store.ctx.db, other.id));
    const res = await visitor.submit('/account/orders', {}, `/account/orders/${order.number}/again`);
    expect(res.status).toBe(404);
    expect(await store.ctx.db.select().from(carts).where(eq(carts.customerId, other.id))).toEqual([]);
  });
});
