import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor } from '#test/support/visitor.ts';
import { customers, customerTokens } from './schema.ts';
import { GOOD_PASSWORD, latestMail, linkIn, SAMPLE_ADDRESS, tokenOf, uniqueEmail } from './test-helpers.ts';

let store: TestStore;

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
});
afterAll(async () => {
  await store?.close();
});

/** A JSON call as an API client makes it: no cookies, a bearer token when given. */
async function call(method: string, path: string, o: { body?: unknown; token?: string } = {}) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  const res = await store.request(`/api/store${path}`, {
    method,
    headers,
    body: o.body === undefined ? undefined : JSON.stringify(o.body),
  });
  const text = await res.text();
  return { res, status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** Registers, confirms and signs in over the API; returns the bearer token. */
async function apiCustomer(o: Record<string, unknown> = {}) {
  const email = typeof o.email === 'string' ? o.email : uniqueEmail('api');
  const reg = await call('POST', '/account', {
    body: {
      email,
      password: GOOD_PASSWORD,
      name: 'Ana Lima',
      accountType: 'client',
      acceptsTermsAndPrivacy: true,
      ...o,
    },
  });
  expect(reg.status).toBe(202);
  const token = tokenOf(linkIn(await latestMail(store, email, 'verify-email'), store));
  expect((await call('POST', '/account/verify-email', { body: { token } })).status).toBe(204);
  const session = await call('POST', '/session', { body: { email, password: GOOD_PASSWORD } });
  expect(session.status).toBe(200);
  return { email, token: session.body.token as string, id: session.body.customer.id as string };
}

describe('registration and sessions', () => {
  it('registers, signs in with a bearer token and a cookie, reads the account and signs out', async () => {
    const email = uniqueEmail('api');
    const reg = await call('POST', '/account', {
      body: {
        email,
        password: GOOD_PASSWORD,
        name: 'Ana Lima',
        accountType: 'business',
        companyName: 'Lima Skin Clinic',
        phone: '(212) 555-0142',
        acceptsTermsAndPrivacy: true,
      },
    });
    expect(reg.status).toBe(202);
    expect(reg.body.message).toContain('Check your email');

    const session = await call('POST', '/session', { body: { email, password: GOOD_PASSWORD } });
    expect(session.status).toBe(200);
    expect(session.body.token).toMatch(/^[\w-]{40,}$/);
    expect(session.body.customer).toMatchObject({
      email,
      accountType: 'business',
      companyName: 'Lima Skin Clinic',
      emailVerified: false,
    });
    expect(session.body.customer).not.toHaveProperty('passwordHash');
    expect(session.res.headers.getSetCookie().some((l) => l.startsWith('sid=') && /HttpOnly/i.test(l))).toBe(true);

    const me = await call('GET', '/account', { token: session.body.token });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(email);
    expect(me.res.headers.get('cache-control')).toBe('no-store');

    expect((await call('DELETE', '/session', { token: session.body.token })).status).toBe(204);
    const after = await call('GET', '/account', { token: session.body.token });
    expect(after.status).toBe(401);
    expect(after.res.headers.get('content-type')).toBe('application/problem+json');
  });

  it('requires acceptsTermsAndPrivacy to be true, records when, and shows it on the account', async () => {
    const email = uniqueEmail('consent');
    const body = { email, password: GOOD_PASSWORD, name: 'Ola Nowak', accountType: 'client' };
    for (const consent of [{}, { acceptsTermsAndPrivacy: false }, { acceptsTermsAndPrivacy: 'yes' }]) {
      const refused = await call('POST', '/account', { body: { ...body, ...consent } });
      expect(refused.status, JSON.stringify(consent)).toBe(400);
      expect(refused.body.errors).toContainEqual({
        field: 'acceptsTermsAndPrivacy',
        message: 'Agree to the terms of sale and the privacy notice to create an account.',
      });
    }
    expect(await store.ctx.db.select().from(customers).where(eq(customers.email, email))).toEqual([]);

    const { token } = await apiCustomer({ email });
    const [row] = await store.ctx.db.select().from(customers).where(eq(customers.email, email));
    expect(row!.termsAcceptedAt).toBeInstanceOf(Date);
    const me = await call('GET', '/account', { token });
    expect(me.body.termsAcceptedAt).toBe(row!.termsAcceptedAt!.toISOString());

    const doc = (await (await store.request('/api/openapi.json')).json()) as {
      paths: Record<string, { post?: { requestBody: { content: Record<string, { schema: unknown }> } } }>;
    };
    const schema = doc.paths['/api/store/account']!.post!.requestBody.content['application/json']!.schema as {
      required: string[];
      properties: Record<string, { type?: string; enum?: unknown[]; description?: string }>;
    };
    expect(schema.required).toContain('acceptsTermsAndPrivacy');
    expect(schema.properties.acceptsTermsAndPrivacy).toMatchObject({ type: 'boolean', enum: [true] });
    expect(schema.properties.acceptsTermsAndPrivacy!.description).toContain('termsAcceptedAt');
  });

  it('ignores the company and phone a client sends', async () => {
    const client = uniqueEmail('client');
    await apiCustomer({ email: client, companyName: 'Not a business', phone: '(212) 555-0100' });
    const [row] = await store.ctx.db.select().from(customers).where(eq(customers.email, client));
    expect(row).toMatchObject({ accountType: 'client', companyName: '', phone: '' });
  });

  it('answers the same for an email that already has an account', async () => {
    const { email } = await apiCustomer();
    const again = await call('POST', '/account', {
      body: {
        email,
        password: 'a different passphrase',
        name: 'Someone',
        accountType: 'client',
        acceptsTermsAndPrivacy: true,
      },
    });
    const fresh = await call('POST', '/account', {
      body: {
        email: uniqueEmail('api'),
        password: 'a different passphrase',
        name: 'Someone',
        accountType: 'client',
        acceptsTermsAndPrivacy: true,
      },
    });
    expect(again.status).toBe(202);
    expect(again.body).toEqual(fresh.body);
    const [row] = await store.ctx.db.select().from(customers).where(eq(customers.email, email));
    expect(row!.name).toBe('Ana Lima');
  });

  it('refuses bad input as problem+json naming each field, and creates nothing', async () => {
    const email = uniqueEmail('bad');
    const cases: [unknown, string][] = [
      [{ email: 'nope', password: GOOD_PASSWORD, name: 'A' }, 'email'],
      [{ email, password: 'short', name: 'A' }, 'password'],
      [{ email, password: GOOD_PASSWORD }, 'name'],
      [{ email, password: GOOD_PASSWORD, name: 'n'.repeat(101) }, 'name'],
      [{ email, password: GOOD_PASSWORD, name: 'A', accountType: 'business' }, 'companyName'],
      [{ email, password: GOOD_PASSWORD, name: 'A', role: 'admin' }, '_'],
      [{ email, password: 12345678901, name: 'A' }, 'password'],
    ];
    for (const [body, field] of cases) {
      const r = await call('POST', '/account', { body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.res.headers.get('content-type')).toBe('application/problem+json');
      expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const extra = await call('POST', '/account', {
      body: { email, password: GOOD_PASSWORD, name: 'A', role: 'admin' },
    });
    expect(extra.body.errors).toContainEqual({ field: '_', message: '"role" is not a field accepted here.' });
    const list = await call('POST', '/account', { body: [email] });
    expect(list.body.errors).toContainEqual({ field: '_', message: 'Send the fields as one JSON object.' });
    const malformed = await store.request('/api/store/account', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":',
    });
    expect(malformed.status).toBe(400);
    const noType = await store.request('/api/store/account', { method: 'POST', body: 'email=a@b.c' });
    expect(noType.status).toBe(400);
    const huge = await call('POST', '/account', {
      body: { email, password: GOOD_PASSWORD, name: 'x'.repeat(200_000) },
    });
    expect(huge.status).toBe(413);
    expect(huge.res.headers.get('content-type')).toBe('application/problem+json');
    expect(await store.ctx.db.select().from(customers).where(eq(customers.email, email))).toEqual([]);
  });

  it('signs in wrong passwords and unknown emails with one answer', async () => {
    const { email } = await apiCustomer();
    const wrong = await call('POST', '/session', { body: { email, password: 'wrong wrong wrong' } });
    const unknown = await call('POST', '/session', {
      body: { email: uniqueEmail('ghost'), password: 'wrong wrong wrong' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
  });
});

describe('the profile', () => {
  it('changes the profile within the rules of the account type', async () => {
    const { token } = await apiCustomer();
    const renamed = await call('PATCH', '/account', { token, body: { name: 'Ana M. Lima', phone: '+1 212 555 0100' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Ana M. Lima', phone: '+1 212 555 0100', accountType: 'client' });
    const incomplete = await call('PATCH', '/account', { token, body: { accountType: 'business' } });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.errors.map((e: { field: string }) => e.field)).toContain('companyName');
    const business = await call('PATCH', '/account', {
      token,
      body: { accountType: 'business', companyName: 'Lima Aesthetics' },
    });
    expect(business.body).toMatchObject({ accountType: 'business', companyName: 'Lima Aesthetics' });
    expect((await call('PATCH', '/account', { token, body: { email: 'new@example.com' } })).status).toBe(400);
    expect((await call('PATCH', '/account', { token, body: { name: '' } })).status).toBe(400);
    expect((await call('GET', '/account', { token })).body.name).toBe('Ana M. Lima');
  });

  it('changes the password with the current one, ending the old sessions', async () => {
    const { email, token } = await apiCustomer();
    const wrong = await call('POST', '/account/password', {
      token,
      body: { currentPassword: 'not my password', newPassword: 'violet harbour lantern' },
    });
    expect(wrong.status).toBe(422);
    const weak = await call('POST', '/account/password', {
      token,
      body: { currentPassword: GOOD_PASSWORD, newPassword: 'qwertyuiop' },
    });
    expect(weak.status).toBe(422);
    const changed = await call('POST', '/account/password', {
      token,
      body: { currentPassword: GOOD_PASSWORD, newPassword: 'violet harbour lantern' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.token).not.toBe(token);
    expect((await call('GET', '/account', { token })).status).toBe(401);
    expect((await call('GET', '/account', { token: changed.body.token })).status).toBe(200);
    expect((await call('POST', '/session', { body: { email, password: 'violet harbour lantern' } })).status).toBe(200);
    expect((await latestMail(store, email, 'password-changed'))?.text).toContain('was just changed');
  });

  it('changes the email address only once the new address confirms it, and tells the old one', async () => {
    const { email, token } = await apiCustomer();
    const newEmail = uniqueEmail('moved');
    const asked = await call('POST', '/account/email', { token, body: { email: newEmail, password: GOOD_PASSWORD } });
    expect(asked.status).toBe(202);
    expect((await call('GET', '/account', { token })).body.email).toBe(email);
    const link = tokenOf(linkIn(await latestMail(store, newEmail, 'change-email'), store));
    expect((await call('POST', '/account/email/confirm', { body: { token: link } })).status).toBe(204);
    expect((await call('GET', '/account', { token })).body).toMatchObject({ email: newEmail, emailVerified: true });
    expect((await latestMail(store, email, 'change-email'))?.text).toContain(`changed to ${newEmail}`);
    expect((await call('POST', '/account/email/confirm', { body: { token: link } })).status).toBe(400);
  });
});

describe('password reset', () => {
  it('mails a link that works once, within its hour, and signs out everywhere', async () => {
    const { email, token } = await apiCustomer();
    const unknown = await call('POST', '/account/password-reset', { body: { email: uniqueEmail('nobody') } });
    const known = await call('POST', '/account/password-reset', { body: { email } });
    expect(known.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    const reset = tokenOf(linkIn(await latestMail(store, email, 'password-reset'), store));

    const weak = await call('POST', '/account/password-reset/confirm', {
      body: { token: reset, password: '1234567890' },
    });
    expect(weak.status).toBe(400);
    const personal = await call('POST', '/account/password-reset/confirm', {
      body: { token: reset, password: `${email}-plus` },
    });
    expect(personal.status).toBe(422);

    const done = await call('POST', '/account/password-reset/confirm', {
      body: { token: reset, password: 'copper meadow violin' },
    });
    expect(done.status).toBe(204);
    expect((await call('GET', '/account', { token })).status).toBe(401);
    expect((await call('POST', '/session', { body: { email, password: 'copper meadow violin' } })).status).toBe(200);

    const reused = await call('POST', '/account/password-reset/confirm', {
      body: { token: reset, password: 'another fine phrase' },
    });
    expect(reused.status).toBe(400);
    expect(reused.body.detail).toContain('already been used');
  });

  it('refuses an expired link and changes nothing', async () => {
    const { email } = await apiCustomer();
    await call('POST', '/account/password-reset', { body: { email } });
    const reset = tokenOf(linkIn(await latestMail(store, email, 'password-reset'), store));
    await store.ctx.db
      .update(customerTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(customerTokens.purpose, 'reset-password'));
    const expired = await call('POST', '/account/password-reset/confirm', {
      body: { token: reset, password: 'copper meadow violin' },
    });
    expect(expired.status).toBe(400);
    expect(expired.body.detail).toContain('expired');
    expect((await call('POST', '/session', { body: { email, password: GOOD_PASSWORD } })).status).toBe(200);
  });
});

describe('addresses', () => {
  it('lists, adds, reads, changes and deletes addresses, keeping one default of each kind', async () => {
    const { token } = await apiCustomer();
    const first = await call('POST', '/account/addresses', { token, body: SAMPLE_ADDRESS });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ ...SAMPLE_ADDRESS, isDefaultShipping: true, isDefaultBilling: true });
    expect(first.body.id).toBeTruthy();
    const second = await call('POST', '/account/addresses', {
      token,
      body: {
        name: 'Lima Clinic',
        line1: '5 Harbor Road',
        city: 'Toronto',
        state: 'ON',
        postalCode: 'M5V 2T6',
        country: 'ca',
        isDefaultBilling: true,
      },
    });
    expect(second.body).toMatchObject({ country: 'CA', isDefaultShipping: false, isDefaultBilling: true });
    const list = await call('GET', '/account/addresses', { token });
    expect(list.body.items).toHaveLength(2);
    expect(list.body.items.filter((a: { isDefaultBilling: boolean }) => a.isDefaultBilling)).toHaveLength(1);

    const changed = await call('PATCH', `/account/addresses/${second.body.id}`, {
      token,
      body: { line2: 'Unit 9', isDefaultShipping: true },
    });
    expect(changed.body).toMatchObject({ line2: 'Unit 9', isDefaultShipping: true });
    expect((await call('GET', `/account/addresses/${first.body.id}`, { token })).body.isDefaultShipping).toBe(false);
    const noDefault = await call('PATCH', `/account/addresses/${second.body.id}`, {
      token,
      body: { isDefaultShipping: false },
    });
    expect(noDefault.status).toBe(422);
    expect(noDefault.body.errors).toEqual([
      {
        field: 'isDefaultShipping',
        message: 'This is your default shipping address. Make another address the default instead.',
      },
    ]);
    expect((await call('GET', `/account/addresses/${second.body.id}`, { token })).body.isDefaultShipping).toBe(true);

    const badZip = await call('PATCH', `/account/addresses/${first.body.id}`, { token, body: { postalCode: 'ABC' } });
    expect(badZip.status).toBe(422);
    expect((await call('GET', `/account/addresses/${first.body.id}`, { token })).body.postalCode).toBe('94105');

    expect((await call('DELETE', `/account/addresses/${second.body.id}`, { token })).status).toBe(204);
    const left = await call('GET', '/account/addresses', { token });
    expect(left.body.items).toEqual([
      expect.objectContaining({ id: first.body.id, isDefaultShipping: true, isDefaultBilling: true }),
    ]);
  });

  it('refuses incomplete and oversized addresses', async () => {
    const { token } = await apiCustomer();
    const missing = await call('POST', '/account/addresses', {
      token,
      body: { name: 'A', line1: '1 Main St', city: 'Boston', postalCode: '02110' },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toContainEqual({ field: 'state', message: 'Enter the state.' });
    const long = await call('POST', '/account/addresses', {
      token,
      body: { ...SAMPLE_ADDRESS, line1: 'x'.repeat(201) },
    });
    expect(long.status).toBe(400);
    const country = await call('POST', '/account/addresses', { token, body: { ...SAMPLE_ADDRESS, country: 'XX' } });
    expect(country.status).toBe(400);
    expect((await call('GET', '/account/addresses', { token })).body.items).toEqual([]);
  });

  it("never shows or changes another customer's address: 404 as for a missing one", async () => {
    const owner = await apiCustomer();
    const other = await apiCustomer();
    const address = (await call('POST', '/account/addresses', { token: owner.token, body: SAMPLE_ADDRESS })).body;
    const missing = await call('GET', '/account/addresses/00000000-0000-4000-8000-000000000000', {
      token: other.token,
    });
    const theirs = await call('GET', `/account/addresses/${address.id}`, { token: other.token });
    expect(theirs.status).toBe(404);
    expect(theirs.body.detail).toBe(missing.body.detail);
    expect(
      (await call('PATCH', `/account/addresses/${address.id}`, { token: other.token, body: { name: 'Mine now' } }))
        .status,
    ).toBe(404);
    expect((await call('DELETE', `/account/addresses/${address.id}`, { token: other.token })).status).toBe(404);
    expect((await call('GET', '/account/addresses/not-a-uuid', { token: other.token })).status).toBe(404);
    expect((await call('GET', `/account/addresses/${address.id}`, { token: owner.token })).body.name).toBe(
      SAMPLE_ADDRESS.name,
    );
  });

  it('needs a session', async () => {
    expect((await call('GET', '/account/addresses')).status).toBe(401);
    expect((await call('GET', '/account', { token: 'made-up-token-made-up-token-made-up' })).status).toBe(401);
  });
});

describe('caching and the description', () => {
  it("never serves one customer's account from the public cache", async () => {
    const { token, email } = await apiCustomer();
    expect((await call('GET', '/account', { token })).body.email).toBe(email);
    const anonymous = await call('GET', '/account');
    expect(anonymous.status).toBe(401);
  });

  it('describes the account endpoints in the OpenAPI document', async () => {
    const doc = (await (await store.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
      components: { securitySchemes?: object };
    };
    for (const path of [
      '/api/store/account',
      '/api/store/session',
      '/api/store/account/password-reset',
      '/api/store/account/password-reset/confirm',
      '/api/store/account/addresses',
      '/api/store/account/addresses/{id}',
    ]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    expect(Object.keys(doc.paths['/api/store/account']!)).toEqual(
      expect.arrayContaining(['get', 'post', 'patch', 'delete']),
    );
    expect(doc.components.securitySchemes).toHaveProperty('bearerSession');
  });

  it('lets a browser page call the API with its cookie from the same origin', async () => {
    const email = uniqueEmail('browser');
    const visitor = createVisitor(store);
    await visitor.api('/api/store/account', {
      method: 'POST',
      body: { email, password: GOOD_PASSWORD, name: 'Kim', accountType: 'client', acceptsTermsAndPrivacy: true },
    });
    const signedIn = await visitor.api('/api/store/session', {
      method: 'POST',
      body: { email, password: GOOD_PASSWORD, remember: true },
    });
    expect(signedIn.status).toBe(200);
    expect((await visitor.api('/api/store/account')).status).toBe(200);
    expect((await visitor.api('/api/store/session', { method: 'DELETE' })).status).toBe(204);
    expect((await visitor.api('/api/store/account')).status).toBe(401);
  });
});
