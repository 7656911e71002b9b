import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, signInAs, signUp } from '#src/accounts/test-helpers.ts';
import { createTestProduct } from '#src/catalog/test-factory.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor, type Visitor } from '#test/support/visitor.ts';
import { carts } from './schema.ts';
import { addFromPage } from './test-helpers.ts';

let store: TestStore;

beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store.close());

function linesOf(page: string): Record<string, string> {
  const lines: Record<string, string> = {};
  for (const m of page.matchAll(
    /<a href="\/products\/([^"]+)">[^<]*<\/a><\/h2>[\s\S]*?name="quantity"[^>]*value="(\d+)"/g,
  )) {
    lines[m[1]!] = m[2]!;
  }
  return lines;
}

async function customerWithCart(items: [string, string][]): Promise<{ email: string; laptop: Visitor }> {
  const { visitor: laptop, email } = await signUp(store);
  for (const [product, quantity] of items) await addFromPage(store, laptop, { product, quantity });
  return { email, laptop };
}

describe('a guest cart at sign-in', () => {
  it("merges into the customer's cart on page sign-in, quantities added and capped by what is available", async () => {
    const shared = await createTestProduct(store.ctx, { stock: 5 });
    const guestOnly = await createTestProduct(store.ctx, { stock: 5 });
    const { email, laptop } = await customerWithCart([[shared.slug, '3']]);
    const phone = createVisitor(store);
    await addFromPage(store, phone, { product: shared.slug, quantity: '4' });
    await addFromPage(store, phone, { product: guestOnly.slug, quantity: '2' });
    await signInAs(phone, email, GOOD_PASSWORD);
    expect(phone.cookies.has('cart')).toBe(false);
    const page = await phone.page('/cart');
    expect(linesOf(page)).toEqual({ [shared.slug]: '5', [guestOnly.slug]: '2' });
    expect(page).toContain('<span class="cart-count">7<');
    expect(linesOf(await laptop.page('/cart'))).toEqual({ [shared.slug]: '5', [guestOnly.slug]: '2' });
    // Signed out, the old cookie is gone and the customer's cart is not shown.
    await phone.submit('/account', {}, '/account/sign-out');
    expect(await phone.page('/cart')).toContain('Your cart is empty.');
  });

  it('becomes the cart of a customer who had none, on API sign-in', async () => {
    const product = await createTestProduct(store.ctx);
    const { email, visitor: registered } = await signUp(store);
    await registered.submit('/account', {}, '/account/sign-out');
    const browser = createVisitor(store);
    await addFromPage(store, browser, { product: product.slug, quantity: '2' });
    const guestCartId = browser.cookies.get('cart')!;
    const res = await browser.api('/api/store/session', { method: 'POST', body: { email, password: GOOD_PASSWORD } });
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as { token: string };
    expect(browser.cookies.has('cart')).toBe(false);
    expect(linesOf(await browser.page('/cart'))).toEqual({ [product.slug]: '2' });
    // The cart now belongs to the customer: 404 to anyone else, theirs with their token.
    expect((await store.request(`/api/store/carts/${guestCartId}`)).status).toBe(404);
    const mine = await store.request(`/api/store/carts/${guestCartId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(mine.status).toBe(200);
  });
});

describe("a customer's carts and their data", () => {
  it('are in the data export and go with the account', async () => {
    const product = await createTestProduct(store.ctx, { name: 'Export Balm' });
    const { visitor, password } = await signUp(store);
    await addFromPage(store, visitor, { product: product.slug, quantity: '2' });
    const exported = (await (await visitor.api('/api/store/account/export')).json()) as {
      profile: { id: string };
      carts: { items: { slug: string; name: string; quantity: number }[] }[];
    };
    expect(exported.carts).toHaveLength(1);
    expect(exported.carts[0]!.items).toEqual([
      expect.objectContaining({ slug: product.slug, name: 'Export Balm', quantity: 2 }),
    ]);
    const deleted = await visitor.api('/api/store/account', { method: 'DELETE', body: { password } });
    expect(deleted.status).toBe(204);
    const left = await store.ctx.db.select().from(carts).where(eq(carts.customerId, exported.profile.id));
    expect(left).toEqual([]);
  });
});
