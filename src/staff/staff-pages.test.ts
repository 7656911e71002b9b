import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStaff, TEST_STAFF_PASSWORD } from '#src/licences/test-factory.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor, type Visitor } from '#test/support/visitor.ts';
import { auditLog, staffSessions, staffUsers } from './schema.ts';

let store: TestStore;
let owner: Visitor;
let ownerEmail: string;

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  const created = await createTestStaff(store.ctx.db, 'owner');
  ownerEmail = created.staff.email;
  owner = createVisitor(store);
  owner.cookies.set('staff_sid', created.token);
});

afterAll(async () => {
  await store?.close();
});

describe('staff sign-in', () => {
  it('signs in with a new session id, HttpOnly and SameSite=Strict, and goes where it was headed', async () => {
    const { staff } = await createTestStaff(store.ctx.db, 'staff');
    const visitor = createVisitor(store);
    visitor.cookies.set('staff_sid', 'planted-session-id-planted-session-id');
    const res = await visitor.submit(
      '/admin/login?next=%2Fadmin%2Foutbox',
      {
        email: staff.email,
        password: TEST_STAFF_PASSWORD,
        next: '/admin/outbox',
      },
      '/admin/login',
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/outbox');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('staff_sid='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(visitor.cookies.get('staff_sid')).not.toBe('planted-session-id-planted-session-id');
    expect((await visitor.request('/admin/outbox')).status).toBe(200);

    const out = await visitor.submit('/admin', {}, '/admin/logout');
    expect(out.headers.get('location')).toBe('/admin/login');
    expect((await visitor.request('/admin')).status).toBe(303);
  });

  it('refuses a wrong password with the same message as an unknown email, and never sends next off-site', async () => {
    const visitor = createVisitor(store);
    const wrong = await visitor.submit('/admin/login', { email: ownerEmail, password: 'not-it-at-all-123' });
    const unknown = await visitor.submit('/admin/login', {
      email: 'nobody@example.com',
      password: 'not-it-at-all-123',
    });
    expect([wrong.status, unknown.status]).toEqual([422, 422]);
    const [a, b] = [await wrong.text(), await unknown.text()];
    expect(a).toContain('That email and password do not match an active staff account.');
    expect(b).toContain('That email and password do not match an active staff account.');
    expect(a).toContain(`value="${ownerEmail}"`);
    const { staff } = await createTestStaff(store.ctx.db, 'staff');
    const offSite = await visitor.submit('/admin/login', {
      email: staff.email,
      password: TEST_STAFF_PASSWORD,
      next: '//evil.example/admin',
    });
    expect(offSite.headers.get('location')).toBe('/admin');
  });
});

describe('owners manage staff', () => {
  it('adds a staff member, refusing a weak password and a taken email with the form kept', async () => {
    const weak = await owner.submit('/admin/staff', {
      email: 'desk@example.com',
      name: 'Desk',
      password: 'password123',
      role: 'staff',
    });
    expect(weak.status).toBe(422);
    expect(await weak.text()).toContain('value="desk@example.com"');
    const ok = await owner.submit('/admin/staff', {
      email: 'desk@example.com',
      name: 'Desk',
      password: 'lilac-ferry-compass-88',
      role: 'staff',
    });
    expect(ok.status).toBe(303);
    const taken = await owner.submit('/admin/staff', {
      email: 'desk@example.com',
      name: 'Desk',
      password: 'lilac-ferry-compass-88',
      role: 'admin',
    });
    expect(taken.status).toBe(409);
    const [entry] = await store.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'staff.create'))
      .orderBy(auditLog.createdAt);
    expect(entry).toBeDefined();
  });

  it("changes a role, which ends that person's sessions, and records before and after", async () => {
    const { staff, token } = await createTestStaff(store.ctx.db, 'staff');
    const res = await owner.submit('/admin/staff', { role: 'admin' }, `/admin/staff/${staff.id}/role`);
    expect(res.status).toBe(303);
    const [row] = await store.ctx.db.select().from(staffUsers).where(eq(staffUsers.id, staff.id));
    expect(row!.role).toBe('admin');
    expect(await store.ctx.db.select().from(staffSessions).where(eq(staffSessions.staffId, staff.id))).toHaveLength(0);
    expect((await store.request('/admin', { headers: { cookie: `staff_sid=${token}` } })).status).toBe(303);
    const [entry] = await store.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'staff.role'));
    expect(entry).toMatchObject({
      entityId: staff.id,
      actorEmail: ownerEmail,
      before: { role: 'staff' },
      after: { role: 'admin' },
    });
  });

  it('keeps the last active owner', async () => {
    const [me] = await store.ctx.db.select().from(staffUsers).where(eq(staffUsers.email, ownerEmail));
    const res = await owner.submit('/admin/staff', {}, `/admin/staff/${me!.id}/deactivate`);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('This is the last active owner.');
  });

  it('deactivating someone signs them out and stops them signing in', async () => {
    const { staff, token } = await createTestStaff(store.ctx.db, 'staff');
    await owner.submit('/admin/staff', {}, `/admin/staff/${staff.id}/deactivate`);
    expect((await store.request('/api/admin/outbox', { headers: { authorization: `Bearer ${token}` } })).status).toBe(
      401,
    );
    const again = await createVisitor(store).submit('/admin/login', {
      email: staff.email,
      password: TEST_STAFF_PASSWORD,
    });
    expect(again.status).toBe(422);
  });

  it('continues an owner who changes their own role on a new session id, with the new role', async () => {
    // Another owner, so that this one is not the last; last in the file, as it changes who the owners are.
    await createTestStaff(store.ctx.db, 'owner');
    const { staff, token } = await createTestStaff(store.ctx.db, 'owner');
    const self = createVisitor(store);
    self.cookies.set('staff_sid', token);
    const res = await self.submit('/admin/staff', { role: 'admin' }, `/admin/staff/${staff.id}/role`);
    expect(res.headers.get('location')).toBe('/admin');
    expect(self.cookies.get('staff_sid')).not.toBe(token);
    expect((await store.request('/admin', { headers: { cookie: `staff_sid=${token}` } })).status).toBe(303);
    expect((await self.request('/admin/customers')).status).toBe(200);
    expect((await self.request('/admin/staff')).status).toBe(403);
  });
});
