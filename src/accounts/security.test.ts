import { Writable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#src/app.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor } from '#test/support/visitor.ts';
import { customers } from './schema.ts';
import { countMails, GOOD_PASSWORD, latestMail, linkIn, runJobs, signUp, uniqueEmail } from './test-helpers.ts';

let store: TestStore;

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
});
afterAll(async () => {
  await store?.close();
});

function json(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

describe('cross-site request forgery', () => {
  it('refuses a form posted without its token, or with a token of another browser, and changes nothing', async () => {
    const email = uniqueEmail('csrf');
    const fields = { email, password: GOOD_PASSWORD, name: 'Eve', accountType: 'client', acceptsTermsAndPrivacy: 'on' };
    const bare = await store.request('/account/register', { method: 'POST', body: new URLSearchParams(fields) });
    expect(bare.status).toBe(403);
    expect(await bare.text()).toContain('This form has expired or was sent from another site.');

    const mine = createVisitor(store);
    const token = /name="_csrf" value="([^"]+)"/.exec(await mine.page('/account/register'))![1]!;
    const stranger = createVisitor(store);
    await stranger.page('/account/register');
    const borrowed = await stranger.request('/account/register', {
      method: 'POST',
      body: new URLSearchParams({ ...fields, _csrf: token }),
    });
    expect(borrowed.status).toBe(403);
    expect(await store.ctx.db.select().from(customers).where(eq(customers.email, email))).toEqual([]);
  });

  it('refuses sign-out without a token, so another site cannot sign a customer out', async () => {
    const { visitor } = await signUp(store);
    expect((await visitor.request('/account/sign-out', { method: 'POST' })).status).toBe(403);
    expect((await visitor.request('/account')).status).toBe(200);
  });

  it('refuses cookie-authenticated API calls from another origin, and non-JSON bodies', async () => {
    const { visitor } = await signUp(store);
    const cookie = `sid=${visitor.cookies.get('sid')}`;
    const evil = await store.request('/api/store/account', {
      method: 'PATCH',
      headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Hijacked' }),
    });
    expect(evil.status).toBe(403);
    expect(evil.headers.get('content-type')).toBe('application/problem+json');
    const fetchSite = await store.request('/api/store/account', {
      method: 'PATCH',
      headers: { cookie, 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Hijacked' }),
    });
    expect(fetchSite.status).toBe(403);
    // A sandboxed frame, a data: page or a redirect across sites sends the opaque origin "null": no site of ours.
    const opaque = await store.request('/api/store/account', {
      method: 'PATCH',
      headers: { cookie, origin: 'null', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Hijacked' }),
    });
    expect(opaque.status).toBe(403);
    expect(opaque.headers.get('content-type')).toBe('application/problem+json');
    const opaqueUpload = await store.request('/api/store/account/licences', {
      method: 'POST',
      headers: { cookie, origin: 'null' },
      body: new FormData(),
    });
    expect(opaqueUpload.status).toBe(403);
    const asForm = await store.request('/api/store/session', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=a%40b.c&password=xxxxxxxxxxxx',
    });
    expect(asForm.status).toBe(400);
    expect((await visitor.api('/api/store/account')).status).toBe(200);
    expect(JSON.parse(await (await visitor.api('/api/store/account')).text()).name).toBe('Dana Reyes');
  });
});

describe('cookies', () => {
  it('marks the session cookie Secure when the store is served over https', async () => {
    const https = await createTestStore({ template: 'empty', env: { BASE_URL: 'https://store.test' } });
    try {
      const email = uniqueEmail('tls');
      await https.request(
        '/api/store/account',
        json({ email, password: GOOD_PASSWORD, name: 'Tess', accountType: 'client', acceptsTermsAndPrivacy: true }),
      );
      const res = await https.request(
        '/api/store/session',
        json({ email, password: GOOD_PASSWORD }, { origin: 'https://store.test' }),
      );
      expect(res.status).toBe(200);
      const cookie = res.headers.getSetCookie().find((l) => l.startsWith('sid='))!;
      expect(cookie).toMatch(/; Secure/i);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
    } finally {
      await https.close();
    }
  });
});

describe('logs', () => {
  it('never writes passwords, session tokens or link tokens to the request log', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = createApp({ ...store.ctx, log: pino({ level: 'info' }, sink) });
    const send = (path: string, init?: RequestInit) => app.request(`http://store.test${path}`, init);

    const email = uniqueEmail('logs');
    const password = 'plum lighthouse quartz';
    await send(
      '/api/store/account',
      json({ email, password, name: 'Noor', accountType: 'client', acceptsTermsAndPrivacy: true }),
    );
    const session = (await (await send('/api/store/session', json({ email, password }))).json()) as { token: string };
    await send('/api/store/account/password-reset', json({ email }));
    const link = linkIn(await latestMail(store, email, 'password-reset'), store);
    const resetToken = new URL(link, 'http://x').searchParams.get('token')!;
    await send(link);
    await send(
      '/api/store/account/password-reset/confirm',
      json({ token: resetToken, password: 'a brand new passphrase' }),
    );
    await send('/api/store/account', { headers: { authorization: `Bearer ${session.token}` } });

    const log = lines.join('');
    expect(log).toContain('/account/password-reset/confirm');
    for (const secret of [password, 'a brand new passphrase', session.token, resetToken])
      expect(log).not.toContain(secret);
  });

  it('logs a failed query with its statement but without the values bound to it', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = createApp({ ...store.ctx, log: pino({ level: 'info' }, sink) });
    // A query that fails in the database while carrying a value as secret as a password hash.
    const secret = '$argon2id$v=19$m=19456,t=2,p=1$not-for-the-log';
    app.get('/test/failing-query', async (c) => {
      await store.ctx.db.execute(sql`select ${secret}::int as n`);
      return c.text('unreachable');
    });
    const res = await app.request('http://store.test/test/failing-query');
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain(secret);
    const log = lines.join('');
    expect(log).toContain('unhandled error');
    expect(log).toContain('Failed query: select $1::int as n');
    expect(log).toContain('invalid input syntax for type integer');
    expect(log).not.toContain('not-for-the-log');
  });
});

describe('asking for a link by email', () => {
  // What a request leaves in the database; it must not depend on whether the address has an account.
  async function footprint() {
    const { rows } = await store.ctx.db.execute(sql`select
      (select count(*)::int from customer_tokens) as tokens,
      (select count(*)::int from outbox) as mails,
      (select count(*)::int from jobs) as jobs`);
    return rows[0] as { tokens: number; mails: number; jobs: number };
  }

  it.each([
    ['/api/store/account/password-reset', 'password-reset'],
    ['/api/store/account/verify-email/resend', 'verify-email'],
  ])('%s does the same work for an address with an account as without; the job mails the link', async (path, kind) => {
    const email = uniqueEmail('asker');
    await store.request(
      '/api/store/account',
      json({ email, password: GOOD_PASSWORD, name: 'Ada', accountType: 'client', acceptsTermsAndPrivacy: true }),
    );
    await runJobs(store);
    const mailsBefore = await countMails(store, email);
    const answers = [];
    const growth = [];
    for (const address of [email, uniqueEmail('nobody')]) {
      const before = await footprint();
      const res = await store.request(path, json({ email: address }));
      const after = await footprint();
      answers.push([res.status, await res.text()]);
      growth.push({
        tokens: after.tokens - before.tokens,
        mails: after.mails - before.mails,
        jobs: after.jobs - before.jobs,
      });
    }
    expect(answers[0]).toEqual(answers[1]);
    // Neither request looked anything up to write a link or a mail: each queued one job and nothing else.
    expect(growth).toEqual([
      { tokens: 0, mails: 0, jobs: 1 },
      { tokens: 0, mails: 0, jobs: 1 },
    ]);
    // Once the worker has run the job, the account's mailbox has its link.
    await runJobs(store);
    expect(await countMails(store, email)).toBe(mailsBefore + 1);
    expect(linkIn(await latestMail(store, email, kind), store)).toContain('token=');
  });
});

describe('rate limits on the database', () => {
  it('refuses a client that failed five times for an account with 429 and Retry-After, on the page and in the API', async () => {
    const { email } = await signUp(store);
    const visitor = createVisitor(store);
    // The sign-up's own successful sign-in does not count: only failures do.
    for (let i = 0; i < 5; i++) {
      expect((await visitor.submit('/account/sign-in', { email, password: 'wrong guess number' })).status).toBe(422);
    }
    const limited = await visitor.submit('/account/sign-in', { email, password: 'wrong guess number' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.text()).toContain('Too many attempts.');
    const api = await store.request('/api/store/session', json({ email, password: GOOD_PASSWORD }));
    expect(api.status).toBe(429);
    expect(api.headers.get('retry-after')).toBeTruthy();
    expect(api.headers.get('content-type')).toBe('application/problem+json');
  });

  it('limits registrations, reset mails and confirmation mails per email, sending no more mail', async () => {
    const email = uniqueEmail('flood');
    const register = () =>
      store.request(
        '/api/store/account',
        json({ email, password: GOOD_PASSWORD, name: 'Flo', accountType: 'client', acceptsTermsAndPrivacy: true }),
      );
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await register()).status);
    expect(statuses).toEqual([202, 202, 202, 429]);

    const reset = () => store.request('/api/store/account/password-reset', json({ email }));
    const resend = () => store.request('/api/store/account/verify-email/resend', json({ email }));
    for (let i = 0; i < 3; i++) {
      expect((await reset()).status).toBe(202);
      expect((await resend()).status).toBe(202);
    }
    const [r, v] = [await reset(), await resend()];
    expect([r.status, v.status]).toEqual([429, 429]);
    expect(r.headers.get('retry-after')).toBeTruthy();
    // One confirmation and two "you already have an account" notices, three reset links, three new links.
    expect(await countMails(store, email)).toBe(9);

    const visitor = createVisitor(store);
    const page = await visitor.submit('/account/forgot-password', { email });
    expect(page.status).toBe(429);
    expect(await page.text()).toContain(`value="${email}"`);
  });
});
