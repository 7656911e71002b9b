import { Hono } from 'hono';
import { contextStorage } from 'hono/context-storage';
import { html } from 'hono/html';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCustomer, createTestCustomerSession, createTestLicence } from '#src/licences/test-factory.ts';
import { settingsOf } from '#src/store/settings.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { cachePublicAnswers } from './cache-middleware.ts';
import type { AppEnv } from './context.ts';
import { csrfField } from './forms.ts';
import { renderPage } from './layout.ts';

let store: TestStore;

beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store.close());

async function signedInCustomer(): Promise<{ id: string; cookie: string }> {
  const customer = await createTestCustomer(store.ctx.db, { emailVerifiedAt: new Date() });
  return { id: customer.id, cookie: `sid=${await createTestCustomerSession(store.ctx.db, customer.id)}` };
}

const SIGNED_OUT = /<a href="\/account\/sign-in">Sign in<\/a>/;
const SIGNED_IN = /<a href="\/account">Your account<\/a>/;

describe('pages shared by every visitor, with personal parts', () => {
  it('serves a signed-in customer the cached page with their own header, and never shares it', async () => {
    const path = '/products/pep-factor';
    const anonymous = await store.request(path);
    expect(anonymous.headers.get('x-cache')).toBe('miss');
    expect(await anonymous.text()).toMatch(SIGNED_OUT);

    const { cookie } = await signedInCustomer();
    const mine = await store.request(path, { headers: { cookie } });
    expect(mine.status).toBe(200);
    expect(mine.headers.get('x-cache')).toBe('hit');
    expect(mine.headers.get('cache-control')).toBe('private, no-cache');
    expect(mine.headers.get('etag')).toBeNull();
    const body = await mine.text();
    expect(body).toMatch(SIGNED_IN);
    expect(body).not.toMatch(SIGNED_OUT);
    expect(body).not.toContain('<!--personal-');

    const next = await store.request(path);
    expect(next.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    const nextBody = await next.text();
    expect(nextBody).toMatch(SIGNED_OUT);
    expect(nextBody).not.toMatch(SIGNED_IN);
  });

  it('fills in the header on every kind of shared page, lists included', async () => {
    const { cookie } = await signedInCustomer();
    for (const path of ['/', '/products', '/categories/hair-care', '/blog', '/search?q=hair', '/products/pep-factor']) {
      await store.request(path);
      const mine = await store.request(path, { headers: { cookie } });
      expect(mine.headers.get('x-cache'), path).toBe('hit');
      const body = await mine.text();
      expect(body, path).toMatch(SIGNED_IN);
      expect(body, path).not.toMatch(SIGNED_OUT);
    }
  });

  it('does not store a page rendered for a session cookie written with a space before "="', async () => {
    const path = '/products/hair-supplement-gummies';
    const { cookie } = await signedInCustomer();
    const spaced = cookie.replace('sid=', 'sid =');
    const mine = await store.request(path, { headers: { cookie: spaced } });
    expect(mine.headers.get('cache-control')).toBe('private, no-cache');
    expect(await mine.text()).toMatch(SIGNED_IN);
    const visitor = await (await store.request(path)).text();
    expect(visitor).toMatch(SIGNED_OUT);
    expect(visitor).not.toMatch(SIGNED_IN);
  });

  it("shows each customer their own purchase panel on a professional product's cached page", async () => {
    const path = '/products/microneedling-pen';
    const licensed = await signedInCustomer();
    await createTestLicence(store.ctx.db, licensed.id, { status: 'approved' });
    const unlicensed = await signedInCustomer();

    const anonymous = await (await store.request(path)).text();
    expect(anonymous).toContain('sold to licensed professionals only');
    const first = await store.request(path, { headers: { cookie: licensed.cookie } });
    expect(first.headers.get('x-cache')).toBe('hit');
    const firstBody = await first.text();
    expect(firstBody).toContain('You may order this product.');
    const second = await (await store.request(path, { headers: { cookie: unlicensed.cookie } })).text();
    expect(second).not.toContain('You may order this product.');
    expect(second).toContain('Submit a licence');
    expect(await (await store.request(path)).text()).not.toContain('You may order this product.');
  });

  it('stops showing a customer as signed in on the next request after they sign out', async () => {
    const { cookie } = await signedInCustomer();
    expect(await (await store.request('/products', { headers: { cookie } })).text()).toMatch(SIGNED_IN);
    const signOut = await store.request('/api/store/session', {
      method: 'DELETE',
      headers: { cookie, origin: 'http://store.test' },
    });
    expect(signOut.status).toBeLessThan(300);
    expect(await (await store.request('/products', { headers: { cookie } })).text()).toMatch(SIGNED_OUT);
    expect((await store.request('/account', { headers: { cookie } })).status).toBe(303);
  });
});

describe('a form on a page shared by every visitor', () => {
  // A page with a form under the page cache, as the product page will have one ("add to cart").
  function formApp() {
    const app = new Hono<AppEnv>();
    app.use(async (c, next) => {
      c.set('ctx', store.ctx);
      await next();
    });
    app.use(contextStorage());
    app.use('*', cachePublicAnswers());
    app.get('/with-form', async (c) => {
      const settings = await settingsOf(store.ctx);
      const body = html`<form method="post">${csrfField(c)}<button>Add</button></form>`;
      return c.html(renderPage({ title: 'Form', store: settings, baseUrl: store.config.baseUrl, body }));
    });
    app.get('/marked-private', (c) => {
      c.header('Cache-Control', 'private, no-store');
      return c.text(`for ${c.req.header('cookie') ?? 'nobody'}`);
    });
    return app;
  }
  const tokenIn = (page: string) => /name="_csrf" value="([^"]+)"/.exec(page)?.[1];

  it('gives every visitor the token of their own cookie, never the one of the visitor before', async () => {
    const app = formApp();
    const a = await app.request('/with-form', { headers: { cookie: `csrf=${'a'.repeat(43)}` } });
    const b = await app.request('/with-form', { headers: { cookie: `csrf=${'b'.repeat(43)}` } });
    expect(a.headers.get('x-cache')).toBe('miss');
    expect(b.headers.get('x-cache')).toBe('hit');
    const tokenA = tokenIn(await a.text());
    const tokenB = tokenIn(await b.text());
    expect(tokenA).toMatch(/^[\w-]{40,}$/);
    expect(tokenB).toMatch(/^[\w-]{40,}$/);
    expect(tokenA).not.toBe(tokenB);
    expect(b.headers.get('cache-control')).toBe('private, no-cache');

    // A first visit without a cookie gets one, and a token that matches it.
    const fresh = await app.request('/with-form');
    const setCookie = fresh.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^csrf=[\w-]{43};/);
    const token = tokenIn(await fresh.text());
    expect(token).not.toBe(tokenA);
    expect(token).not.toBe(tokenB);
    const again = await app.request('/with-form', { headers: { cookie: setCookie.split(';')[0]! } });
    expect(tokenIn(await again.text())).toBe(token);
  });

  it('never stores an answer its handler marked private', async () => {
    const app = formApp();
    expect(await (await app.request('/marked-private', { headers: { cookie: 'x=1' } })).text()).toBe('for x=1');
    const other = await app.request('/marked-private');
    expect(other.headers.get('x-cache')).toBeNull();
    expect(await other.text()).toBe('for nobody');
  });
});
