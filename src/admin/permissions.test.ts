import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestCustomer,
  createTestCustomerSession,
  createTestLicence,
  createTestStaff,
} from '#src/licences/test-factory.ts';
import type { StaffRole } from '#src/staff/schema.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor, type Visitor } from '#test/support/visitor.ts';

let store: TestStore;
const asRole = {} as Record<StaffRole, Visitor>;
let customer: Visitor;
let customerToken: string;
let licenceId: string;

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  for (const role of ['owner', 'admin', 'staff'] as const) {
    const { token } = await createTestStaff(store.ctx.db, role);
    asRole[role] = createVisitor(store);
    asRole[role].cookies.set('staff_sid', token);
  }
  const person = await createTestCustomer(store.ctx.db, { name: 'Kim Osei' });
  customerToken = await createTestCustomerSession(store.ctx.db, person.id);
  customer = createVisitor(store);
  customer.cookies.set('sid', customerToken);
  licenceId = (await createTestLicence(store.ctx.db, person.id)).id;
});

afterAll(async () => {
  await store?.close();
});

const PAGES = [
  '/admin',
  '/admin/licences',
  `/admin/licences/LICENCE`,
  '/admin/outbox',
  '/admin/customers',
  '/admin/settings',
  '/admin/inventory',
  '/admin/settings/shipping',
  '/admin/settings/tax',
  '/admin/staff',
  '/admin/audit',
];
const ALLOWED: Record<StaffRole, string[]> = {
  owner: PAGES,
  admin: [
    '/admin',
    '/admin/licences',
    '/admin/licences/LICENCE',
    '/admin/outbox',
    '/admin/customers',
    '/admin/settings',
    '/admin/inventory',
    '/admin/settings/shipping',
    '/admin/settings/tax',
  ],
  staff: ['/admin', '/admin/licences', '/admin/licences/LICENCE', '/admin/outbox'],
};

describe('admin permissions, checked on the server', () => {
  for (const role of ['owner', 'admin', 'staff'] as const) {
    it(`lets ${role} open only the pages of the role, and answers 403 for the rest`, async () => {
      for (const template of PAGES) {
        const path = template.replace('LICENCE', licenceId);
        const res = await asRole[role].request(path);
        const expected = ALLOWED[role].includes(template) ? 200 : 403;
        expect(res.status, `${role} ${path}`).toBe(expected);
        if (expected === 403) {
          // In the admin shell, with the person's own navigation and a way back.
          const page = await res.text();
          expect(page).toContain('This is not open to you');
          expect(page).toContain(`(${role})</p>`);
          expect(page).toContain('Back to the dashboard');
          expect(page).not.toContain('Create account');
        }
      }
    });
  }

  it('answers an unknown admin address in the admin shell', async () => {
    const res = await asRole.staff.request('/admin/no-such-page');
    expect(res.status).toBe(404);
    const page = await res.text();
    expect(page).toContain('The admin area has no such page.');
    expect(page).toContain('(staff)</p>');
  });

  it('shows each role only the links it may follow', async () => {
    const staffNav = await asRole.staff.page('/admin');
    expect(staffNav).not.toContain('href="/admin/audit"');
    expect(staffNav).not.toContain('href="/admin/staff"');
    expect(staffNav).not.toContain('href="/admin/customers"');
    const ownerNav = await asRole.owner.page('/admin');
    expect(ownerNav).toContain('href="/admin/audit"');
  });

  it('sends a visitor and a signed-in customer to the staff sign-in', async () => {
    for (const who of [createVisitor(store), customer]) {
      for (const path of ['/admin', '/admin/licences', '/admin/audit', `/admin/licences/${licenceId}/document`]) {
        const res = await who.request(path);
        expect(res.status, path).toBe(303);
        expect(res.headers.get('location')).toBe(`/admin/login?next=${encodeURIComponent(path)}`);
      }
    }
  });

  it('does not let a customer token act as a staff token, nor a staff cookie act as a customer', async () => {
    const asStaff = await store.request('/admin/licences', { headers: { cookie: `staff_sid=${customerToken}` } });
    expect(asStaff.status).toBe(303);
    const staffToken = asRole.owner.cookies.get('staff_sid')!;
    const asCustomer = await store.request('/account/licences', { headers: { cookie: `sid=${staffToken}` } });
    expect(asCustomer.status).toBe(303);
    expect(asCustomer.headers.get('location')).toMatch(/^\/account\/sign-in/);
  });

  it("refuses a post to the owners' staff page from the staff role", async () => {
    const res = await asRole.staff.submit('/admin/licences', { reason: 'no' }, '/admin/staff');
    expect(res.status).toBe(403);
  });

  it('finds customers by email or name with their licences', async () => {
    const page = await asRole.admin.page('/admin/customers?q=osei');
    expect(page).toContain('Kim Osei');
    expect(page).toContain(`/admin/licences/${licenceId}`);
    const none = await asRole.admin.page('/admin/customers?q=%25nobody%25');
    expect(none).toContain('0 customers');
  });
});
