import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceTermsOf } from '#src/accounts/business/terms.ts';
import { businessTerms } from '#src/accounts/schema.ts';
import { createTestCustomer, createTestLicence, createTestStaff } from '#src/licences/test-factory.ts';
import { auditLog } from '#src/staff/schema.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor, type Visitor } from '#test/support/visitor.ts';

let store: TestStore;
let admin: Visitor;
let staffOnly: Visitor;

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  admin = createVisitor(store);
  admin.cookies.set('staff_sid', (await createTestStaff(store.ctx.db, 'admin')).token);
  staffOnly = createVisitor(store);
  staffOnly.cookies.set('staff_sid', (await createTestStaff(store.ctx.db, 'staff')).token);
});
afterAll(() => store?.close());

async function lastAudit(customerId: string) {
  const [entry] = await store.ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'customer'), eq(auditLog.entityId, customerId)))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(1);
  return entry;
}

describe("a customer's page in the admin", () => {
  it('shows the account, whether its email is confirmed, and its licences, linked from the list', async () => {
    const clinic = await createTestCustomer(store.ctx.db, { name: 'Dana Whitfield', companyName: 'Lakeside Clinic' });
    await createTestLicence(store.ctx.db, clinic.id, { status: 'approved' });
    const unconfirmed = await createTestCustomer(store.ctx.db, { emailVerifiedAt: null, accountType: 'client' });
    expect(await admin.page('/admin/customers')).toContain(`href="/admin/customers/${clinic.id}"`);
    const page = await admin.page(`/admin/customers/${clinic.id}`);
    expect(page).toContain('Dana Whitfield, Lakeside Clinic');
    expect(page).toContain(clinic.email);
    expect(page).toContain('Verified');
    expect(page).toContain('Pays when it orders: no invoice terms.');
    const other = await admin.page(`/admin/customers/${unconfirmed.id}`);
    expect(other).toContain('restricted products and licences wait until the customer confirms it');
    expect(other).toContain('invoice terms are for business accounts');
    expect((await admin.request('/admin/customers/not-a-uuid')).status).toBe(404);
    expect((await admin.request('/admin/customers/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('grants a business invoice terms, changes and withdraws them, and records each change', async () => {
    const clinic = await createTestCustomer(store.ctx.db);
    const granted = await admin.submit(
      `/admin/customers/${clinic.id}`,
      { creditLimit: '$2,500' },
      `/admin/customers/${clinic.id}/credit`,
    );
    expect(granted.status).toBe(303);
    expect(await invoiceTermsOf(store.ctx.db, clinic.id)).toMatchObject({
      creditLimitCents: 250_000,
      paymentTermsDays: 30,
    });
    expect(await admin.page(granted.headers.get('location')!)).toContain('Credit limit saved');
    expect(await lastAudit(clinic.id)).toMatchObject({
      action: 'customer.credit-limit',
      before: null,
      after: { creditLimitCents: 250_000 },
    });

    await admin.submit(
      `/admin/customers/${clinic.id}`,
      { creditLimit: '4000.50' },
      `/admin/customers/${clinic.id}/credit`,
    );
    expect((await invoiceTermsOf(store.ctx.db, clinic.id))?.creditLimitCents).toBe(400_050);
    expect(await admin.page(`/admin/customers/${clinic.id}`)).toContain('$4,000.50');

    const withdrawn = await admin.submit(
      `/admin/customers/${clinic.id}`,
      { creditLimit: '' },
      `/admin/customers/${clinic.id}/credit`,
    );
    expect(withdrawn.headers.get('location')).toBe(`/admin/customers/${clinic.id}?done=credit-removed`);
    expect(await invoiceTermsOf(store.ctx.db, clinic.id)).toBeUndefined();
    expect(await lastAudit(clinic.id)).toMatchObject({ action: 'customer.credit-removed', after: null });
  });

  it('keeps what was typed and changes nothing when the amount is wrong or the account is a client', async () => {
    const clinic = await createTestCustomer(store.ctx.db);
    await admin.submit(
      `/admin/customers/${clinic.id}`,
      { creditLimit: '1000' },
      `/admin/customers/${clinic.id}/credit`,
    );
    for (const [typed, message] of [
      ['ten dollars', 'Enter an amount in dollars'],
      ['-50', 'Enter an amount in dollars'],
      ['0', 'Enter an amount above zero'],
      ['99999999', 'Keep the limit to $10,000,000 or less'],
    ]) {
      const res = await admin.submit(
        `/admin/customers/${clinic.id}`,
        { creditLimit: typed! },
        `/admin/customers/${clinic.id}/credit`,
      );
      expect(res.status, typed).toBe(400);
      const page = await res.text();
      expect(page).toContain(message);
      expect(page).toContain(`value="${typed}"`);
    }
    expect((await invoiceTermsOf(store.ctx.db, clinic.id))?.creditLimitCents).toBe(100_000);

    const client = await createTestCustomer(store.ctx.db, { accountType: 'client' });
    const refused = await admin.submit(
      `/admin/customers/${client.id}`,
      { creditLimit: '500' },
      `/admin/customers/${client.id}/credit`,
    );
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Only business accounts can order on invoice.');
    expect(await store.ctx.db.select().from(businessTerms).where(eq(businessTerms.customerId, client.id))).toEqual([]);
  });

  it('refuses staff whose role may not see customers or change their credit', async () => {
    const clinic = await createTestCustomer(store.ctx.db);
    expect((await staffOnly.request(`/admin/customers/${clinic.id}`)).status).toBe(403);
    const token = /name="_csrf" value="([^"]+)"/.exec(await staffOnly.page('/admin'))![1]!;
    const res = await staffOnly.request(`/admin/customers/${clinic.id}/credit`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(store.config.baseUrl).origin },
      body: new URLSearchParams({ _csrf: token, creditLimit: '900' }),
    });
    expect(res.status).toBe(403);
    expect(await invoiceTermsOf(store.ctx.db, clinic.id)).toBeUndefined();
  });
});
