import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor } from '#test/support/visitor.ts';
import { customerSessions, customers } from '../schema.ts';
import {
  countMails,
  GOOD_PASSWORD,
  latestMail,
  linkIn,
  signInAs,
  signUp,
  tokenOf,
  uniqueEmail,
} from '../test-helpers.ts';

let store: TestStore;

beforeAll(async () => {
  store = await createTestStore();
});
afterAll(async () => {
  await store?.close();
});

async function findCustomer(email: string) {
  const [row] = await store.ctx.db.select().from(customers).where(eq(customers.email, email));
  return row;
}

describe('registration', () => {
  it('creates an account, mails a confirmation link, and confirms the address from it', async () => {
    const email = uniqueEmail();
    const visitor = createVisitor(store);
    const res = await visitor.submit('/account/register', {
      email: `  ${email.toUpperCase()} `,
      password: GOOD_PASSWORD,
      name: 'Dana Reyes',
      accountType: 'client',
      acceptsTermsAndPrivacy: 'on',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/account/register/check-email');
    expect(await visitor.page('/account/register/check-email')).toContain('Check your email');

    const customer = await findCustomer(email);
    expect(customer).toMatchObject({ name: 'Dana Reyes', accountType: 'client', emailVerifiedAt: null });
    expect(customer!.passwordHash).toMatch(/^\$argon2id\$/);

    const mail = await latestMail(store, email, 'verify-email');
    expect(mail?.html).toContain('Confirm my email address');
    const link = linkIn(mail, store);
    expect(link).toMatch(/^\/account\/verify-email\?token=/);
    // Opening the link changes nothing by itself (mail scanners open links too); the button does.
    const page = await visitor.page(link);
    expect(page).toContain('Confirm my email address');
    expect((await findCustomer(email))!.emailVerifiedAt).toBeNull();

    const confirmed = await visitor.submit(link, { token: tokenOf(link) }, '/account/verify-email');
    expect(confirmed.headers.get('location')).toBe('/account/sign-in?done=verified');
    expect((await findCustomer(email))!.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await visitor.page('/account/sign-in?done=verified')).toContain('your email address is confirmed');

    // The link works once.
    const again = await visitor.request(link);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('already been used');
  });

  it('registers a business with its company name and phone, and asks for them when missing', async () => {
    const email = uniqueEmail('clinic');
    const visitor = createVisitor(store);
    // Required for a business, so never labelled optional.
    const form = await visitor.page('/account/register');
    expect(form).toMatch(/<label for="f-companyName">Company name<\/label>/);
    expect(form).toMatch(/<label for="f-phone">Business phone<\/label>/);
    const missing = await visitor.submit('/account/register', {
      email,
      password: GOOD_PASSWORD,
      name: 'Sam Ortiz',
      accountType: 'business',
      acceptsTermsAndPrivacy: 'on',
    });
    expect(missing.status).toBe(422);
    const html = await missing.text();
    expect(html).toContain('Enter the name of your business.');
    expect(html).toContain('Enter a phone number for your business.');
    expect(html).toContain(`value="${email}"`);
    expect(html).not.toContain(GOOD_PASSWORD);
    expect(await findCustomer(email)).toBeUndefined();

    const ok = await visitor.submit('/account/register', {
      email,
      password: GOOD_PASSWORD,
      name: 'Sam Ortiz',
      accountType: 'business',
      companyName: 'Ortiz Aesthetics',
      phone: '(415) 555-0199',
      acceptsTermsAndPrivacy: 'on',
    });
    expect(ok.status).toBe(303);
    expect(await findCustomer(email)).toMatchObject({
      accountType: 'business',
      companyName: 'Ortiz Aesthetics',
      phone: '(415) 555-0199',
    });
  });

  it('requires consent to the terms and the privacy notice, and records when it was given', async () => {
    const visitor = createVisitor(store);
    const form = await visitor.page('/account/register');
    expect(form).toContain('name="acceptsTermsAndPrivacy"');
    expect(form).toContain('href="/terms"');
    expect(form).toContain('href="/privacy"');

    const email = uniqueEmail('consent');
    const fields = { email, password: GOOD_PASSWORD, name: 'Mei Chen', accountType: 'client' };
    const refused = await visitor.submit('/account/register', fields);
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('Agree to the terms of sale and the privacy notice to create an account.');
    expect(html).toContain('aria-invalid="true" aria-describedby="f-acceptsTermsAndPrivacy-error"');
    expect(html).toContain(`value="${email}"`);
    expect(await findCustomer(email)).toBeUndefined();

    // A missing consent does not hide the form's other problems: all are shown at once.
    const business = await visitor.submit('/account/register', { ...fields, accountType: 'business' });
    const all = await business.text();
    expect(all).toContain('Agree to the terms of sale and the privacy notice to create an account.');
    expect(all).toContain('Enter the name of your business.');
    expect(all).toContain('Enter a phone number for your business.');

    const before = Date.now();
    const ok = await visitor.submit('/account/register', { ...fields, acceptsTermsAndPrivacy: 'on' });
    expect(ok.status).toBe(303);
    const acceptedAt = (await findCustomer(email))!.termsAcceptedAt;
    expect(acceptedAt).toBeInstanceOf(Date);
    expect(acceptedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(acceptedAt!.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('shows the business fields to a browser without script with a note, and ignores them for a client', async () => {
    const visitor = createVisitor(store);
    const form = await visitor.page('/account/register');
    // Visible in the HTML itself; the script hides them for a client account.
    expect(form).toMatch(/<fieldset class="business-fields" data-business-only>/);
    expect(form).toContain('Only for a business account; a client account leaves these empty.');
    expect(form).toMatch(/<script src="\/assets\/account-type\.js\?v=\w+" defer><\/script>/);

    const email = uniqueEmail('client');
    const res = await visitor.submit('/account/register', {
      email,
      password: GOOD_PASSWORD,
      name: 'Noah Brandt',
      accountType: 'client',
      companyName: 'Typed before choosing client',
      phone: 'not a phone',
      acceptsTermsAndPrivacy: 'on',
    });
    expect(res.status).toBe(303);
    expect(await findCustomer(email)).toMatchObject({ accountType: 'client', companyName: '', phone: '' });
  });

  it('refuses bad input with field messages, keeps what was typed except the password, and creates nothing', async () => {
    const customerCount = async () => (await store.ctx.db.select({ id: customers.id }).from(customers)).length;
    const before = await customerCount();
    const visitor = createVisitor(store);
    const cases: [Record<string, string>, string][] = [
      [{ email: 'not-an-email', password: GOOD_PASSWORD, name: 'A' }, 'Enter a valid email address'],
      [{ email: uniqueEmail(), password: 'short', name: 'A' }, 'Use at least 10 characters.'],
      [{ email: uniqueEmail(), password: 'password123', name: 'A' }, 'too common'],
      [{ email: uniqueEmail(), password: GOOD_PASSWORD, name: '' }, 'Enter your name.'],
      [{ email: uniqueEmail(), password: GOOD_PASSWORD, name: 'x'.repeat(5000) }, 'Use at most 100 characters.'],
      [{ email: `${'a'.repeat(300)}@example.com`, password: GOOD_PASSWORD, name: 'A' }, 'Use at most 254 characters.'],
      [
        { email: uniqueEmail(), password: GOOD_PASSWORD, name: 'A', accountType: 'admin' },
        'Choose a client or a business account.',
      ],
    ];
    for (const [fields, message] of cases) {
      const res = await visitor.submit('/account/register', fields);
      expect(res.status, message).toBe(422);
      const html = await res.text();
      expect(html).toContain(message);
      expect(html).not.toContain(`value="${fields.password}"`);
    }
    const unknownField = await visitor.submit('/account/register', {
      email: uniqueEmail(),
      password: GOOD_PASSWORD,
      name: 'A',
      isAdmin: 'on',
    });
    expect(unknownField.status).toBe(422);
    expect(await unknownField.text()).toContain('&quot;isAdmin&quot; is not a field accepted here.');
    expect(await customerCount()).toBe(before);
  });

  it('answers the same for an address that already has an account, and tells that mailbox instead', async () => {
    const { email } = await signUp(store);
    const before = await findCustomer(email);
    const visitor = createVisitor(store);
    const res = await visitor.submit('/account/register', {
      email,
      password: 'another long passphrase',
      name: 'Intruder',
      accountType: 'client',
      acceptsTermsAndPrivacy: 'on',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/account/register/check-email');
    expect(await findCustomer(email)).toEqual(before);
    expect((await latestMail(store, email, 'account-exists'))?.text).toContain('no new one was created');
  });
});

describe('sign-in and sign-out', () => {
  it('signs in with a new session id, sets a safe cookie, and signs out', async () => {
    const { email, password } = await signUp(store);
    const visitor = createVisitor(store);
    // A session id planted before sign-in (fixation) is replaced, not adopted.
    await visitor.page('/account/sign-in');
    visitor.cookies.set('sid', 'planted-by-someone-else');
    const res = await signInAs(visitor, email, password);
    expect(res.headers.get('location')).toBe('/account');
    const cookie = res.headers.getSetCookie().find((l) => l.startsWith('sid='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    expect(cookie).not.toMatch(/Max-Age/i);
    expect(visitor.cookies.get('sid')).not.toBe('planted-by-someone-else');

    const account = await visitor.page('/account');
    expect(account).toContain('Your account');
    expect(account).toContain(email);

    const out = await visitor.submit('/account', {}, '/account/sign-out');
    expect(out.status).toBe(303);
    expect(visitor.cookies.has('sid')).toBe(false);
    const after = await visitor.request('/account');
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toBe('/account/sign-in?next=%2Faccount');
  });

  it('keeps a remembered session for thirty days', async () => {
    const { email, password } = await signUp(store);
    const visitor = createVisitor(store);
    const res = await signInAs(visitor, email, password, { remember: 'on' });
    const cookie = res.headers.getSetCookie().find((l) => l.startsWith('sid='))!;
    expect(cookie).toMatch(/Max-Age=2592000/);
    const customer = await findCustomer(email);
    const [session] = await store.ctx.db
      .select()
      .from(customerSessions)
      .where(eq(customerSessions.customerId, customer!.id))
      .orderBy(customerSessions.createdAt);
    expect(session).toBeDefined();
  });

  it('goes back to a local `next` after sign-in, and never to another site', async () => {
    const { email, password } = await signUp(store);
    for (const [next, expected] of [
      ['/account/addresses', '/account/addresses'],
      ['//evil.example/steal', '/account'],
      ['https://evil.example/', '/account'],
      ['/\\evil.example', '/account'],
    ]) {
      const visitor = createVisitor(store);
      const res = await visitor.submit(
        `/account/sign-in?next=${encodeURIComponent(next!)}`,
        { email, password, next: next! },
        '/account/sign-in',
      );
      expect(res.headers.get('location'), next).toBe(expected);
    }
  });

  it('gives one message for a wrong password and an unknown email, keeping the email typed', async () => {
    const { email } = await signUp(store);
    const visitor = createVisitor(store);
    const wrong = await visitor.submit('/account/sign-in', { email, password: 'not the right one' });
    const unknown = await visitor.submit('/account/sign-in', {
      email: uniqueEmail('nobody'),
      password: 'not the right one',
    });
    expect(wrong.status).toBe(422);
    expect(unknown.status).toBe(422);
    const [a, b] = [await wrong.text(), await unknown.text()];
    expect(a).toContain('Email or password is incorrect.');
    expect(b).toContain('Email or password is incorrect.');
    expect(a).toContain(`value="${email}"`);
    expect(a).not.toContain('not the right one');
  });

  it('sends the confirmation again on request, with the same answer for unknown addresses', async () => {
    const email = uniqueEmail();
    const visitor = createVisitor(store);
    await visitor.submit('/account/register', {
      email,
      password: GOOD_PASSWORD,
      name: 'Lee Park',
      accountType: 'client',
      acceptsTermsAndPrivacy: 'on',
    });
    const first = linkIn(await latestMail(store, email, 'verify-email'), store);
    const known = await visitor.submit('/account/verify-email/resend', { email });
    const unknown = await visitor.submit('/account/verify-email/resend', { email: uniqueEmail('nobody') });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    const [k, u] = [await known.text(), await unknown.text()];
    expect(k).toContain('If an account with this address is waiting for confirmation');
    expect(u).toContain('If an account with this address is waiting for confirmation');
    expect(await countMails(store, email)).toBe(2);
    // The older link stopped working when the new one was sent.
    expect((await visitor.request(first)).status).toBe(400);
  });
});

describe('the header', () => {
  it('shows sign-in links to visitors and "Your account" to a signed-in customer, without mixing cached pages', async () => {
    const anonymous = await store.request('/');
    const visitorHtml = await anonymous.text();
    expect(visitorHtml).toContain('href="/account/sign-in"');
    expect(visitorHtml).toContain('Create account');
    expect(visitorHtml).not.toContain('Your account');

    const { visitor } = await signUp(store);
    const signedIn = await visitor.page('/');
    expect(signedIn).toContain('Your account');
    expect(signedIn).not.toContain('Create account');

    const later = await (await store.request('/')).text();
    expect(later).toContain('Create account');
    expect(later).not.toContain('Your account');
  });
});
