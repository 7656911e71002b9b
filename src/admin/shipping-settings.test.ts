import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStaff } from '#src/licences/test-factory.ts';
import { getShippingCutoffHour, listAllShippingMethods, quoteShipping } from '#src/shipping/methods.ts';
import { auditLog } from '#src/staff/schema.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor, type Visitor } from '#test/support/visitor.ts';

let store: TestStore;
let admin: Visitor;
let staffOnly: Visitor;

// The demo store's shipping as the page fills the form, so that a test changes only the fields it names.
const FORM: Record<string, string> = {
  'standard-name': 'Ground',
  'standard-description': '2 to 5 business days to the 48 contiguous states. Free on orders over $150.',
  'standard-rate': '8.95',
  'standard-freeAbove': '150.00',
  'standard-position': '1',
  'standard-active': 'on',
  'express-name': 'Two-day',
  'express-description': '2 business days.',
  'express-rate': '18.50',
  'express-freeAbove': '',
  'express-position': '2',
  'express-active': 'on',
  'refrigerated-name': 'Refrigerated overnight',
  'refrigerated-description': 'Overnight at 2 to 8 °C.',
  'refrigerated-rate': '0.00',
  'refrigerated-surcharge': '25.00',
  'refrigerated-freeAbove': '',
  'refrigerated-position': '3',
  'refrigerated-active': 'on',
  cutoffHour: '13',
};

beforeAll(async () => {
  store = await createTestStore();
  admin = createVisitor(store);
  admin.cookies.set('staff_sid', (await createTestStaff(store.ctx.db, 'admin')).token);
  staffOnly = createVisitor(store);
  staffOnly.cookies.set('staff_sid', (await createTestStaff(store.ctx.db, 'staff')).token);
});
afterAll(async () => {
  await store?.close();
});

const snapshot = async () => ({
  methods: await listAllShippingMethods(store.ctx.db),
  cutoff: await getShippingCutoffHour(store.ctx.db),
});

describe('the shipping settings page', () => {
  it('shows each method with its rates, the cut-off, and links to the other settings pages', async () => {
    const page = await admin.page('/admin/settings/shipping');
    expect(page).toContain('<h1>Shipping</h1>');
    expect(page).toContain('name="standard-rate" type="text" value="8.95"');
    expect(page).toContain('name="standard-freeAbove" type="text" value="150.00"');
    expect(page).toContain('name="refrigerated-surcharge" type="text" value="25.00"');
    expect(page).toContain('<option value="13" selected>13:00 (1 pm)</option>');
    expect(page).toContain('America/Phoenix');
    expect(page).toContain('<a href="/admin/settings/shipping" aria-current="page">Shipping</a>');
    expect(page).toContain('<a href="/admin/settings/tax">Tax</a>');
    const storePage = await admin.page('/admin/settings');
    expect(storePage).toContain('<a href="/admin/settings/shipping">Shipping</a>');
    expect(storePage).toContain('<a href="/admin/settings" aria-current="page">Store</a>');
  });

  it('is closed to staff without settings:manage, and to visitors', async () => {
    expect((await staffOnly.request('/admin/settings/shipping')).status).toBe(403);
    const before = await snapshot();
    // With a valid form token from a page the role may open, so that only the permission can refuse it.
    const res = await staffOnly.submit('/admin', { ...FORM, 'standard-rate': '0' }, '/admin/settings/shipping');
    expect(res.status).toBe(403);
    expect(await snapshot()).toEqual(before);
    expect((await store.request('/admin/settings/shipping')).status).toBe(303);
  });

  it('refuses bad amounts field by field, keeping what was typed and saving nothing', async () => {
    const before = await snapshot();
    const res = await admin.submit('/admin/settings/shipping', {
      ...FORM,
      'standard-rate': '-5',
      'express-rate': 'cheap',
      'refrigerated-surcharge': '12.345',
      'standard-freeAbove': '20000',
      'express-position': 'first',
      'refrigerated-name': '',
      cutoffHour: '25',
    });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('Enter an amount of 0 or more: it cannot be negative.');
    expect(page).toContain('Enter an amount in dollars and cents, like 7.95.');
    expect(page).toContain('Enter at most $10,000.');
    expect(page).toContain('Enter a whole number from 1 to 99.');
    expect(page).toContain('Enter the name shoppers choose the method by.');
    expect(page).toContain('Choose an hour from 0:00 to 23:00.');
    expect(page).toContain('value="cheap"');
    expect(page).toContain('value="12.345"');
    expect(await snapshot()).toEqual(before);

    const noneOffered = await admin.submit('/admin/settings/shipping', {
      ...FORM,
      'standard-active': '',
      'express-active': '',
      'refrigerated-active': '',
    });
    expect(noneOffered.status).toBe(400);
    expect(await noneOffered.text()).toContain('Keep at least one method on offer');
    expect(await snapshot()).toEqual(before);
  });

  it('saves every method and the cut-off, which quotes use at once, and audits what changed', async () => {
    const { 'express-active': _, ...withoutExpress } = FORM;
    const res = await admin.submit('/admin/settings/shipping', {
      ...withoutExpress,
      'standard-rate': '$9.45',
      'standard-freeAbove': '1,250',
      'refrigerated-surcharge': '30',
      cutoffHour: '14',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/settings/shipping?done=saved');
    expect(await admin.page('/admin/settings/shipping?done=saved')).toContain('Saved. Checkout uses the new rates');
    const { methods, cutoff } = await snapshot();
    expect(cutoff).toBe(14);
    expect(methods.find((m) => m.code === 'standard')).toMatchObject({ rateCents: 945, freeAboveCents: 125000 });
    expect(methods.find((m) => m.code === 'express')).toMatchObject({ isActive: false });
    expect(
      await quoteShipping(store.ctx.db, { code: 'refrigerated', subtotalCents: 100, hasRefrigerated: true }),
    ).toMatchObject({ allowed: true, cents: 3000 });

    const entries = await store.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'shipping'), eq(auditLog.action, 'shipping.update')))
      .orderBy(desc(auditLog.createdAt));
    const byId = Object.fromEntries(entries.map((e) => [e.entityId, e]));
    expect(Object.keys(byId).sort()).toEqual(['cutoff', 'express', 'refrigerated', 'standard']);
    expect(byId.standard).toMatchObject({
      before: { rateCents: 895, freeAboveCents: 15000 },
      after: { rateCents: 945, freeAboveCents: 125000 },
    });
    expect(byId.express).toMatchObject({ before: { isActive: true }, after: { isActive: false } });
    expect(byId.cutoff).toMatchObject({ before: { cutoffHour: 13 }, after: { cutoffHour: 14 } });
    expect(byId.standard!.actorEmail).toContain('@');
  });
});
