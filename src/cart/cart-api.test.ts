import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestProduct } from '#src/catalog/test-factory.ts';
import { createTestCustomer, createTestCustomerSession, createTestLicence } from '#src/licences/test-factory.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor } from '#test/support/visitor.ts';
import { requestCached } from './test-helpers.ts';

let store: TestStore;

beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store.close());

type Json = Record<string, unknown> & { items: Record<string, unknown>[] };

function call(path: string, o: { method?: string; body?: unknown; token?: string } = {}) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  return store.request(path, {
    method: o.method ?? 'GET',
    headers,
    body: o.body === undefined ? undefined : JSON.stringify(o.body),
  });
}

async function newCart(token?: string): Promise<string> {
  const res = await call('/api/store/carts', { method: 'POST', ...(token ? { token } : {}) });
  expect(res.status).toBe(201);
  const cart = (await res.json()) as Json;
  expect(res.headers.get('location')).toBe(`/api/store/carts/${cart.id}`);
  return cart.id as string;
}

async function signedIn() {
  const customer = await createTestCustomer(store.ctx.db);
  return { customer, token: await createTestCustomerSession(store.ctx.db, customer.id) };
}

describe('the cart API', () => {
  it('creates a cart, adds by slug and by id, changes and removes lines, and answers exactly the documented fields', async () => {
    const serum = await createTestProduct(store.ctx, { priceCents: 2500, stock: 20 });
    const cream = await createTestProduct(store.ctx, { priceCents: 1200, stock: 20, storage: 'refrigerated' });
    const id = await newCart();
    const empty = (await (await call(`/api/store/carts/${id}`)).json()) as Json;
    expect(empty).toEqual({
      id,
      items: [],
      subtotalCents: 0,
      itemCount: 0,
      fingerprint: expect.any(String),
      currency: 'USD',
    });

    const bySlug = await call(`/api/store/carts/${id}/items`, {
      method: 'POST',
      body: { slug: serum.slug, quantity: 2 },
    });
    expect(bySlug.status).toBe(200);
    const byId = await call(`/api/store/carts/${id}/items`, {
      method: 'POST',
      body: { productId: cream.id, quantity: 1 },
    });
    const cart = (await byId.json()) as Json;
    expect(Object.keys(cart).sort()).toEqual(['currency', 'fingerprint', 'id', 'itemCount', 'items', 'subtotalCents']);
    expect(cart.subtotalCents).toBe(2 * 2500 + 1200);
    expect(cart.itemCount).toBe(3);
    const [first, second] = cart.items;
    expect(Object.keys(first!).sort()).toEqual(
      ['id', 'lineTotalCents', 'name', 'productId', 'quantity', 'slug', 'storage', 'unitPriceCents', 'warnings'].sort(),
    );
    expect(first).toMatchObject({
      productId: serum.id,
      slug: serum.slug,
      quantity: 2,
      unitPriceCents: 2500,
      lineTotalCents: 5000,
      storage: 'ambient',
      warnings: [],
    });
    expect(second).toMatchObject({ productId: cream.id, storage: 'refrigerated', lineTotalCents: 1200 });

    const patched = await call(`/api/store/carts/${id}/items/${first!.id}`, { method: 'PATCH', body: { quantity: 5 } });
    const after = (await patched.json()) as Json;
    expect(after.subtotalCents).toBe(5 * 2500 + 1200);
    expect(after.fingerprint).not.toBe(cart.fingerprint);
    const removed = await call(`/api/store/carts/${id}/items/${second!.id}`, { method: 'DELETE' });
    expect(((await removed.json()) as Json).items).toHaveLength(1);
    const gone = await call(`/api/store/carts/${id}/items/${second!.id}`, { method: 'DELETE' });
    expect(gone.status).toBe(404);
  });

  it('refuses a price, bad quantities and unknown products, changing nothing', async () => {
    const product = await createTestProduct(store.ctx, { stock: 5 });
    const id = await newCart();
    await call(`/api/store/carts/${id}/items`, { method: 'POST', body: { slug: product.slug, quantity: 1 } });
    const before = (await (await call(`/api/store/carts/${id}`)).json()) as Json;
    const itemId = before.items[0]!.id as string;
    const bad: [unknown, number][] = [
      [{ slug: product.slug, quantity: 1, unitPriceCents: 1 }, 400],
      [{ slug: product.slug, quantity: 1, priceCents: 1 }, 400],
      [{ slug: product.slug, quantity: 0 }, 400],
      [{ slug: product.slug, quantity: -2 }, 400],
      [{ slug: product.slug, quantity: 1.5 }, 400],
      [{ slug: product.slug, quantity: 1e9 }, 400],
      [{ slug: product.slug, quantity: '2' }, 400],
      [{ slug: product.slug }, 400],
      [{ slug: product.slug, productId: product.id, quantity: 1 }, 400],
      [{ productId: 'not-a-uuid', quantity: 1 }, 400],
      [{ slug: 'no-such-product', quantity: 1 }, 422],
      [{ productId: '00000000-0000-4000-8000-000000000000', quantity: 1 }, 422],
      [{ slug: product.slug, quantity: 5 }, 422],
    ];
    for (const [body, status] of bad) {
      const res = await call(`/api/store/carts/${id}/items`, { method: 'POST', body });
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    for (const [body, status] of [
      [{ quantity: 0 }, 400],
      [{ quantity: 100 }, 400],
      [{ quantity: 2, unitPriceCents: 5 }, 400],
      [{ quantity: 6 }, 422],
    ] as const) {
      const res = await call(`/api/store/carts/${id}/items/${itemId}`, { method: 'PATCH', body });
      expect(res.status, JSON.stringify(body)).toBe(status);
    }
    const after = (await (await call(`/api/store/carts/${id}`)).json()) as Json;
    expect(after).toEqual(before);
  });

  it("answers 404 for another customer's cart, and for a made-up id", async () => {
    const product = await createTestProduct(store.ctx);
    const owner = await signedIn();
    const other = await signedIn();
    const id = await newCart(owner.token);
    const added = await call(`/api/store/carts/${id}/items`, {
      method: 'POST',
      token: owner.token,
      body: { slug: product.slug, quantity: 1 },
    });
    expect(added.status).toBe(200);
    const itemId = ((await added.json()) as Json).items[0]!.id as string;
    for (const token of [other.token, undefined]) {
      const as = token ? { token } : {};
      expect((await call(`/api/store/carts/${id}`, as)).status).toBe(404);
      const add = await call(`/api/store/carts/${id}/items`, {
        method: 'POST',
        body: { slug: product.slug, quantity: 1 },
        ...as,
      });
      expect(add.status).toBe(404);
      expect(
        (await call(`/api/store/carts/${id}/items/${itemId}`, { method: 'PATCH', body: { quantity: 2 }, ...as }))
          .status,
      ).toBe(404);
      expect((await call(`/api/store/carts/${id}/items/${itemId}`, { method: 'DELETE', ...as })).status).toBe(404);
    }
    expect((await call(`/api/store/carts/${'x'.repeat(43)}`)).status).toBe(404);
    const mine = (await (await call(`/api/store/carts/${id}`, { token: owner.token })).json()) as Json;
    expect(mine.items[0]).toMatchObject({ quantity: 1 });
  });

  it('refuses a professional product to a guest and to an unlicensed customer, and adds it for a licensed one', async () => {
    const product = await createTestProduct(store.ctx, { accessClass: 'professional' });
    const guestCart = await newCart();
    const refused = await call(`/api/store/carts/${guestCart}/items`, {
      method: 'POST',
      body: { slug: product.slug, quantity: 1 },
    });
    expect(refused.status).toBe(403);
    const problem = (await refused.json()) as { code: string; detail: string };
    expect(problem.code).toBe('NOT_ENTITLED');
    expect(problem.detail).toContain('Sign in or create an account');
    const unlicensed = await signedIn();
    const theirs = await newCart(unlicensed.token);
    const noLicence = await call(`/api/store/carts/${theirs}/items`, {
      method: 'POST',
      token: unlicensed.token,
      body: { slug: product.slug, quantity: 1 },
    });
    expect(noLicence.status).toBe(403);
    expect(((await noLicence.json()) as { detail: string }).detail).toContain('Submit a professional licence');

    const licensed = await signedIn();
    await createTestLicence(store.ctx.db, licensed.customer.id, { status: 'approved' });
    const cart = await newCart(licensed.token);
    const ok = await call(`/api/store/carts/${cart}/items`, {
      method: 'POST',
      token: licensed.token,
      body: { slug: product.slug, quantity: 1 },
    });
    expect(ok.status).toBe(200);
  });

  it('answers 409 for a product out of stock', async () => {
    const product = await createTestProduct(store.ctx, { stock: 0 });
    const id = await newCart();
    const res = await call(`/api/store/carts/${id}/items`, {
      method: 'POST',
      body: { slug: product.slug, quantity: 1 },
    });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { code: string }).code).toBe('SOLD_OUT');
  });

  it("updates the header count of the customer's cached pages after an API add", async () => {
    const product = await createTestProduct(store.ctx);
    const { token } = await signedIn();
    const browser = createVisitor(store);
    browser.cookies.set('sid', token);
    const path = `/products/${product.slug}`;
    expect(await browser.page(path)).not.toContain('class="cart-count"');
    const id = await newCart(token);
    await call(`/api/store/carts/${id}/items`, { method: 'POST', token, body: { slug: product.slug, quantity: 3 } });
    const page = await requestCached(browser, path);
    expect(page.headers.get('x-cache')).toBe('hit');
    expect(await page.text()).toContain('<span class="cart-count">3<');
  });
});
