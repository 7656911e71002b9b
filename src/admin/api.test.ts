import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { licences } from '#src/licences/schema.ts';
import {
  createTestCustomer,
  createTestCustomerSession,
  createTestLicence,
  createTestStaff,
  TEST_STAFF_PASSWORD,
} from '#src/licences/test-factory.ts';
import { outbox } from '#src/mail/schema.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';

let store: TestStore;
let staffEmail: string;
let customerToken: string;
let customerEmail: string;
let licenceId: string;

const json = (body: unknown, token?: string) => ({
  method: 'POST',
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
});
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

async function signIn(email: string, password = TEST_STAFF_PASSWORD): Promise<Response> {
  return store.request('/api/admin/session', json({ email, password }));
}

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  staffEmail = (await createTestStaff(store.ctx.db, 'staff')).staff.email;
  const person = await createTestCustomer(store.ctx.db);
  customerEmail = person.email;
  customerToken = await createTestCustomerSession(store.ctx.db, person.id);
  licenceId = (await createTestLicence(store.ctx.db, person.id, { type: 'MD' })).id;
});

afterAll(async () => {
  await store?.close();
});

describe('the admin API', () => {
  it('signs staff in with a bearer token and out again', async () => {
    const res = await signIn(staffEmail);
    expect(res.status).toBe(201);
    const session = (await res.json()) as { token: string; staff: { role: string } };
    expect(session.staff.role).toBe('staff');
    expect((await store.request('/api/admin/licences', bearer(session.token))).status).toBe(200);
    const out = await store.request('/api/admin/session', { method: 'DELETE', ...bearer(session.token) });
    expect(out.status).toBe(204);
    expect((await store.request('/api/admin/licences', bearer(session.token))).status).toBe(401);
  });

  it('refuses a wrong password with 401 and, after a few tries, 429 with Retry-After', async () => {
    const { staff } = await createTestStaff(store.ctx.db, 'staff');
    const wrong = await signIn(staff.email, 'not-the-password-at-all');
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('content-type')).toBe('application/problem+json');
    let last = wrong;
    for (let i = 0; i < 5; i++) last = await signIn(staff.email, 'still-not-the-password');
    expect(last.status).toBe(429);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await signIn(staff.email)).status).toBe(429);
  });

  it('refuses unknown fields in the sign-in body', async () => {
    const res = await store.request('/api/admin/session', json({ email: staffEmail, password: 'x', role: 'owner' }));
    expect(res.status).toBe(400);
  });

  it('never accepts a customer token, and a staff token is no customer session', async () => {
    const asAdmin = await store.request('/api/admin/licences', bearer(customerToken));
    expect(asAdmin.status).toBe(401);
    expect(asAdmin.headers.get('www-authenticate')).toContain('Bearer');
    const { token } = await createTestStaff(store.ctx.db, 'owner');
    const asCustomer = await store.request('/api/store/account/licences', bearer(token));
    expect(asCustomer.status).toBe(401);
  });

  it('lists the queue and one licence with its customer and document address', async () => {
    const { token } = await createTestStaff(store.ctx.db, 'staff');
    const list = await store.request('/api/admin/licences?status=pending', bearer(token));
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toBe('no-store');
    const body = (await list.json()) as { items: { id: string; customer: { email: string } }[]; total: number };
    expect(body.total).toBe(1);
    expect(body.items[0]!.customer.email).toBe(customerEmail);
    const one = await store.request(`/api/admin/licences/${licenceId}`, bearer(token));
    expect(await one.json()).toMatchObject({ id: licenceId, status: 'pending' });
    expect((await store.request('/api/admin/licences/nope', bearer(token))).status).toBe(404);
    expect((await store.request('/api/admin/licences?status=lost', bearer(token))).status).toBe(400);
  });

  it('rejects needing a reason, approves, suspends, and emails each outcome', async () => {
    const { token } = await createTestStaff(store.ctx.db, 'staff');
    const noReason = await store.request(`/api/admin/licences/${licenceId}/reject`, json({}, token));
    expect(noReason.status).toBe(400);
    expect(((await noReason.json()) as { errors: unknown[] }).errors).toEqual([
      { field: 'reason', message: 'Give the reason the customer will read.' },
    ]);
    const badStatus = await store.request('/api/admin/licences?status=lost', bearer(token));
    expect(((await badStatus.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe(
      'Choose one of the statuses: pending, approved, rejected, suspended, expired.',
    );
    const short = await store.request(`/api/admin/licences/${licenceId}/reject`, json({ reason: 'x' }, token));
    expect(short.status).toBe(422);
    const approve = await store.request(`/api/admin/licences/${licenceId}/approve`, {
      method: 'POST',
      ...bearer(token),
    });
    expect(approve.status).toBe(200);
    expect(await approve.json()).toMatchObject({ status: 'approved' });
    const twice = await store.request(`/api/admin/licences/${licenceId}/approve`, { method: 'POST', ...bearer(token) });
    expect(twice.status).toBe(409);
    const suspend = await store.request(
      `/api/admin/licences/${licenceId}/suspend`,
      json({ reason: 'Board lists it as lapsed.' }, token),
    );
    expect(await suspend.json()).toMatchObject({ status: 'suspended', reason: 'Board lists it as lapsed.' });
    const mails = await store.ctx.db
      .select()
      .from(outbox)
      .where(eq(outbox.to, customerEmail))
      .orderBy(outbox.createdAt);
    expect(mails.map((m) => m.kind)).toEqual(['licence-approved', 'licence-suspended']);
    const outboxList = await store.request('/api/admin/outbox', bearer(token));
    expect(((await outboxList.json()) as { total: number }).total).toBe(2);
  });

  it('answers 401 to a decision sent without a staff token, changing nothing', async () => {
    const [before] = await store.ctx.db.select().from(licences).where(eq(licences.id, licenceId));
    const res = await store.request(`/api/admin/licences/${licenceId}/approve`, { method: 'POST' });
    expect(res.status).toBe(401);
    const [after] = await store.ctx.db.select().from(licences).where(eq(licences.id, licenceId));
    expect(after!.status).toBe(before!.status);
  });

  it('describes its routes in the OpenAPI document', async () => {
    const doc = (await (await store.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(doc.paths['/api/store/account/licences'] ?? {}).sort()).toEqual(['get', 'post']);
    for (const path of [
      '/api/admin/session',
      '/api/admin/licences',
      '/api/admin/licences/{id}/approve',
      '/api/admin/outbox',
      '/api/store/account/licences',
      '/api/store/account/entitlements/{productSlug}',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });
});
