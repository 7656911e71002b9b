import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { licences } from '#src/licences/schema.ts';
import { createTestLicence } from '#src/licences/test-factory.ts';
import { outbox } from '#src/mail/schema.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor, type Visitor } from '#test/support/visitor.ts';
import { addresses, customerSessions, customers, customerTokens } from './schema.ts';
import {
  GOOD_PASSWORD,
  latestMail,
  linkIn,
  SAMPLE_ADDRESS,
  signInAs,
  signUp,
  tokenOf,
  uniqueEmail,
} from './test-helpers.ts';

let store: TestStore;

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
});
afterAll(async () => {
  await store?.close();
});

async function customerByEmail(email: string) {
  const [row] = await store.ctx.db.select().from(customers).where(eq(customers.email, email));
  return row!;
}

describe('account pages', () => {
  it('sends visitors to sign in first, and back afterwards', async () => {
    for (const path of [
      '/account',
      '/account/profile',
      '/account/addresses',
      '/account/password',
      '/account/privacy',
    ]) {
      const res = await store.request(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location')).toBe(`/account/sign-in?next=${encodeURIComponent(path)}`);
    }
    const { email, password } = await signUp(store);
    const visitor = createVisitor(store);
    const res = await visitor.submit(
      '/account/sign-in?next=%2Faccount%2Fprivacy',
      { email, password, next: '/account/privacy' },
      '/account/sign-in',
    );
    expect(res.headers.get('location')).toBe('/account/privacy');
  });

  it('shows the overview without caching it', async () => {
    const { visitor, email } = await signUp(store, { name: 'Rosa Diaz' });
    const res = await visitor.request('/account');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('Rosa Diaz');
    expect(html).toContain(email);
    expect(html).toContain('href="/account/licences"');
  });

  it('edits the profile, refusing a business without a company name and keeping what was typed', async () => {
    const { visitor, email } = await signUp(store);
    const refused = await visitor.submit('/account/profile', {
      name: 'Rosa Diaz',
      accountType: 'business',
      companyName: '',
      phone: '(305) 555-0134',
    });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('Enter the name of your business.');
    expect(html).toContain('value="(305) 555-0134"');
    expect((await customerByEmail(email)).accountType).toBe('client');

    const saved = await visitor.submit('/account/profile', {
      name: 'Rosa Diaz',
      accountType: 'business',
      companyName: 'Diaz Med Spa',
      phone: '(305) 555-0134',
    });
    expect(saved.headers.get('location')).toBe('/account/profile?done=saved');
    expect(await customerByEmail(email)).toMatchObject({
      name: 'Rosa Diaz',
      accountType: 'business',
      companyName: 'Diaz Med Spa',
    });
    expect(await visitor.page('/account/profile?done=saved')).toContain('Your profile is saved.');

    const tooLong = await visitor.submit('/account/profile', {
      name: 'R'.repeat(101),
      accountType: 'business',
      companyName: 'Diaz Med Spa',
      phone: '(305) 555-0134',
    });
    expect(tooLong.status).toBe(422);
    expect((await customerByEmail(email)).name).toBe('Rosa Diaz');
  });

  it('changes the password with the current one, with a new session id and other devices signed out', async () => {
    const { visitor, email, password } = await signUp(store);
    const phone = createVisitor(store);
    await signInAs(phone, email, password);
    const before = visitor.cookies.get('sid');

    const wrong = await visitor.submit('/account/password', {
      currentPassword: 'not my password',
      newPassword: 'saffron tunnel piano',
    });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('This is not your current password.');

    const done = await visitor.submit('/account/password', {
      currentPassword: password,
      newPassword: 'saffron tunnel piano',
    });
    expect(done.headers.get('location')).toBe('/account/password?done=password');
    expect(visitor.cookies.get('sid')).not.toBe(before);
    expect((await visitor.request('/account')).status).toBe(200);
    expect((await phone.request('/account')).status).toBe(303);
    const customer = await customerByEmail(email);
    expect(
      await store.ctx.db.select().from(customerSessions).where(eq(customerSessions.customerId, customer.id)),
    ).toHaveLength(1);
  });

  it('changes the email address through a link to the new one', async () => {
    const { visitor, email, password } = await signUp(store);
    const newEmail = uniqueEmail('new');
    const taken = await visitor.submit('/account/password', { email: 'not-an-address', password }, '/account/email');
    expect(taken.status).toBe(422);
    expect(await taken.text()).toContain('value="not-an-address"');

    const asked = await visitor.submit('/account/password', { email: newEmail, password }, '/account/email');
    expect(asked.headers.get('location')).toBe('/account/password?done=email-sent');
    expect((await customerByEmail(email)).email).toBe(email);

    const link = linkIn(await latestMail(store, newEmail, 'change-email'), store);
    expect(link).toMatch(/^\/account\/email\/confirm\?token=/);
    const confirmed = await visitor.submit(link, { token: tokenOf(link) }, '/account/email/confirm');
    expect(confirmed.headers.get('location')).toBe('/account?done=email-changed');
    expect(await customerByEmail(newEmail)).toBeDefined();
    expect((await latestMail(store, email, 'change-email'))?.text).toContain(newEmail);
  });
});

describe('password reset pages', () => {
  it('resets the password from the mailed link once, and refuses it afterwards', async () => {
    const { email, visitor: signedIn } = await signUp(store);
    const visitor = createVisitor(store);
    const sent = await visitor.submit('/account/forgot-password', { email });
    expect(sent.status).toBe(200);
    const unknown = await visitor.submit('/account/forgot-password', { email: uniqueEmail('nobody') });
    const strip = (html: string) => html.replace(/name="_csrf" value="[^"]+"/g, '');
    expect(strip(await unknown.text())).toBe(strip(await sent.text()));

    const link = linkIn(await latestMail(store, email, 'password-reset'), store);
    expect(link).toMatch(/^\/account\/password-reset\/confirm\?token=/);
    const weak = await visitor.submit(
      link,
      { token: tokenOf(link), password: 'password1' },
      '/account/password-reset/confirm',
    );
    expect(weak.status).toBe(422);
    expect(await weak.text()).toContain('Use at least 10 characters.');

    const done = await visitor.submit(
      link,
      { token: tokenOf(link), password: 'juniper castle rowboat' },
      '/account/password-reset/confirm',
    );
    expect(done.headers.get('location')).toBe('/account/sign-in?done=password-reset');
    expect((await signedIn.request('/account')).status).toBe(303);
    await signInAs(visitor, email, 'juniper castle rowboat');

    const reused = await visitor.request(link);
    expect(reused.status).toBe(400);
    expect(await reused.text()).toContain('already been used');
  });

  it('refuses an expired or made-up link with a way to ask for a new one', async () => {
    const { email } = await signUp(store);
    const visitor = createVisitor(store);
    await visitor.submit('/account/forgot-password', { email });
    const link = linkIn(await latestMail(store, email, 'password-reset'), store);
    await store.ctx.db
      .update(customerTokens)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(customerTokens.purpose, 'reset-password'));
    const expired = await visitor.request(link);
    expect(expired.status).toBe(400);
    const html = await expired.text();
    expect(html).toContain('This link has expired.');
    expect(html).toContain('href="/account/forgot-password"');
    expect((await visitor.request('/account/password-reset/confirm?token=abc')).status).toBe(400);
    expect((await visitor.request('/account/password-reset/confirm?token=made-up-but-long-enough-token')).status).toBe(
      400,
    );
    expect((await visitor.request('/account/password-reset/confirm')).status).toBe(400);
  });
});

describe('address book pages', () => {
  it('adds, edits, makes default and deletes addresses', async () => {
    const { visitor, email } = await signUp(store);
    const owner = await customerByEmail(email);
    expect(await visitor.page('/account/addresses')).toContain('Your address book is empty.');

    const bad = await visitor.submit(
      '/account/addresses/new',
      { ...SAMPLE_ADDRESS, postalCode: '123' },
      '/account/addresses',
    );
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('Enter a ZIP code of 5 digits');
    expect(badHtml).toContain('value="200 Mission Street"');

    const added = await visitor.submit('/account/addresses/new', SAMPLE_ADDRESS, '/account/addresses');
    expect(added.headers.get('location')).toBe('/account/addresses?done=added');
    await visitor.submit(
      '/account/addresses/new',
      {
        ...SAMPLE_ADDRESS,
        name: 'Clinic Reception',
        line1: '9 Ocean Drive',
        postalCode: '33139',
        city: 'Miami',
        state: 'FL',
      },
      '/account/addresses',
    );
    const rows = await store.ctx.db
      .select()
      .from(addresses)
      .where(eq(addresses.customerId, owner.id))
      .orderBy(addresses.createdAt);
    expect(rows.map((r) => [r.name, r.isDefaultShipping, r.isDefaultBilling])).toEqual([
      ['Dana Reyes', true, true],
      ['Clinic Reception', false, false],
    ]);
    const [first, second] = rows;

    const list = await visitor.page('/account/addresses');
    expect(list).toContain('9 Ocean Drive');
    expect(list).toContain('Default shipping');

    await visitor.submit('/account/addresses', { kind: 'billing' }, `/account/addresses/${second!.id}/default`);
    const edit = await visitor.page(`/account/addresses/${second!.id}/edit`);
    expect(edit).toContain('value="9 Ocean Drive"');
    expect(edit).toContain('This is your default billing address.');
    const saved = await visitor.submit(
      `/account/addresses/${second!.id}/edit`,
      {
        ...SAMPLE_ADDRESS,
        name: 'Front Desk',
        line1: '9 Ocean Drive',
        city: 'Miami',
        state: 'FL',
        postalCode: '33139',
      },
      `/account/addresses/${second!.id}`,
    );
    expect(saved.headers.get('location')).toBe('/account/addresses?done=saved');

    const after = await store.ctx.db
      .select()
      .from(addresses)
      .where(eq(addresses.customerId, owner.id))
      .orderBy(addresses.createdAt);
    expect(after.map((r) => [r.name, r.isDefaultShipping, r.isDefaultBilling])).toEqual([
      ['Dana Reyes', true, false],
      ['Front Desk', false, true],
    ]);

    await visitor.submit('/account/addresses', {}, `/account/addresses/${first!.id}/delete`);
    const left = await store.ctx.db.select().from(addresses).where(eq(addresses.customerId, owner.id));
    expect(left.map((r) => [r.name, r.isDefaultShipping, r.isDefaultBilling])).toEqual([['Front Desk', true, true]]);
  });

  it("answers 404 for another customer's address and changes nothing", async () => {
    const owner = await signUp(store);
    const other = await signUp(store);
    await owner.visitor.submit('/account/addresses/new', SAMPLE_ADDRESS, '/account/addresses');
    const ownerRow = await customerByEmail(owner.email);
    const [address] = await store.ctx.db.select().from(addresses).where(eq(addresses.customerId, ownerRow.id));
    expect((await other.visitor.request(`/account/addresses/${address!.id}/edit`)).status).toBe(404);
    const edit = await other.visitor.submit(
      '/account/addresses',
      { ...SAMPLE_ADDRESS, name: 'Taken over' },
      `/account/addresses/${address!.id}`,
    );
    expect(edit.status).toBe(404);
    const del = await other.visitor.submit('/account/addresses', {}, `/account/addresses/${address!.id}/delete`);
    expect(del.status).toBe(404);
    const def = await other.visitor.submit(
      '/account/addresses',
      { kind: 'billing' },
      `/account/addresses/${address!.id}/default`,
    );
    expect(def.status).toBe(404);
    const [unchanged] = await store.ctx.db.select().from(addresses).where(eq(addresses.id, address!.id));
    expect(unchanged).toEqual(address);
  });
});

describe('privacy', () => {
  it('downloads everything held about the customer as a JSON attachment, without secrets', async () => {
    const { visitor, email } = await signUp(store, { name: 'Mia Chen' });
    await visitor.submit('/account/addresses/new', SAMPLE_ADDRESS, '/account/addresses');
    const res = await visitor.submit('/account/privacy', {}, '/account/privacy/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="my-data-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(res.headers.get('content-type')).toContain('application/json');
    const text = await res.text();
    const data = JSON.parse(text);
    expect(data.profile).toMatchObject({ email, name: 'Mia Chen' });
    expect(data.addresses[0]).toMatchObject({ line1: SAMPLE_ADDRESS.line1 });
    expect(data.licences).toEqual([]);
    expect(data.mails.map((m: { kind: string }) => m.kind)).toContain('verify-email');
    expect(text).not.toMatch(/argon2|passwordHash|tokenHash/);
    expect(text).not.toMatch(/token=[\w-]{20,}/);
  });

  it('tells when each session was last used', async () => {
    const { visitor, email } = await signUp(store);
    const { id } = await customerByEmail(email);
    const anHourAgo = new Date(Date.now() - 60 * 60 * 1000);
    await store.ctx.db
      .update(customerSessions)
      .set({ createdAt: anHourAgo, lastSeenAt: anHourAgo })
      .where(eq(customerSessions.customerId, id));
    // An hour later this instance would long have checked the session against the database again.
    await store.ctx.cache.announce(store.ctx.db, { sessionsOf: 'customer', ownerId: id });
    expect((await visitor.request('/account')).status).toBe(200);
    const res = await visitor.submit('/account/privacy', {}, '/account/privacy/export');
    const { sessions } = (await res.json()) as { sessions: { createdAt: string; lastSeenAt: string }[] };
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.createdAt).toBe(anHourAgo.toISOString());
    expect(Date.now() - Date.parse(sessions[0]!.lastSeenAt)).toBeLessThan(60_000);
  });

  it('lists the mails sent to an earlier address too, and never those of an earlier holder of the address', async () => {
    const exportOf = async (visitor: Visitor) =>
      JSON.parse(await (await visitor.submit('/account/privacy', {}, '/account/privacy/export')).text()) as {
        mails: { to: string; kind: string; text: string }[];
        pendingEmailChanges: unknown[];
      };
    // A first customer uses the address, then deletes the account, which frees it.
    const first = await signUp(store, { name: 'Ines Ferreira' });
    await first.visitor.submit('/account/privacy', { password: first.password }, '/account/privacy/delete');

    const { visitor, email, password } = await signUp(store, { email: first.email, name: 'Tomas Berg' });
    const newEmail = uniqueEmail('moved');
    await visitor.submit('/account/password', { email: newEmail, password }, '/account/email');
    const asked = JSON.parse(await (await visitor.submit('/account/privacy', {}, '/account/privacy/export')).text());
    expect(asked.pendingEmailChanges).toEqual([{ newEmail, requestedAt: expect.any(String) }]);
    const link = linkIn(await latestMail(store, newEmail, 'change-email'), store);
    await visitor.submit(link, { token: tokenOf(link) }, '/account/email/confirm');

    const { mails, pendingEmailChanges } = await exportOf(visitor);
    expect(pendingEmailChanges).toEqual([]);
    expect(mails.map((m) => [m.to, m.kind])).toEqual([
      [email, 'verify-email'],
      [newEmail, 'change-email'],
      [email, 'change-email'],
    ]);
    expect(JSON.stringify(mails)).not.toContain('Ines Ferreira');
  });

  it('deletes the account with the password: personal data anonymised, sessions ended, email free again', async () => {
    const { visitor, email, password } = await signUp(store, { name: 'Omar Haddad' });
    await visitor.submit('/account/addresses/new', SAMPLE_ADDRESS, '/account/addresses');
    const id = (await customerByEmail(email)).id;
    const waiting = await createTestLicence(store.ctx.db, id, { status: 'pending' });
    const verified = await createTestLicence(store.ctx.db, id, { status: 'approved' });
    const phone = createVisitor(store);
    await signInAs(phone, email, password);

    expect(await visitor.page('/account/privacy')).toContain('a licence still waiting for review is withdrawn');
    const wrong = await visitor.submit('/account/privacy', { password: 'not my password' }, '/account/privacy/delete');
    expect(wrong.status).toBe(422);
    expect((await customerByEmail(email)).deletedAt).toBeNull();

    const done = await visitor.submit('/account/privacy', { password }, '/account/privacy/delete');
    expect(done.headers.get('location')).toBe('/account/sign-in?done=deleted');
    const [row] = await store.ctx.db.select().from(customers).where(eq(customers.id, id));
    expect(row).toMatchObject({ name: 'Deleted customer', phone: '', companyName: '', passwordHash: null });
    expect(row!.email).not.toContain(email);
    expect(row!.deletedAt).toBeInstanceOf(Date);
    expect(await store.ctx.db.select().from(addresses).where(eq(addresses.customerId, id))).toEqual([]);
    expect(await store.ctx.db.select().from(customerSessions).where(eq(customerSessions.customerId, id))).toEqual([]);
    expect((await phone.request('/account')).status).toBe(303);
    // Kept as records without the holder's name; the one nobody reviewed yet leaves the staff queue.
    const kept = await store.ctx.db.select().from(licences).where(eq(licences.customerId, id));
    expect(kept.find((l) => l.id === waiting.id)).toMatchObject({ status: 'rejected', holderName: 'Deleted customer' });
    expect(kept.find((l) => l.id === waiting.id)!.rejectionReason).toContain('deleted the account');
    expect(kept.find((l) => l.id === verified.id)).toMatchObject({
      status: 'approved',
      holderName: 'Deleted customer',
    });
    expect((await latestMail(store, email, 'account-deleted'))?.text).toContain('has been deleted');
    // The mails written to the account before are erased from the outbox: only the goodbye is left there.
    const leftAtAddress = await store.ctx.db.select().from(outbox).where(eq(outbox.to, email));
    expect(leftAtAddress.map((m) => m.kind)).toEqual(['account-deleted']);
    const named = (await store.ctx.db.select().from(outbox)).filter((m) => m.text.includes('Omar Haddad'));
    expect(named.map((m) => m.kind)).toEqual(['account-deleted']);

    const again = await signUp(store, { email, password: GOOD_PASSWORD });
    expect((await again.visitor.request('/account')).status).toBe(200);
  });
});
