import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#src/app.ts';
import { createAppContext } from '#src/boot.ts';
import { createTestProduct } from '#src/catalog/test-factory.ts';
import { type Database, openDatabase } from '#src/db/client.ts';
import { createLogger } from '#src/lib/logger.ts';
import type { AppContext } from '#src/web/context.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor } from '#test/support/visitor.ts';
import { cartSummariesOf } from './summary-cache.ts';
import { addFromPage } from './test-helpers.ts';

let store: TestStore;
// A second instance on the same PostgreSQL database, as behind a load balancer.
let other:
  | { ctx: AppContext; database: Database; request(path: string, cookie: string): Promise<Response> }
  | undefined;

beforeAll(async () => {
  store = await createTestStore();
  const url = store.database.pool?.options.connectionString;
  if (!url) return;
  const database = await openDatabase({ databaseUrl: url });
  const ctx = await createAppContext(store.config, database, createLogger('silent'));
  const app = createApp(ctx);
  other = {
    ctx,
    database,
    request: (path, cookie) => Promise.resolve(app.request(`http://store.test${path}`, { headers: { cookie } })),
  };
});
afterAll(async () => {
  if (other) {
    await other.ctx.rateLimiter.close();
    await other.ctx.cache.close();
    await other.database.close();
  }
  await store.close();
});

const countIn = (body: string) => /<span class="cart-count">(\d+)</.exec(body)?.[1];

describe('the header count on several instances', () => {
  it.skipIf(!process.env.TEST_DATABASE_URL)('follows a cart changed through another instance', async () => {
    const product = await createTestProduct(store.ctx, { stock: 20 });
    const visitor = createVisitor(store);
    await addFromPage(store, visitor, { product: product.slug, quantity: '1' });
    const cookie = `cart=${visitor.cookies.get('cart')}`;
    const path = `/products/${product.slug}`;
    expect(countIn(await (await other!.request(path, cookie)).text())).toBe('1');
    const summaries = cartSummariesOf(other!.ctx.cache);
    // Now cached on the other instance: it answers again without asking the database.
    expect(summaries.summary(visitor.cookies.get('cart')!)).toEqual({ customerId: null, itemCount: 1 });

    const before = summaries.version;
    await addFromPage(store, visitor, { product: product.slug, quantity: '2' });
    for (let i = 0; i < 200 && summaries.version === before; i++) await new Promise((r) => setTimeout(r, 10));
    expect(countIn(await (await other!.request(path, cookie)).text())).toBe('3');
  });
});
