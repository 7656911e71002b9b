import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import {
  getShippingCutoffHour,
  listShippingMethods,
  listShippingOptions,
  quoteShipping,
  saveShippingSettings,
} from './methods.ts';
import { shippingMethods } from './schema.ts';

let store: TestStore;

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
});
afterAll(async () => {
  await store?.close();
});

describe('shipping methods and quotes', () => {
  it('seeds standard, express and refrigerated at US rates, with a 14:00 cut-off', async () => {
    const methods = await listShippingMethods(store.ctx.db);
    expect(methods.map((m) => [m.code, m.rateCents, m.freeAboveCents, m.surchargeCents])).toEqual([
      ['standard', 795, 15000, 0],
      ['express', 2495, null, 0],
      ['refrigerated', 2400, null, 1500],
    ]);
    expect(await getShippingCutoffHour(store.ctx.db)).toBe(14);
  });

  it('charges the flat rate below the free-above mark and nothing from it on', async () => {
    const q = (subtotalCents: number) =>
      quoteShipping(store.ctx.db, { code: 'standard', subtotalCents, hasRefrigerated: false });
    expect(await q(14999)).toMatchObject({ allowed: true, cents: 795 });
    expect(await q(15000)).toMatchObject({ allowed: true, cents: 0 });
    expect(await q(0)).toMatchObject({ allowed: true, cents: 795 });
    expect(
      await quoteShipping(store.ctx.db, { code: 'express', subtotalCents: 99999, hasRefrigerated: false }),
    ).toMatchObject({ allowed: true, cents: 2495 });
  });

  it('ships a refrigerated product by refrigerated only, with its surcharge', async () => {
    const cold = { subtotalCents: 5000, hasRefrigerated: true };
    expect(await quoteShipping(store.ctx.db, { ...cold, code: 'refrigerated' })).toMatchObject({
      allowed: true,
      cents: 3900,
    });
    for (const code of ['standard', 'express']) {
      const quote = await quoteShipping(store.ctx.db, { ...cold, code });
      expect(quote).toMatchObject({ allowed: false, code: 'refrigeration-required' });
      expect(quote.allowed === false && quote.reason).toContain('must stay cold');
    }
    // A cart with nothing cold may still choose it.
    expect(
      await quoteShipping(store.ctx.db, { code: 'refrigerated', subtotalCents: 5000, hasRefrigerated: false }),
    ).toMatchObject({ allowed: true, cents: 3900 });
    const options = await listShippingOptions(store.ctx.db, cold);
    expect(options.map((o) => [o.method.code, o.quote.allowed])).toEqual([
      ['standard', false],
      ['express', false],
      ['refrigerated', true],
    ]);
  });

  it('refuses an unknown code and a method staff switched off', async () => {
    expect(
      await quoteShipping(store.ctx.db, { code: 'drone', subtotalCents: 100, hasRefrigerated: false }),
    ).toMatchObject({ allowed: false, code: 'unknown-method' });
    const all = await store.ctx.db.select().from(shippingMethods);
    const methods = Object.fromEntries(all.map(({ code, updatedAt: _, ...rest }) => [code, rest]));
    await saveShippingSettings(store.ctx, {
      methods: {
        ...methods,
        refrigerated: { ...methods.refrigerated!, isActive: false, surchargeCents: 2000, freeAboveCents: 10000 },
      },
      cutoffHour: 13,
    });
    expect(await getShippingCutoffHour(store.ctx.db)).toBe(13);
    expect((await listShippingMethods(store.ctx.db)).map((m) => m.code)).toEqual(['standard', 'express']);
    expect(
      await quoteShipping(store.ctx.db, { code: 'refrigerated', subtotalCents: 100, hasRefrigerated: false }),
    ).toMatchObject({ allowed: false, code: 'method-not-offered' });
    const refused = await quoteShipping(store.ctx.db, { code: 'standard', subtotalCents: 100, hasRefrigerated: true });
    expect(refused.allowed === false && refused.reason).toContain('refrigerated shipping is not offered');
    await store.ctx.db.update(shippingMethods).set({ isActive: true }).where(eq(shippingMethods.code, 'refrigerated'));
    // The surcharge stays when the rate is waived.
    expect(
      await quoteShipping(store.ctx.db, { code: 'refrigerated', subtotalCents: 10000, hasRefrigerated: true }),
    ).toMatchObject({ allowed: true, cents: 2000 });
  });
});
