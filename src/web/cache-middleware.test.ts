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

describe('stored pages answered before the rest of the middleware', () => {
  it('carry the same security headers as the answer that stored them, and a request id of their own', async () => {
    const first = await store.request('/blog');
    const stored = await store.request('/blog');
    expect(first.headers.get('x-cache')).toBe('miss');
    expect(stored.headers.get('x-cache')).toBe('hit');
    for (const name of ['content-security-policy', 'x-frame-options', 'x-content-type-options', 'referrer-policy']) {
      expect(stored.headers.get(name)).toBe(first.headers.get(name));
      expect(stored.headers.get(name)).toBeTruthy();
    }
    expect(stored.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(stored.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    const traced = await store.request('/blog', { headers: { 'x-request-id': 'edge-7f3a' } });
    expect(traced.headers.get('x-request-id')).toBe('edge-7f3a');
  });

  it('carry the security headers also when filled in for a signed-in visitor', async () => {
    await store.request('/products/prp-kit');
    const res = await store.request('/products/prp-kit', { headers: { cookie: 'sid=some-session' } });
    expect(res.headers.get('x-cache')).toBe('hit');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });
});
