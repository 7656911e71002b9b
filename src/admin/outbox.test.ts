import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestMail, uniqueEmail } from '#src/accounts/test-helpers.ts';
import { createTestCustomer, createTestStaff } from '#src/licences/test-factory.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor } from '#test/support/visitor.ts';

// Without SMTP staff read mail here to pass it on; with SMTP the customer has it, and a live reset link read
// here would let any staff member take over the account.
async function resetMailAsStaffSeesIt(store: TestStore) {
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
  const { token: staffToken } = await createTestStaff(store.ctx.db, 'staff');
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

  it('hides the link token from staff when the mail goes out by SMTP', async () => {
    const { page, token } = await resetMailAsStaffSeesIt(withSmtp);
    expect(page).toContain('/account/password-reset/confirm?token=[removed]');
    expect(page).toContain('Link tokens are hidden');
    expect(page).not.toContain(token);
  });

  it('shows the whole link when the outbox is the only way the mail reaches anyone', async () => {
    const { page, token } = await resetMailAsStaffSeesIt(withoutSmtp);
    expect(page).toContain(`/account/password-reset/confirm?token=${token}`);
    expect(page).not.toContain('Link tokens are hidden');
  });
});
