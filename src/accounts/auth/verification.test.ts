import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_KINDS } from '#src/job-kinds.ts';
import { runDueJobs } from '#src/jobs/worker.ts';
import { createLogger } from '#src/lib/logger.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor } from '#test/support/visitor.ts';
import { customers } from '../schema.ts';
import { countMails, GOOD_PASSWORD, latestMail, signInAs, signUp, tokenOf, uniqueEmail } from '../test-helpers.ts';

let store: TestStore;

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
});
afterAll(async () => {
  await store?.close();
});

describe('an account whose email is not confirmed yet', () => {
  it('may sign in, is reminded to confirm, and can have the link sent again from the overview', async () => {
    const email = uniqueEmail('later');
    const visitor = createVisitor(store);
    await visitor.submit('/account/register', {
      email,
      password: GOOD_PASSWORD,
      name: 'Ines Duarte',
      accountType: 'client',
      acceptsTermsAndPrivacy: 'on',
    });
    await signInAs(visitor, email, GOOD_PASSWORD);
    const overview = await visitor.page('/account');
    expect(overview).toContain('Please confirm your email address');
    expect(overview).toContain('not confirmed');

    const resent = await visitor.submit('/account', { email }, '/account/verify-email/resend');
    expect(resent.status).toBe(200);
    expect(await countMails(store, email)).toBe(2);
  });
});

describe('a sign-up on a store without SMTP, outside production', () => {
  it('is confirmed from the link the log shows, with no staff account and no mailbox', async () => {
    const email = uniqueEmail('no-smtp');
    const visitor = createVisitor(store);
    await visitor.submit('/account/register', {
      email,
      password: GOOD_PASSWORD,
      name: 'Ines Duarte',
      accountType: 'client',
      acceptsTermsAndPrivacy: 'on',
    });
    // The worker delivers the mail a moment later; it writes to standard output, here to `lines`.
    const lines: string[] = [];
    const log = createLogger('info', { write: (line: string) => void lines.push(line) });
    await runDueJobs({ ...store.ctx, log }, JOB_KINDS);
    const entry = lines.map((line) => JSON.parse(line)).find((line) => line.to === email);
    const link = new URL(entry?.links?.[0] ?? '').pathname + new URL(entry?.links?.[0] ?? '').search;
    expect(link).toMatch(/^\/account\/verify-email\?token=/);

    const confirmed = await visitor.submit(link, { token: tokenOf(link) }, '/account/verify-email');
    expect(confirmed.status).toBe(303);
    await signInAs(visitor, email, GOOD_PASSWORD);
    expect(await visitor.page('/account')).not.toContain('Please confirm your email address');
  });
});

describe('changing the email address', () => {
  it('answers the same when the new address belongs to another account, and tells that account instead', async () => {
    const taken = await signUp(store);
    const { visitor, email, password } = await signUp(store);
    const res = await visitor.submit('/account/password', { email: taken.email, password }, '/account/email');
    expect(res.headers.get('location')).toBe('/account/password?done=email-sent');
    expect((await latestMail(store, taken.email, 'change-email'))?.text).toContain('nothing was changed');
    const [row] = await store.ctx.db.select().from(customers).where(eq(customers.email, email));
    expect(row).toBeDefined();
  });

  it('needs the current password', async () => {
    const { visitor, email } = await signUp(store);
    const newEmail = uniqueEmail('new');
    const res = await visitor.submit(
      '/account/password',
      { email: newEmail, password: 'not my password' },
      '/account/email',
    );
    expect(res.status).toBe(422);
    expect(await res.text()).toContain(`value="${newEmail}"`);
    expect(await latestMail(store, newEmail, 'change-email')).toBeUndefined();
    expect((await store.ctx.db.select().from(customers).where(eq(customers.email, email))).length).toBe(1);
  });
});

describe('addresses kept from older mails', () => {
  it('sends the old reset address to the forgotten-password form', async () => {
    const res = await store.request('/account/password-reset');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/account/forgot-password');
  });

  it('sends a signed-in customer away from the sign-in and registration forms', async () => {
    const { visitor } = await signUp(store);
    for (const path of ['/account/sign-in', '/account/register']) {
      const res = await visitor.request(path);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/account');
    }
  });
});
