import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#src/app.ts';
import { createAppContext } from '#src/boot.ts';
import { updateProduct } from '#src/catalog/service.ts';
import { createTestProduct } from '#src/catalog/test-factory.ts';
import { type Database, openDatabase } from '#src/db/client.ts';
import { createLogger } from '#src/lib/logger.ts';
import { createTestCustomer, createTestCustomerSession } from '#src/licences/test-factory.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { payloadsOf } from './cache-bus.ts';
import type { AppContext } from './context.ts';

let store: TestStore;
// A second instance of the store on the same PostgreSQL database, as behind a load balancer.
let other:
  | { ctx: AppContext; database: Database; request(path: string, init?: RequestInit): Promise<Response> }
  | undefined;

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  const url = store.database.pool?.options.connectionString;
  if (!url) return;
  const database = await openDatabase({ databaseUrl: url });
  const ctx = await createAppContext(store.config, database, createLogger('silent'));
  const app = createApp(ctx);
  other = { ctx, database, request: (path, init) => Promise.resolve(app.request(`http://store.test${path}`, init)) };
});
afterAll(async () => {
  if (other) {
    await other.ctx.rateLimiter.close();
    await other.ctx.cache.close();
    await other.database.close();
  }
  await store.close();
});

async function waitForVersion(ctx: AppContext, after: number): Promise<void> {
  for (let i = 0; i < 200 && ctx.cache.pages.version === after; i++) await new Promise((r) => setTimeout(r, 10));
}

describe('page caches of several instances', () => {
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'show a price changed through another instance on their next request',
    async () => {
      const product = await createTestProduct(store.ctx, {
        slug: 'shared-serum',
        name: 'Shared Serum',
        priceCents: 5000,
      });
      await waitForVersion(other!.ctx, other!.ctx.cache.pages.version);
      expect(await (await other!.request('/products/shared-serum')).text()).toContain('$50.00');
      expect((await other!.request('/products/shared-serum')).headers.get('x-cache')).toBe('hit');

      const before = other!.ctx.cache.pages.version;
      await updateProduct(store.ctx, { id: product.id, changes: { priceCents: 4500 } });
      await waitForVersion(other!.ctx, before);

      const page = await other!.request('/products/shared-serum');
      expect(page.headers.get('x-cache')).toBe('miss');
      const html = await page.text();
      expect(html).toContain('$45.00');
      expect(html).not.toContain('$50.00');
    },
  );

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'stop showing a customer as signed in once they sign out through another instance',
    async () => {
      const customer = await createTestCustomer(store.ctx.db);
      const cookie = `sid=${await createTestCustomerSession(store.ctx.db, customer.id)}`;
      await createTestProduct(store.ctx, { slug: 'session-serum', name: 'Session Serum' });
      const signedIn = await other!.request('/products/session-serum', { headers: { cookie } });
      expect(await signedIn.text()).toContain('Your account');

      const signOut = await store.request('/api/store/session', {
        method: 'DELETE',
        headers: { cookie, origin: 'http://store.test' },
      });
      expect(signOut.status).toBeLessThan(300);
      let page = '';
      for (let i = 0; i < 200; i++) {
        page = await (await other!.request('/products/session-serum', { headers: { cookie } })).text();
        if (!page.includes('Your account')) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(page).toContain('Sign in');
      expect(page).not.toContain('Your account');
    },
  );

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'hear only committed writes: a rolled-back one leaves the other instance its pages',
    async () => {
      await createTestProduct(store.ctx, { slug: 'rollback-serum', name: 'Rollback Serum' });
      await new Promise((r) => setTimeout(r, 100));
      await other!.request('/products/rollback-serum');
      expect((await other!.request('/products/rollback-serum')).headers.get('x-cache')).toBe('hit');

      const refused = store.ctx.db.transaction(async (tx) => {
        await store.ctx.cache.announce(tx, { pages: ['product:rollback-serum'] });
        throw new Error('rolled back');
      });
      await expect(refused).rejects.toThrow('rolled back');
      await new Promise((r) => setTimeout(r, 200));
      expect((await other!.request('/products/rollback-serum')).headers.get('x-cache')).toBe('hit');

      const before = other!.ctx.cache.pages.version;
      await store.ctx.db.transaction((tx) => store.ctx.cache.announce(tx, { pages: ['product:rollback-serum'] }));
      await waitForVersion(other!.ctx, before);
      expect((await other!.request('/products/rollback-serum')).headers.get('x-cache')).toBe('miss');
    },
  );

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'come back after the listening connection is lost, saying so on /readyz meanwhile',
    async () => {
      const product = await createTestProduct(store.ctx, { slug: 'reconnect-serum', priceCents: 7000 });
      expect((await other!.request('/readyz')).status).toBe(200);
      // Ends the other instance's LISTEN connection, as a restart of PostgreSQL would.
      await store.ctx.db.execute(sql`
        select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and query like 'LISTEN medstore_cache%' and pid <> pg_backend_pid()`);
      const states: string[] = [];
      for (let i = 0; i < 400; i++) {
        const res = await other!.request('/readyz');
        const { cache } = (await res.json()) as { cache: string };
        if (states.at(-1) !== `${res.status} ${cache}`) states.push(`${res.status} ${cache}`);
        if (states.length > 1 && res.status === 200) break;
        await new Promise((r) => setTimeout(r, 5));
      }
      expect(states).toContain('503 not listening');
      expect(states.at(-1)).toBe('200 listening');

      expect(await (await other!.request('/products/reconnect-serum')).text()).toContain('$70.00');
      const before = other!.ctx.cache.pages.version;
      await updateProduct(store.ctx, { id: product.id, changes: { priceCents: 6500 } });
      await waitForVersion(other!.ctx, before);
      expect(await (await other!.request('/products/reconnect-serum')).text()).toContain('$65.00');
    },
  );

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'hear a change naming more pages than one notification holds, in several notifications',
    async () => {
      await createTestProduct(store.ctx, { slug: 'many-tags-serum', name: 'Many Tags Serum' });
      await new Promise((r) => setTimeout(r, 100));
      await other!.request('/products/many-tags-serum');
      expect((await other!.request('/products/many-tags-serum')).headers.get('x-cache')).toBe('hit');

      // PostgreSQL refuses a payload of 8000 bytes; these tags fill about 60 KB, the page's own comes last.
      const pages = Array.from({ length: 500 }, (_, i) => `product:a-long-slug-of-a-product-${i}-${'x'.repeat(80)}`);
      pages.push('product:many-tags-serum');
      const payloads = payloadsOf({ pages });
      expect(payloads.length).toBeGreaterThan(5);
      for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThan(8000);
      expect(payloads.flatMap((p) => (JSON.parse(p) as { pages: string[] }).pages)).toEqual(pages);

      const before = other!.ctx.cache.pages.version;
      await store.ctx.db.transaction((tx) => store.ctx.cache.announce(tx, { pages }));
      for (let i = 0; i < 200 && other!.ctx.cache.pages.version < before + payloads.length; i++) {
        await new Promise((r) => setTimeout(r, 10));
      }
      expect((await other!.request('/products/many-tags-serum')).headers.get('x-cache')).toBe('miss');
    },
  );
});
