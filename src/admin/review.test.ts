import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayUtc } from '#src/lib/dates.ts';
import { licences } from '#src/licences/schema.ts';
import {
  createTestCustomer,
  createTestCustomerSession,
  createTestLicence,
  createTestStaff,
  SAMPLE_FILES,
} from '#src/licences/test-factory.ts';
import { outbox } from '#src/mail/schema.ts';
import { auditLog } from '#src/staff/schema.ts';
import { settingsOf } from '#src/store/settings.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor, type Visitor } from '#test/support/visitor.ts';

let store: TestStore;
let customer: Visitor;
let reviewer: Visitor;
let customerEmail: string;
let licenceId: string;
let staffEmail: string;

async function mailsTo(email: string) {
  return store.ctx.db.select().from(outbox).where(eq(outbox.to, email)).orderBy(outbox.createdAt);
}

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  const person = await createTestCustomer(store.ctx.db, { name: 'Dana Reyes', companyName: 'Reyes Aesthetics' });
  customerEmail = person.email;
  customer = createVisitor(store);
  customer.cookies.set('sid', await createTestCustomerSession(store.ctx.db, person.id));
  const res = await customer.submit('/account/licences', {
    type: 'NP',
    number: 'NP-30412',
    issuingState: 'TX',
    expiresOn: addDays(todayUtc(), 300),
    holderName: 'Dana Reyes',
    document: new File([SAMPLE_FILES.pdf()], 'np.pdf'),
  });
  expect(res.status).toBe(303);
  const [row] = await store.ctx.db.select().from(licences).where(eq(licences.customerId, person.id));
  licenceId = row!.id;
  const { staff, token } = await createTestStaff(store.ctx.db, 'staff');
  staffEmail = staff.email;
  reviewer = createVisitor(store);
  reviewer.cookies.set('staff_sid', token);
});

afterAll(async () => {
  await store?.close();
});

describe('licence review in the admin area', () => {
  it('counts the pending licence on the dashboard and lists it first in the queue', async () => {
    const dashboard = await reviewer.page('/admin');
    expect(dashboard).toContain('<strong>1</strong> licence waiting for review');
    expect(dashboard).toContain('href="/admin/licences?status=pending"');
    const queue = await reviewer.page('/admin/licences');
    expect(queue).toContain('NP-30412');
    expect(queue).toContain('Reyes Aesthetics');
    const approvedOnly = await reviewer.page('/admin/licences?status=approved');
    expect(approvedOnly).not.toContain('NP-30412');
  });

  it('shows the document to staff with a download name and nosniff, and never to the customer', async () => {
    const page = await reviewer.page(`/admin/licences/${licenceId}`);
    expect(page).toContain(`/admin/licences/${licenceId}/document`);
    const doc = await reviewer.request(`/admin/licences/${licenceId}/document?download=1`);
    expect(doc.status).toBe(200);
    expect(doc.headers.get('content-type')).toBe('application/pdf');
    expect(doc.headers.get('content-disposition')).toMatch(/^attachment; filename="licence-.*NP-30412\.pdf"$/);
    expect(doc.headers.get('x-content-type-options')).toBe('nosniff');
    expect(doc.headers.get('cache-control')).toContain('no-store');
    expect(new TextDecoder().decode(await doc.arrayBuffer())).toMatch(/^%PDF-/);
    const asCustomer = await customer.request(`/admin/licences/${licenceId}/document`);
    expect(asCustomer.status).toBe(303);
    expect(asCustomer.headers.get('location')).toMatch(/^\/admin\/login/);
  });

  it("shows whether the customer's email is confirmed, on the review page, the customers page and in the API", async () => {
    const confirmed = await reviewer.page(`/admin/licences/${licenceId}`);
    expect(confirmed).toMatch(/<dt>Customer email<\/dt>\s*<dd>[^<]*Confirmed/);
    // A licence sent before confirmation was required: staff must see the address was never proven.
    const stranger = await createTestCustomer(store.ctx.db, { name: 'Unproven Person', emailVerifiedAt: null });
    const legacy = await createTestLicence(store.ctx.db, stranger.id, { type: 'MD' });
    const unconfirmed = await reviewer.page(`/admin/licences/${legacy.id}`);
    expect(unconfirmed).toMatch(/<dt>Customer email<\/dt>\s*<dd><strong>Not confirmed/);

    const { token } = await createTestStaff(store.ctx.db, 'admin');
    const admin = createVisitor(store);
    admin.cookies.set('staff_sid', token);
    const customers = await admin.page('/admin/customers?q=unproven');
    expect(customers).toContain('Unproven Person');
    expect(customers).toContain('email not confirmed');
    expect(await admin.page('/admin/customers?q=reyes')).toContain('email confirmed');

    const api = await store.request(`/api/admin/licences/${legacy.id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(((await api.json()) as { customer: { emailVerified: boolean } }).customer.emailVerified).toBe(false);
  });

  it('refuses a rejection without a reason, keeping the licence pending', async () => {
    const res = await reviewer.submit(
      `/admin/licences/${licenceId}`,
      { reason: ' ' },
      `/admin/licences/${licenceId}/reject`,
    );
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Give the reason the customer will read.');
    const [row] = await store.ctx.db.select().from(licences).where(eq(licences.id, licenceId));
    expect(row!.status).toBe('pending');
    expect(await mailsTo(customerEmail)).toHaveLength(0);
  });

  it('refuses a decision posted without the CSRF token', async () => {
    const res = await reviewer.request(`/admin/licences/${licenceId}/approve`, {
      method: 'POST',
      body: new URLSearchParams({}),
    });
    expect(res.status).toBe(403);
    const [row] = await store.ctx.db.select().from(licences).where(eq(licences.id, licenceId));
    expect(row!.status).toBe('pending');
  });

  it('approves, emails the customer, records who did it, and the customer sees it verified', async () => {
    const res = await reviewer.submit(`/admin/licences/${licenceId}`, {}, `/admin/licences/${licenceId}/approve`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/licences/${licenceId}?notice=approve`);
    expect(await reviewer.page(res.headers.get('location')!)).toContain('Approved. The customer was emailed');
    const [mail] = await mailsTo(customerEmail);
    expect(mail).toMatchObject({
      kind: 'licence-approved',
      subject: `Your licence is approved | ${(await settingsOf(store.ctx)).name}`,
    });
    expect(mail!.text).toContain('NP-30412');
    expect(mail!.html).toContain('NP-30412');
    const [entry] = await store.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, licenceId), eq(auditLog.action, 'licence.approve')));
    expect(entry).toMatchObject({ actorEmail: staffEmail, entityType: 'licence' });
    expect(entry!.before).toMatchObject({ status: 'pending' });
    expect(entry!.after).toMatchObject({ status: 'approved' });
    expect(await customer.page('/account/licences')).toContain('Verified');
  });

  it('refuses to approve twice (409) and sends no second mail', async () => {
    const res = await reviewer.submit(`/admin/licences/${licenceId}`, {}, `/admin/licences/${licenceId}/approve`);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('This licence is approved; it cannot be approved');
    const again = await reviewer.request(`/admin/licences/${licenceId}`);
    expect(await again.text()).not.toContain(`/admin/licences/${licenceId}/approve`);
    expect(await mailsTo(customerEmail)).toHaveLength(1);
  });

  it('suspends with a reason the customer reads in the mail and on the account page', async () => {
    const res = await reviewer.submit(
      `/admin/licences/${licenceId}`,
      { reason: 'The Texas board lists this licence as under review.' },
      `/admin/licences/${licenceId}/suspend`,
    );
    expect(res.status).toBe(303);
    const mails = await mailsTo(customerEmail);
    expect(mails.map((m) => m.kind)).toEqual(['licence-approved', 'licence-suspended']);
    expect(mails[1]!.text).toContain('The Texas board lists this licence as under review.');
    const page = await customer.page('/account/licences');
    expect(page).toContain('Suspended');
    expect(page).toContain('The Texas board lists this licence as under review.');
  });

  it('rejects a suspended licence with its reason, emailed and shown to the customer', async () => {
    const res = await reviewer.submit(
      `/admin/licences/${licenceId}`,
      { reason: 'The board revoked this licence.' },
      `/admin/licences/${licenceId}/reject`,
    );
    expect(res.status).toBe(303);
    const mails = await mailsTo(customerEmail);
    expect(mails.at(-1)).toMatchObject({ kind: 'licence-rejected' });
    expect(await customer.page('/account/licences')).toContain('The board revoked this licence.');
  });

  it('lists every mail in the outbox and shows one to staff', async () => {
    const list = await reviewer.page('/admin/outbox');
    expect(list).toContain('Your licence is approved');
    const [mail] = await mailsTo(customerEmail);
    const one = await reviewer.page(`/admin/outbox/${mail!.id}`);
    expect(one).toContain(customerEmail);
    expect(one).toContain('NP-30412');
    expect((await reviewer.request('/admin/outbox/not-an-id')).status).toBe(404);
  });

  it('shows owners the audit log: who, what, which record, before and after', async () => {
    const { token } = await createTestStaff(store.ctx.db, 'owner');
    const owner = createVisitor(store);
    owner.cookies.set('staff_sid', token);
    const page = await owner.page('/admin/audit?entity=licence');
    expect(page).toContain(staffEmail);
    expect(page).toContain('licence.approve');
    expect(page).toContain('licence.suspend');
    expect(page).toContain(`href="/admin/licences/${licenceId}"`);
    expect(page).toMatch(/<td>status<\/td><td>pending<\/td><td>approved<\/td>/);
    expect(page).toMatch(/<td>reason<\/td><td>\(empty\)<\/td><td>[^<]+<\/td>/);
    expect((await reviewer.request('/admin/audit')).status).toBe(403);
  });
});
