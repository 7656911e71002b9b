import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { listAllShippingMethods, saveShippingSettings } from './methods.ts';
import { shippingMethods } from './schema.ts';

let store: TestStore;

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
});
afterAll(async () => {
  await store?.close();
});

async function listMethods() {
  const res = await store.request('/api/store/shipping-methods');
  expect(res.status).toBe(200);
  return (await res.json()) as { items: Record<string, unknown>[] };
}

describe('GET /api/store/shipping-methods', () => {
  it('lists the methods on offer with their prices, to anyone', async () => {
    const { items } = await listMethods();
    expect(items).toEqual([
      {
        code: 'standard',
        name: 'Standard',
        description: 'Ground, 2 to 5 business days. Free on orders of $150 or more.',
        rateCents: 795,
        freeAboveCents: 15000,
        surchargeCents: 0,
        currency: 'USD',
        isRefrigerated: false,
      },
      expect.objectContaining({ code: 'express', rateCents: 2495, freeAboveCents: null, isRefrigerated: false }),
      expect.objectContaining({ code: 'refrigerated', rateCents: 3900, surchargeCents: 1500, isRefrigerated: true }),
    ]);
  });

  it('shows a save at once although the answer was cached, and leaves out a method switched off', async () => {
    await listMethods();
    expect((await store.request('/api/store/shipping-methods')).headers.get('x-cache')).toBe('hit');
    const all = await listAllShippingMethods(store.ctx.db);
    const methods = Object.fromEntries(all.map(({ code, updatedAt: _, ...rest }) => [code, rest]));
    await saveShippingSettings(store.ctx, {
      methods: {
        ...methods,
        express: { ...methods.express!, isActive: false },
        standard: { ...methods.standard!, position: 9 },
      },
      cutoffHour: 14,
    });
    const { items } = await listMethods();
    expect(items.map((m) => m.code)).toEqual(['refrigerated', 'standard']);
    await store.ctx.db.update(shippingMethods).set({ isActive: true }).where(eq(shippingMethods.code, 'express'));
  });
});
