import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';

let store: TestStore;

beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store.close());

describe('cache headers for CDNs and browsers', () => {
  it('lets shared caches keep an anonymous page only for visitors without a session', async () => {
    for (const path of ['/products/pep-factor', '/products/pep-factor', '/api/store/products/pep-factor']) {
      const res = await store.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
      expect(res.headers.get('vary')).toBe('Cookie, Authorization');
      expect(res.headers.get('etag')).toMatch(/^W\/"/);
    }
    const etag = (await store.request('/products/pep-factor')).headers.get('etag')!;
    const unchanged = await store.request('/products/pep-factor', { headers: { 'if-none-match': etag } });
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get('vary')).toBe('Cookie, Authorization');
  });

  it('marks a page filled in for a visitor with a session as private, without an ETag', async () => {
    const res = await store.request('/products/pep-factor', { headers: { cookie: 'sid=some-session' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    expect(res.headers.get('vary')).toContain('Cookie');
    expect(res.headers.get('etag')).toBeNull();
  });

  it('answers a store API call with credentials for this client alone', async () => {
    const res = await store.request('/api/store/products/pep-factor', { headers: { cookie: 'sid =some-session' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    expect(res.headers.get('x-cache')).toBeNull();
  });

  it('says once what an answer varies by, also where two cached paths match (/products and /products/*)', async () => {
    const credentials: Record<string, string>[] = [{}, { cookie: 'sid=some-session' }, { authorization: 'Bearer x' }];
    for (const path of ['/products', '/api/store/products', '/api/store/articles']) {
      for (const headers of credentials) {
        const res = await store.request(path, { headers });
        expect(res.status).toBe(200);
        expect(res.headers.get('vary')).toBe('Cookie, Authorization');
      }
    }
  });
});
