import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';

let store: TestStore;
beforeAll(async () => {
  store = await createTestStore();
  // A handler failing in a way no code path expects, registered before the first request builds the router.
  store.app.get('/broken-for-test', () => {
    throw new Error('connection string postgres://secret@db in a stack trace');
  });
  store.app.get('/api/store/broken-for-test', () => {
    throw new Error('postgres://secret@db');
  });
});
afterAll(() => store.close());

describe('web basics', () => {
  it('answers health and readiness', async () => {
    expect(await (await store.request('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await store.request('/readyz');
    expect(ready.status).toBe(200);
    expect((await ready.json()).status).toBe('ready');
  });

  it("serves the API reference from the store's own files, and no other file of the package", async () => {
    const page = await store.request('/api/docs');
    expect(page.status).toBe(200);
    const body = await page.text();
    expect(body).toContain('API reference');
    const script = /src="(\/api\/docs\/swagger-ui-bundle\.js\?v=[^"]+)"/.exec(body)?.[1];
    const bundle = await store.request(script!);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toContain('text/javascript');
    expect((await store.request('/api/docs/package.json')).status).toBe(404);
    expect((await store.request('/api/docs/..%2Fpackage.json')).status).toBe(404);
  });

  it('sends security headers with a Content-Security-Policy', async () => {
    const res = await store.request('/');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers an unknown page with a 404 page in the layout, and an unknown API path with problem+json', async () => {
    const page = await store.request('/no-such-page');
    expect(page.status).toBe(404);
    const html = await page.text();
    expect(html).toContain('We could not find that page');
    expect(html).toContain('Need help? Call us at <a href="tel:+18007709083">(800) 770-9083</a>.');
    const api = await store.request('/api/store/no-such-thing');
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toBe('application/problem+json');
    expect((await api.json()).status).toBe(404);
  });

  it('answers an unexpected failure with a 500 page or problem that reveals nothing of it', async () => {
    const page = await store.request('/broken-for-test');
    expect(page.status).toBe(500);
    const html = await page.text();
    expect(html).toContain('Something went wrong on our side');
    expect(html).toContain('href="/assets/style.css');
    expect(html).not.toContain('secret');
    const api = await store.request('/api/store/broken-for-test');
    expect(api.status).toBe(500);
    expect(api.headers.get('content-type')).toBe('application/problem+json');
    const problem = await api.json();
    expect(problem.code).toBe('INTERNAL');
    expect(JSON.stringify(problem)).not.toContain('secret');
  });

  it('tags every answer with a request id for the logs', async () => {
    const res = await store.request('/healthz');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a 10 KB query string with a clear 400', async () => {
    const res = await store.request(`/search?q=${'a'.repeat(10_000)}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('too long');
  });

  it('serves hashed assets with a year-long cache', async () => {
    const home = await (await store.request('/')).text();
    const href = /href="(\/assets\/style\.css\?v=[0-9a-f]+)"/.exec(home)?.[1];
    expect(href).toBeDefined();
    const css = await store.request(href!);
    expect(css.status).toBe(200);
    expect(css.headers.get('cache-control')).toContain('immutable');
    expect(await css.text()).toContain('--color-brand');
    // Without the hash a cached copy could outlive a change: an hour only.
    expect((await store.request('/assets/style.css')).headers.get('cache-control')).toBe('public, max-age=3600');
    expect((await store.request('/assets/no-such-file.css')).status).toBe(404);
  });
});
