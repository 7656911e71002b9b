import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestProduct } from '#src/catalog/test-factory.ts';
import { createTestCustomer, createTestCustomerSession } from '#src/licences/test-factory.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor } from '#test/support/visitor.ts';
import { addFromPage, requestCached } from './test-helpers.ts';

let store: TestStore;

beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store.close());

const COUNT = /<span class="cart-count">(\d+)<span class="visually-hidden">/;
const countIn = (body: string) => COUNT.exec(body)?.[1];

describe('adding to the cart from the pages', () => {
  it('shows an add button on a shared product page that sets no cookie, and "Out of stock" instead when none is left', async () => {
    const product = await createTestProduct(store.ctx, { stock: 5 });
    const res = await store.request(`/products/${product.slug}`);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    const body = await res.text();
    expect(body).toContain('action="/cart/items"');
    expect(body).toContain(`name="product" value="${product.slug}"`);
    expect(body).toMatch(/<a class="header-cart" href="\/cart">.*Cart<\/span><\/a>/);

    const none = await createTestProduct(store.ctx, { stock: 0 });
    const sold = await (await store.request(`/products/${none.slug}`)).text();
    expect(sold).not.toContain(`name="product" value="${none.slug}"`);
    expect(sold).toContain('<p class="add-to-cart add-to-cart-out">Out of stock</p>');
  });

  it('adds for a guest, sets an HttpOnly cart cookie, goes back with a notice, and counts in the cached header', async () => {
    const product = await createTestProduct(store.ctx, { stock: 10, name: 'Calming Serum' });
    const path = `/products/${product.slug}`;
    await store.request(path);
    const visitor = createVisitor(store);
    const added = await addFromPage(store, visitor, { product: product.slug, quantity: '2', back: path });
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe(path);
    const cookie = added.headers.getSetCookie().find((c) => c.startsWith('cart='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(visitor.cookies.get('cart')).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const page = await visitor.request(path);
    expect(page.headers.get('cache-control')).toBe('private, no-cache');
    const body = await page.text();
    expect(body).toContain('Added 2 × Calming Serum to your cart.');
    expect(countIn(body)).toBe('2');
    // The notice is shown once; the count comes with the page the cache shares.
    const cached = await requestCached(visitor, path);
    expect(cached.headers.get('x-cache')).toBe('hit');
    const again = await cached.text();
    expect(again).not.toContain('to your cart.');
    expect(countIn(again)).toBe('2');

    await addFromPage(store, visitor, { product: product.slug, back: path });
    expect(countIn(await visitor.page(path))).toBe('3');
  });

  it('never shows one visitor the count or cart of another, on cached pages', async () => {
    const product = await createTestProduct(store.ctx);
    const path = `/products/${product.slug}`;
    const first = createVisitor(store);
    const second = createVisitor(store);
    await addFromPage(store, first, { product: product.slug, quantity: '4' });
    await addFromPage(store, second, { product: product.slug, quantity: '1' });
    expect(countIn(await first.page(path))).toBe('4');
    expect(countIn(await second.page(path))).toBe('1');
    expect(countIn(await first.page('/products'))).toBe('4');
    const anonymous = await store.request(path);
    expect(anonymous.headers.get('etag')).toBeTruthy();
    expect(countIn(await anonymous.text())).toBeUndefined();
    expect(await first.page('/cart')).toMatch(/value="4"/);
    expect(await second.page('/cart')).toMatch(/value="1"/);
    // A made-up or someone's customer cart in the cookie counts for nothing.
    const forged = await store.request(path, { headers: { cookie: `cart=${'A'.repeat(43)}` } });
    expect(countIn(await forged.text())).toBeUndefined();
    expect(forged.headers.get('set-cookie')).toMatch(/^cart=;.*Max-Age=0/);
  });

  it('never stores the cart page in the shared cache', async () => {
    const product = await createTestProduct(store.ctx);
    const visitor = createVisitor(store);
    await addFromPage(store, visitor, { product: product.slug });
    const res = await visitor.request('/cart');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('x-cache')).toBeNull();
    expect(store.ctx.cache.pages.get('/cart')).toBeUndefined();
    const empty = await store.request('/cart');
    expect(await empty.text()).toContain('Your cart is empty.');
    expect(store.ctx.cache.pages.get('/cart')).toBeUndefined();
    expect(empty.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a form posted from another site, or with no sign of its origin', async () => {
    const product = await createTestProduct(store.ctx);
    const body = () => new URLSearchParams({ product: product.slug });
    const crossSite = await store.request('/cart/items', {
      method: 'POST',
      body: body(),
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    const bare = await store.request('/cart/items', { method: 'POST', body: body() });
    expect(bare.status).toBe(403);
    expect(bare.headers.get('set-cookie') ?? '').not.toContain('cart=');
  });

  it('refuses bad quantities with a notice, changing nothing', async () => {
    const product = await createTestProduct(store.ctx, { stock: 3 });
    const visitor = createVisitor(store);
    await addFromPage(store, visitor, { product: product.slug, quantity: '1' });
    for (const quantity of ['0', '-1', '1.5', '1000', 'two']) {
      const res = await addFromPage(store, visitor, { product: product.slug, quantity, back: '/products' });
      expect(res.status, quantity).toBe(303);
      expect(await visitor.page('/products'), quantity).toContain('Enter a whole number from 1 to 99.');
    }
    await addFromPage(store, visitor, { product: product.slug, quantity: '3', back: '/products' });
    expect(await visitor.page('/products')).toContain('only 3 available today, and your cart already holds 1.');
    const unknown = await addFromPage(store, visitor, { product: 'no-such-product', back: '/products' });
    expect(unknown.status).toBe(303);
    expect(await visitor.page('/products')).toContain('No product on sale has this id or address.');
    expect(await visitor.page('/cart')).toMatch(/name="quantity" type="number"[^>]*value="1"/);
  });

  it('refuses a professional product to a guest with the reason and how to qualify', async () => {
    const product = await createTestProduct(store.ctx, { accessClass: 'professional' });
    const visitor = createVisitor(store);
    const res = await addFromPage(store, visitor, { product: product.slug, back: `/products/${product.slug}` });
    expect(res.status).toBe(303);
    const body = await visitor.page(`/products/${product.slug}`);
    expect(body).toContain('This product is sold to licensed professionals only.');
    expect(body).toContain('submit a professional licence under Account &gt; Licences');
    expect(body).toContain(`/account/sign-in?next=${encodeURIComponent(`/products/${product.slug}`)}`);
    expect(visitor.cookies.has('cart')).toBe(true);
    expect(await visitor.page('/cart')).toContain('Your cart is empty.');
  });

  it('changes quantities and removes lines on /cart', async () => {
    const product = await createTestProduct(store.ctx, { stock: 6, name: 'Hydra Mask' });
    const visitor = createVisitor(store);
    await addFromPage(store, visitor, { product: product.slug });
    const page = await visitor.page('/cart');
    const itemId = /action="\/cart\/items\/([0-9a-f-]{36})"/.exec(page)?.[1];
    expect(itemId).toBeTruthy();
    const updated = await visitor.submit('/cart', { quantity: '5' }, `/cart/items/${itemId}`);
    expect(updated.status).toBe(303);
    const after = await visitor.page('/cart');
    expect(after).toContain('Quantity updated.');
    expect(after).toMatch(/value="5"/);
    expect(countIn(after)).toBe('5');
    const tooMany = await visitor.submit('/cart', { quantity: '7' }, `/cart/items/${itemId}`);
    expect(tooMany.status).toBe(303);
    expect(await visitor.page('/cart')).toContain('Hydra Mask: only 6 available today.');
    const removed = await visitor.submit('/cart', {}, `/cart/items/${itemId}/remove`);
    expect(removed.status).toBe(303);
    const empty = await visitor.page('/cart');
    expect(empty).toContain('Your cart is empty.');
    expect(countIn(empty)).toBeUndefined();
  });

  it("cannot touch another visitor's line", async () => {
    const product = await createTestProduct(store.ctx);
    const owner = createVisitor(store);
    await addFromPage(store, owner, { product: product.slug });
    const itemId = /action="\/cart\/items\/([0-9a-f-]{36})"/.exec(await owner.page('/cart'))?.[1];
    const other = createVisitor(store);
    await addFromPage(store, other, { product: product.slug });
    await other.submit('/cart', {}, `/cart/items/${itemId}/remove`);
    expect(await other.page('/cart')).toContain('This cart has no such item');
    expect(await owner.page('/cart')).toContain(`/cart/items/${itemId}/remove`);
  });

  it("shows a signed-in customer's cart on every device", async () => {
    const product = await createTestProduct(store.ctx);
    const customer = await createTestCustomer(store.ctx.db);
    const phone = createVisitor(store);
    const laptop = createVisitor(store);
    phone.cookies.set('sid', await createTestCustomerSession(store.ctx.db, customer.id));
    laptop.cookies.set('sid', await createTestCustomerSession(store.ctx.db, customer.id));
    const path = `/products/${product.slug}`;
    expect(countIn(await laptop.page(path))).toBeUndefined();
    await addFromPage(store, phone, { product: product.slug, quantity: '2' });
    expect(phone.cookies.has('cart')).toBe(false);
    expect(countIn(await laptop.page(path))).toBe('2');
    expect(await laptop.page('/cart')).toMatch(/value="2"/);
  });
});
