import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { expectedShipDateOf, listAllShippingMethods, saveShippingSettings } from './methods.ts';
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

describe('expectedShipDateOf', () => {
  it("reads the store's time zone and cut-off hour", async () => {
    // The empty store keeps UTC and the seeded 14:00 cut-off: Wednesday 13:00 UTC ships that day, 15:00 Thursday,
    // and a cold order from 15:00 waits for Monday.
    const at = (iso: string, isRefrigerated = false) =>
      expectedShipDateOf(store.ctx, { now: new Date(iso), isRefrigerated });
    expect(await at('2026-12-02T13:00:00Z')).toBe('2026-12-02');
    expect(await at('2026-12-02T15:00:00Z')).toBe('2026-12-03');
    expect(await at('2026-12-02T15:00:00Z', true)).toBe('2026-12-07');
  });
});
