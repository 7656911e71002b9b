import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import type { Product } from './schema.ts';
import { updateProduct } from './service.ts';
import { createTestProduct } from './test-factory.ts';

let store: TestStore;
let product: Product;

// On PostgreSQL a write's NOTIFY also comes back to this instance and empties the cache once more, a moment
// later. Tests that expect a hit wait for that echo first (it only ever causes an extra miss, never stale data).
async function waitForCacheEcho(): Promise<void> {
  if (store.ctx.dbKind !== 'postgres') return;
  const version = store.ctx.cache.pages.version;
  for (let i = 0; i < 100 && store.ctx.cache.pages.version === version; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  product = await createTestProduct(store.ctx, { slug: 'cached-serum', name: 'Cached Serum', priceCents: 4200 });
  await waitForCacheEcho();
});
afterAll(() => store.close());

describe('page cache freshness', () => {
  it('serves repeat visits from the cache and shows a new price on the very next request after a write', async () => {
    for (const path of ['/products/cached-serum', '/products', '/api/store/products/cached-serum']) {
      const first = await store.request(path);
      expect(first.headers.get('x-cache'), path).toBe('miss');
      const second = await store.request(path);
      expect(second.headers.get('x-cache'), path).toBe('hit');
      const body = await second.text();
      expect(body, path).toMatch(/\$42\.00|"priceCents":4200/);
    }

    await updateProduct(store.ctx, { id: product.id, changes: { priceCents: 3100 } });

    const page = await store.request('/products/cached-serum');
    expect(page.headers.get('x-cache')).toBe('miss');
    const html = await page.text();
    expect(html).toContain('$31.00');
    expect(html).not.toContain('$42.00');
    expect(await (await store.request('/products')).text()).toContain('$31.00');
    const api = (await (await store.request('/api/store/products/cached-serum')).json()) as { priceCents: number };
    expect(api.priceCents).toBe(3100);
  });

  it('answers a conditional request with 304 while nothing changed', async () => {
    await waitForCacheEcho();
    const first = await store.request('/products/cached-serum');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await store.request('/products/cached-serum', { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    await updateProduct(store.ctx, { id: product.id, changes: { name: 'Cached Serum Plus' } });
    await waitForCacheEcho();
    const changed = await store.request('/products/cached-serum', { headers: { 'if-none-match': etag! } });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain('Cached Serum Plus');
  });

  it('takes an archived product off its page and the list at once', async () => {
    await store.request('/products/cached-serum');
    await updateProduct(store.ctx, { id: product.id, changes: { status: 'archived' } });
    expect((await store.request('/products/cached-serum')).status).toBe(404);
    expect(await (await store.request('/products')).text()).not.toContain('Cached Serum');
  });
});
