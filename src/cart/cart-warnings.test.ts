import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestProduct } from '#src/catalog/test-factory.ts';
import { licences } from '#src/licences/schema.ts';
import { createTestCustomer, createTestCustomerSession, createTestLicence } from '#src/licences/test-factory.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor } from '#test/support/visitor.ts';
import { addFromPage, setAvailable, setPrice } from './test-helpers.ts';

let store: TestStore;

beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store.close());

type Cart = { items: { quantity: number; lineTotalCents: number; warnings: { code: string; message: string }[] }[] } & {
  subtotalCents: number;
  fingerprint: string;
};

async function cartOf(id: string, token?: string): Promise<Cart> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  return (await (await store.request(`/api/store/carts/${id}`, { headers })).json()) as Cart;
}

describe('warnings line by line', () => {
  it('warns of a price change, and prices the cart from the catalogue', async () => {
    const product = await createTestProduct(store.ctx, { priceCents: 2000, name: 'Peptide Toner' });
    const visitor = createVisitor(store);
    await addFromPage(store, visitor, { product: product.slug, quantity: '2' });
    const before = await cartOf(visitor.cookies.get('cart')!);
    await setPrice(store, product.id, 2400);
    const page = await visitor.page('/cart');
    expect(page).toContain('The price went up from $20.00 to $24.00 since you added it.');
    expect(page).toContain('$48.00');
    const after = await cartOf(visitor.cookies.get('cart')!);
    expect(after.subtotalCents).toBe(4800);
    expect(after.items[0]!.warnings.map((w) => w.code)).toEqual(['price-changed']);
    expect(after.fingerprint).not.toBe(before.fingerprint);
  });

  it('lowers a quantity to what is available and says so, and warns of a line out of stock', async () => {
    const scarce = await createTestProduct(store.ctx, { stock: 10, name: 'Scarce Serum' });
    const gone = await createTestProduct(store.ctx, { stock: 10, name: 'Gone Gel' });
    const visitor = createVisitor(store);
    await addFromPage(store, visitor, { product: scarce.slug, quantity: '6' });
    await addFromPage(store, visitor, { product: gone.slug, quantity: '1' });
    await setAvailable(store, scarce.id, 4);
    await setAvailable(store, gone.id, 0);
    const page = await visitor.page('/cart');
    expect(page).toContain('Only 4 available: we lowered the quantity from 6 to 4.');
    expect(page).toContain('Out of stock since you added it.');
    expect(page).toContain('Not included');
    const cart = await cartOf(visitor.cookies.get('cart')!);
    expect(cart.items[0]).toMatchObject({ quantity: 4, warnings: [] });
    expect(cart.items[1]).toMatchObject({ quantity: 1, lineTotalCents: 0 });
    expect(cart.items[1]!.warnings.map((w) => w.code)).toEqual(['out-of-stock']);
    expect(cart.subtotalCents).toBe(4 * 1000);
    // The header counts what the cart holds now.
    expect(await visitor.page(`/products/${scarce.slug}`)).toContain('<span class="cart-count">5<');
  });

  it('warns when a restricted product became unavailable to this customer', async () => {
    const product = await createTestProduct(store.ctx, { accessClass: 'professional', name: 'Pro Peel' });
    const customer = await createTestCustomer(store.ctx.db);
    const licence = await createTestLicence(store.ctx.db, customer.id, { status: 'approved' });
    const visitor = createVisitor(store);
    visitor.cookies.set('sid', await createTestCustomerSession(store.ctx.db, customer.id));
    await addFromPage(store, visitor, { product: product.slug });
    expect(await visitor.page('/cart')).not.toContain('cart-warning');
    await store.ctx.db.update(licences).set({ status: 'suspended' }).where(eq(licences.id, licence.id));
    const page = await visitor.page('/cart');
    expect(page).toContain('The approval of your licence is suspended.');
    expect(page).toContain('Not included');
  });
});
