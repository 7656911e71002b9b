import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStaff } from '#src/licences/test-factory.ts';
import { auditLog } from '#src/staff/schema.ts';
import { listTaxRates, quoteTax } from '#src/tax/rates.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor, type Visitor } from '#test/support/visitor.ts';

let store: TestStore;
let owner: Visitor;
let staffOnly: Visitor;

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  owner = createVisitor(store);
  owner.cookies.set('staff_sid', (await createTestStaff(store.ctx.db, 'owner')).token);
  staffOnly = createVisitor(store);
  staffOnly.cookies.set('staff_sid', (await createTestStaff(store.ctx.db, 'staff')).token);
});
afterAll(async () => {
  await store?.close();
});

describe('the tax settings page', () => {
  it('lists every state with its rate and links to the other settings pages', async () => {
    const page = await owner.page('/admin/settings/tax');
    expect(page).toContain('<h1>Tax</h1>');
    expect(page).toContain('No state is taxed yet.');
    expect(page.match(/<tr/g)?.length).toBe(52);
    expect(page.indexOf('>Alabama</a>')).toBeLessThan(page.indexOf('>Alaska</a>'));
    expect(page).toContain('<a href="/admin/settings/tax" aria-current="page">Tax</a>');
    expect(page).toContain('<a href="/admin/settings/shipping">Shipping</a>');
    const edit = await owner.page('/admin/settings/tax?state=ny');
    expect(edit).toContain('<option value="NY" selected>New York (NY)</option>');
  });

  it('is closed to staff without settings:manage', async () => {
    expect((await staffOnly.request('/admin/settings/tax')).status).toBe(403);
    const res = await staffOnly.submit('/admin', { state: 'AZ', rate: '5.6' }, '/admin/settings/tax');
    expect(res.status).toBe(403);
    expect((await listTaxRates(store.ctx.db)).every((r) => r.ratePer100k === 0)).toBe(true);
  });

  it('refuses a negative rate, one above 20 %, a non-number and an unknown state, keeping what was typed', async () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ state: 'AZ', rate: '-1' }, 'rate', 'A rate cannot be negative.'],
      [{ state: 'AZ', rate: '20.001' }, 'rate', 'Enter at most 20 %'],
      [{ state: 'AZ', rate: '25' }, 'rate', 'Enter at most 20 %'],
      [{ state: 'AZ', rate: 'seven' }, 'rate', 'Enter a percentage with at most 3 decimals, like 8.875.'],
      [{ state: 'AZ', rate: '5.6251' }, 'rate', 'Enter a percentage with at most 3 decimals'],
      [{ state: 'AZ', rate: '' }, 'rate', 'Enter the rate as a percentage'],
      [{ state: 'PR', rate: '5' }, 'state', 'Choose one of the 50 states or DC.'],
      [{ state: 'ZZ', rate: '5' }, 'state', 'Choose one of the 50 states or DC.'],
    ];
    for (const [fields, field, message] of cases) {
      const res = await owner.submit('/admin/settings/tax', fields);
      expect(res.status, JSON.stringify(fields)).toBe(400);
      const page = await res.text();
      expect(page).toContain(message);
      expect(page).toContain(`id="f-${field}-error"`);
      expect(page).toContain(`value="${fields.rate}"`);
    }
    expect((await listTaxRates(store.ctx.db)).every((r) => r.ratePer100k === 0)).toBe(true);
  });

  it('saves a rate, which quotes use at once, and audits the change', async () => {
    const res = await owner.submit('/admin/settings/tax', { state: 'ny', rate: '8.875 %', isShippingTaxed: 'on' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/settings/tax?state=NY&done=saved');
    const page = await owner.page('/admin/settings/tax?state=NY&done=saved');
    expect(page).toContain('Saved: New York is taxed at 8.875 % from now on, shipping included.');
    expect(page).toContain('Tax is charged in 1 state: New York.');
    expect(await quoteTax(store.ctx.db, { state: 'NY', itemsCents: 10000, shippingCents: 795, isExempt: false })).toBe(
      958,
    );
    // Saving the same again writes no second entry.
    await owner.submit('/admin/settings/tax', { state: 'NY', rate: '8.875', isShippingTaxed: 'on' });
    await owner.submit('/admin/settings/tax', { state: 'AZ', rate: '5.6' });
    const entries = await store.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityType, 'tax-rate'))
      .orderBy(auditLog.entityId);
    expect(entries.map((e) => [e.action, e.entityId, e.before, e.after])).toEqual([
      [
        'tax-rate.update',
        'AZ',
        { ratePercent: '0', isShippingTaxed: false },
        { ratePercent: '5.6', isShippingTaxed: false },
      ],
      [
        'tax-rate.update',
        'NY',
        { ratePercent: '0', isShippingTaxed: false },
        { ratePercent: '8.875', isShippingTaxed: true },
      ],
    ]);
    const audit = await owner.page('/admin/audit?entity=tax-rate');
    expect(audit).toContain('tax rate NY');
  });
});
