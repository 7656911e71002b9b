import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#src/app.ts';
import { createAppContext } from '#src/boot.ts';
import { updateProduct } from '#src/catalog/service.ts';
import { createTestProduct } from '#src/catalog/test-factory.ts';
import { type Database, openDatabase } from '#src/db/client.ts';
import { createLogger } from '#src/lib/logger.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import type { AppContext } from './context.ts';

let store: TestStore;
// A second instance of the store on the same PostgreSQL database, as behind a load balancer.
let other: { ctx: AppContext; database: Database; request(path: string): Promise<Response> } | undefined;

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  const url = store.database.pool?.options.connectionString;
  if (!url) return;
  const database = await openDatabase({ databaseUrl: url });
  const ctx = await createAppContext(store.config, database, createLogger('silent'));
  const app = createApp(ctx);
  other = { ctx, database, request: (path) => Promise.resolve(app.request(`http://store.test${path}`)) };
});
afterAll(async () => {
  if (other) {
    await other.ctx.rateLimiter.close();
    await other.ctx.cache.close();
    await other.database.close();
  }
  await store.close();
});

async function waitForGeneration(ctx: AppContext, after: number): Promise<void> {
  for (let i = 0; i < 200 && ctx.cache.pages.generation === after; i++) await new Promise((r) => setTimeout(r, 10));
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
      await waitForGeneration(other!.ctx, other!.ctx.cache.pages.generation);
      expect(await (await other!.request('/products/shared-serum')).text()).toContain('$50.00');
      expect((await other!.request('/products/shared-serum')).headers.get('x-cache')).toBe('hit');

      const before = other!.ctx.cache.pages.generation;
      await updateProduct(store.ctx, { id: product.id, changes: { priceCents: 4500 } });
      await waitForGeneration(other!.ctx, before);

      const page = await other!.request('/products/shared-serum');
      expect(page.headers.get('x-cache')).toBe('miss');
      const html = await page.text();
      expect(html).toContain('$45.00');
      expect(html).not.toContain('$50.00');
    },
  );
});
