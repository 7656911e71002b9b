import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestMail } from '#src/accounts/test-helpers.ts';
import { addDays, todayUtc } from '#src/lib/dates.ts';
import { auditLog } from '#src/staff/schema.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor, type Visitor } from '#test/support/visitor.ts';
import { checkPurchaseEntitlement } from './entitlement.ts';
import { LICENCE_MAIL_KINDS } from './mails.ts';
import { licences } from './schema.ts';
import { hasTaxExemption } from './tax-exemption.ts';
import {
  createTestCustomer,
  createTestCustomerSession,
  createTestLicence,
  createTestStaff,
  SAMPLE_FILES,
} from './test-factory.ts';

let store: TestStore;
let staff: Visitor;

const certificate = (o: Record<string, string> = {}) => ({
  type: 'tax-exemption',
  number: 'AZ-5000-11842',
  issuingState: 'AZ',
  expiresOn: addDays(todayUtc(), 300),
  holderName: 'Desert Bloom Med Spa LLC',
  document: new File([SAMPLE_FILES.pdf()], 'certificate.pdf'),
  ...o,
});

async function customerVisitor(accountType: 'business' | 'client') {
  const customer = await createTestCustomer(store.ctx.db, { accountType });
  const visitor = createVisitor(store);
  visitor.cookies.set('sid', await createTestCustomerSession(store.ctx.db, customer.id));
  return { customer, visitor };
}

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  staff = createVisitor(store);
  staff.cookies.set('staff_sid', (await createTestStaff(store.ctx.db, 'staff')).token);
});
afterAll(async () => {
  await store?.close();
});

describe('a tax-exemption certificate', () => {
  it('is uploaded and reviewed like a licence, and exempts the business in its state only once approved', async () => {
    const { customer, visitor } = await customerVisitor('business');
    const form = await visitor.page('/account/licences');
    expect(form).toContain('<option value="tax-exemption">Sales-tax exemption certificate</option>');
    const res = await visitor.submit('/account/licences', certificate());
    expect(res.status).toBe(303);
    const [row] = await store.ctx.db.select().from(licences).where(eq(licences.customerId, customer.id));
    expect(row).toMatchObject({ type: 'tax-exemption', issuingState: 'AZ', status: 'pending' });
    expect(await hasTaxExemption(store.ctx.db, customer.id, 'AZ')).toBe(false);

    const queue = await staff.page('/admin/licences');
    expect(queue).toContain('Sales-tax exemption certificate AZ-5000-11842');
    const approved = await staff.submit(`/admin/licences/${row!.id}`, {}, `/admin/licences/${row!.id}/approve`);
    expect(approved.status).toBe(303);
    const [entry] = await store.ctx.db.select().from(auditLog).orderBy(desc(auditLog.createdAt)).limit(1);
    expect(entry).toMatchObject({ action: 'licence.approve', entityId: row!.id });

    expect(await hasTaxExemption(store.ctx.db, customer.id, 'AZ')).toBe(true);
    expect(await hasTaxExemption(store.ctx.db, customer.id, ' az ')).toBe(true);
    expect(await hasTaxExemption(store.ctx.db, customer.id, 'CA')).toBe(false);
    // Valid through its expiry day, not after.
    expect(await hasTaxExemption(store.ctx.db, customer.id, 'AZ', row!.expiresOn)).toBe(true);
    expect(await hasTaxExemption(store.ctx.db, customer.id, 'AZ', addDays(row!.expiresOn, 1))).toBe(false);
    // It opens no restricted product.
    expect(await checkPurchaseEntitlement(store.ctx.db, customer, { accessClass: 'professional' })).toMatchObject({
      allowed: false,
      code: 'licence-needed',
    });

    const mail = await latestMail(store, customer.email, LICENCE_MAIL_KINDS.approved);
    expect(mail?.text).toContain('Orders shipped to AZ carry no sales tax from now on');
    expect(mail?.text).not.toContain('licensed professionals');
    const page = await visitor.page('/account/licences');
    expect(page).toContain('Orders shipped to AZ carry no sales tax while it is valid.');

    const suspended = await staff.submit(
      `/admin/licences/${row!.id}`,
      { reason: 'The certificate was revoked.' },
      `/admin/licences/${row!.id}/suspend`,
    );
    expect(suspended.status).toBe(303);
    expect(await hasTaxExemption(store.ctx.db, customer.id, 'AZ')).toBe(false);
  });

  it('is refused from a client account, on the page and in the API, with nothing stored', async () => {
    const { customer, visitor } = await customerVisitor('client');
    const res = await visitor.submit('/account/licences', certificate());
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain('Tax-exemption certificates are accepted from business accounts only');
    expect(page).toContain('id="f-type-error"');
    expect(page).toContain('value="AZ-5000-11842"');

    const body = new FormData();
    for (const [k, v] of Object.entries(certificate())) body.set(k, v);
    const api = await visitor.request('/api/store/account/licences', {
      method: 'POST',
      body,
      headers: { origin: 'http://store.test' },
    });
    expect(api.status).toBe(422);
    expect((await api.json()).errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'type' })]));
    expect(await store.ctx.db.select().from(licences).where(eq(licences.customerId, customer.id))).toEqual([]);
  });

  it('counts only for a business account, only approved, only of its own type', async () => {
    const client = await createTestCustomer(store.ctx.db, { accountType: 'client' });
    await createTestLicence(store.ctx.db, client.id, { type: 'tax-exemption', status: 'approved', issuingState: 'TX' });
    expect(await hasTaxExemption(store.ctx.db, client.id, 'TX')).toBe(false);

    const business = await createTestCustomer(store.ctx.db);
    await createTestLicence(store.ctx.db, business.id, { type: 'MD', status: 'approved', issuingState: 'TX' });
    await createTestLicence(store.ctx.db, business.id, {
      type: 'tax-exemption',
      status: 'pending',
      issuingState: 'TX',
    });
    expect(await hasTaxExemption(store.ctx.db, business.id, 'TX')).toBe(false);
    await createTestLicence(store.ctx.db, business.id, {
      type: 'tax-exemption',
      status: 'approved',
      issuingState: 'TX',
    });
    expect(await hasTaxExemption(store.ctx.db, business.id, 'TX')).toBe(true);
    expect(await hasTaxExemption(store.ctx.db, 'not-an-id', 'TX')).toBe(false);
  });
});
