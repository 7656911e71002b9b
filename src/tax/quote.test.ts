import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '#src/lib/errors.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { formatTaxPercent, listTaxRates, quoteTax, saveTaxRate, taxOf } from './rates.ts';
import { TAX_STATES } from './states.ts';

let store: TestStore;

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  await saveTaxRate(store.ctx.db, { state: 'AZ', ratePer100k: 5600, isShippingTaxed: false });
  await saveTaxRate(store.ctx.db, { state: 'NY', ratePer100k: 8875, isShippingTaxed: true });
});
afterAll(async () => {
  await store?.close();
});

describe('tax quotes', () => {
  it('holds a row for each of the 50 states and DC, at 0 % until staff set one', async () => {
    const rates = await listTaxRates(store.ctx.db);
    expect(rates.map((r) => r.state).sort()).toEqual(Object.keys(TAX_STATES).sort());
    expect(rates).toHaveLength(51);
    expect(rates.find((r) => r.state === 'CA')).toMatchObject({ ratePer100k: 0, isShippingTaxed: false });
  });

  it('taxes the items, and shipping only where the state taxes it', async () => {
    const q = (state: string) =>
      quoteTax(store.ctx.db, { state, itemsCents: 10000, shippingCents: 795, isExempt: false });
    expect(await q('AZ')).toBe(560);
    // 10795 x 8.875 % = 958.05625 cents
    expect(await q('NY')).toBe(958);
    expect(await q('ny')).toBe(958);
    expect(await q('CA')).toBe(0);
  });

  it('rounds half up once per order', async () => {
    // 1234 x 5.6 % = 69.104 -> 69; 1241 x 5.6 % = 69.496 -> 69
    expect(taxOf(1234, 5600)).toBe(69);
    expect(taxOf(1241, 5600)).toBe(69);
    // 625 x 8 % = 50 exactly; 1 x 50 % = 0.5 -> 1 (half up); 3 x 8.875 % = 0.26625 -> 0
    expect(taxOf(625, 8000)).toBe(50);
    expect(taxOf(1, 50000)).toBe(1);
    expect(taxOf(3, 8875)).toBe(0);
    // 200 x 6.25 % = 12.5 -> 13, half up
    expect(taxOf(200, 6250)).toBe(13);
    expect(taxOf(0, 8875)).toBe(0);
    // Per order, not per line: two lines of 10 cents at 5.6 % make 1.12 cents, so 1, where rounding each line gives 2.
    expect(await quoteTax(store.ctx.db, { state: 'AZ', itemsCents: 20, shippingCents: 0, isExempt: false })).toBe(1);
  });

  it('charges an exempt buyer nothing and refuses a state outside the 50 and DC', async () => {
    expect(await quoteTax(store.ctx.db, { state: 'NY', itemsCents: 10000, shippingCents: 795, isExempt: true })).toBe(
      0,
    );
    for (const state of ['PR', 'ZZ', '', 'New York']) {
      await expect(
        quoteTax(store.ctx.db, { state, itemsCents: 100, shippingCents: 0, isExempt: false }),
      ).rejects.toBeInstanceOf(AppError);
    }
    expect(() => taxOf(-1, 5600)).toThrow(AppError);
  });

  it('reads rates back as the percentages staff typed', () => {
    expect(formatTaxPercent(7250)).toBe('7.25');
    expect(formatTaxPercent(8875)).toBe('8.875');
    expect(formatTaxPercent(6000)).toBe('6');
    expect(formatTaxPercent(0)).toBe('0');
    expect(formatTaxPercent(20000)).toBe('20');
    expect(formatTaxPercent(5)).toBe('0.005');
  });
});
