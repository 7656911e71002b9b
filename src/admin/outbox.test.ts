import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestMail, uniqueEmail } from '#src/accounts/test-helpers.ts';
import { createTestCustomer, createTestStaff } from '#src/licences/test-factory.ts';
import type { StaffRole } from '#src/staff/schema.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor } from '#test/support/visitor.ts';

// Without SMTP owners read mail here to pass it on; with SMTP the customer has it. A live reset link read here
// lets its reader take over the account, so nobody but an owner, and only without SMTP, sees one.
async function resetMailAsStaffSeesIt(store: TestStore, role: StaffRole = 'owner') {
  const email = uniqueEmail('outbox');
  await createTestCustomer(store.ctx.db, { email });
  const asked = await store.request('/api/store/account/password-reset', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  expect(asked.status).toBe(202);
  const mail = (await latestMail(store, email, 'password-reset'))!;
  const token = /token=([\w-]+)/.exec(mail.text)![1]!;
  const { token: staffToken } = await createTestStaff(store.ctx.db, role);
  const staff = createVisitor(store);
  staff.cookies.set('staff_sid', staffToken);
  return { page: await staff.page(`/admin/outbox/${mail.id}`), token };
}

describe('a password reset mail in the admin outbox', () => {
  let withSmtp: TestStore;
  let withoutSmtp: TestStore;
  beforeAll(async () => {
    withSmtp = await createTestStore({ template: 'empty', env: { SMTP_URL: 'smtp://127.0.0.1:2525' } });
    withoutSmtp = await createTestStore({ template: 'empty' });
  });
  afterAll(async () => {
    await withSmtp?.close();
    await withoutSmtp?.close();
  });

  it('hides the link token from every role when the mail goes out by SMTP, owners included', async () => {
    for (const role of ['owner', 'admin', 'staff'] as const) {
      const { page, token } = await resetMailAsStaffSeesIt(withSmtp, role);
      expect(page, role).toContain('/account/password-reset/confirm?token=[removed]');
      expect(page, role).toContain('the mail went out by SMTP');
      expect(page, role).not.toContain(token);
    }
  });

  it('shows an owner the whole link when the outbox is the only way the mail reaches anyone', async () => {
    const { page, token } = await resetMailAsStaffSeesIt(withoutSmtp, 'owner');
    expect(page).toContain(`/account/password-reset/confirm?token=${token}`);
    expect(page).not.toContain('Link tokens are hidden');
  });

  it.each(['admin', 'staff'] as const)('hides the link token from %s even without SMTP', async (role) => {
    const { page, token } = await resetMailAsStaffSeesIt(withoutSmtp, role);
    expect(page).toContain('/account/password-reset/confirm?token=[removed]');
    expect(page).toContain('only an owner can read them here');
    expect(page).not.toContain(token);
  });
});
