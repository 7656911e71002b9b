import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { DEMO_PRODUCTS } from './demo-data.ts';
import { SCALE_BATCH, scaleProduct, seedAtScale } from './scale-seed.ts';

let store: TestStore;
beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store.close());

const count = async (query: ReturnType<typeof sql>) => Number((await store.database.db.execute(query)).rows[0]!.n);

describe('seed --scale', () => {
  // Over one batch, so that the batching is exercised too.
  const products = SCALE_BATCH + 30;

  it('adds the products with a lot each and a tenth as many published articles, reporting progress', async () => {
    const seen: number[] = [];
    const added = await seedAtScale(store.database.db, products, { onProgress: (p) => seen.push(p.done) });
    expect(added).toEqual({ products, articles: Math.floor(products / 10) });
    expect(seen.at(-1)).toBe(products + Math.floor(products / 10));
    expect(await count(sql`select count(*)::int as n from products where sku like 'SCL-%' and status = 'active'`)).toBe(
      products,
    );
    // Every scale product can be sold: one sellable lot, and its receipt in the ledger.
    expect(
      await count(sql`select count(*)::int as n from products p where sku like 'SCL-%'
        and (select sum(quantity_on_hand) from stock_lots l where l.product_id = p.id) =
            (select sum(quantity) from stock_ledger g where g.product_id = p.id)
        and exists (select 1 from stock_lots l where l.product_id = p.id and l.quantity_on_hand > 0)`),
    ).toBe(products);
  });

  it('makes products a shopper can find and open, with the medical facts of the kind of product they are', async () => {
    const sample = scaleProduct(DEMO_PRODUCTS[2]!, 2);
    const res = await store.request(`/products/${sample.slug}`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain(sample.name);
    expect(page).toContain(sample.brand);
    const found = await store.request(`/api/store/products/${sample.slug}`);
    const body = (await found.json()) as { regulatoryStatus: string; sideEffects: string[] };
    expect(body.regulatoryStatus).toBe(DEMO_PRODUCTS[2]!.regulatoryStatus);
    expect(body.sideEffects).toEqual(DEMO_PRODUCTS[2]!.sideEffects);
  });

  it('adds nothing when run again with the same number', async () => {
    expect(await seedAtScale(store.database.db, products)).toEqual({ products: 0, articles: 0 });
    expect(await count(sql`select count(*)::int as n from products where sku like 'SCL-%'`)).toBe(products);
  });
});
