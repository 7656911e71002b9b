import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestProduct } from '#src/catalog/test-factory.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor } from '#test/support/visitor.ts';
import { addFromPage } from './test-helpers.ts';

let store: TestStore;

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
});
afterAll(() => store.close());

const tokensOf = (page: string) => [...page.matchAll(/name="_csrf" value="([^"]+)"/g)].map((m) => m[1]);

describe("the cart page's forms", () => {
  it('carry one form token on every line, made once per visitor, and it changes a quantity', async () => {
    const visitor = createVisitor(store);
    for (const name of ['Lip Balm', 'Eye Gel']) {
      const product = await createTestProduct(store.ctx, { name, priceCents: 1200, stock: 10 });
      await addFromPage(store, visitor, { product: product.slug, quantity: '1' });
    }
    const first = await visitor.request('/cart');
    const tokens = tokensOf(await first.text());
    expect(tokens.length).toBeGreaterThanOrEqual(4);
    expect(new Set(tokens).size).toBe(1);
    expect(first.headers.getSetCookie().filter((line) => line.startsWith('csrf='))).toHaveLength(1);

    // The browser sends the cookie back: the next view makes no new one, and its forms carry the same token.
    const again = await visitor.request('/cart');
    const page = await again.text();
    expect(again.headers.getSetCookie().filter((line) => line.startsWith('csrf='))).toEqual([]);
    expect(new Set(tokensOf(page))).toEqual(new Set(tokens));

    const action = /action="(\/cart\/items\/[0-9a-f-]+)"/.exec(page)![1]!;
    const res = await visitor.submit('/cart', { quantity: '2' }, action);
    expect(res.status).toBe(303);
    expect(await visitor.page('/cart')).toContain('Quantity updated.');
  });
});
