import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStaff, TEST_STAFF_PASSWORD } from '#src/licences/test-factory.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor } from '#test/support/visitor.ts';
import { GOOD_PASSWORD, signUp } from '../test-helpers.ts';

let store: TestStore;
beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
});
afterAll(async () => {
  await store?.close();
});

const ORIGIN = 'http://store.test';
const WRONG = 'not the password at all';

// Each test sends from addresses of its own: the per-address counters are shared by the whole store.
let lastOctet = 0;
const newAddress = () => `198.51.100.${++lastOctet}`;

// As @hono/node-server passes the socket to the app, so the store sees the client's address.
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

function postJson(path: string, body: unknown, address: string) {
  const init = {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify(body),
  };
  return Promise.resolve(store.app.request(`${ORIGIN}${path}`, init, from(address)));
}

/** Submits a sign-in form from a browser at this address: its own CSRF cookie and token, like a real one. */
async function submitForm(path: string, fields: Record<string, string>, address: string) {
  const browser = createVisitor(store);
  const token = /name="_csrf" value="([^"]+)"/.exec(await browser.page(path))![1]!;
  const init = {
    method: 'POST',
    headers: { cookie: `csrf=${browser.cookies.get('csrf')}`, origin: ORIGIN },
    body: new URLSearchParams({ _csrf: token, ...fields }),
  };
  return Promise.resolve(store.app.request(`${ORIGIN}${path}`, init, from(address)));
}

type Way = {
  name: string;
  newAccount(): Promise<{ email: string; password: string }>;
  signIn(email: string, password: string, address: string): Promise<Response>;
  /** Statuses of a wrong password, a right one, and a refusal. */
  statuses: { wrong: number; right: number; limited: number };
};

const customerApi: Way = {
  name: 'customer API',
  newAccount: () => signUp(store),
  signIn: (email, password, address) => postJson('/api/store/session', { email, password }, address),
  statuses: { wrong: 401, right: 200, limited: 429 },
};
const customerPage: Way = {
  name: 'customer sign-in page',
  newAccount: () => signUp(store),
  signIn: (email, password, address) => submitForm('/account/sign-in', { email, password }, address),
  statuses: { wrong: 422, right: 303, limited: 429 },
};
async function newStaff() {
  const { staff } = await createTestStaff(store.ctx.db, 'owner');
  return { email: staff.email, password: TEST_STAFF_PASSWORD };
}
const staffApi: Way = {
  name: 'staff API',
  newAccount: newStaff,
  signIn: (email, password, address) => postJson('/api/admin/session', { email, password }, address),
  statuses: { wrong: 401, right: 201, limited: 429 },
};
const staffPage: Way = {
  name: 'staff sign-in page',
  newAccount: newStaff,
  signIn: (email, password, address) => submitForm('/admin/login', { email, password }, address),
  statuses: { wrong: 422, right: 303, limited: 429 },
};

describe.each([customerApi, customerPage, staffApi, staffPage])('signing in through the $name', (way) => {
  it('lets the owner in from their own address after someone failed five times elsewhere', async () => {
    const { email, password } = await way.newAccount();
    const attacker = newAddress();
    for (let i = 0; i < 5; i++) expect((await way.signIn(email, WRONG, attacker)).status).toBe(way.statuses.wrong);
    expect((await way.signIn(email, WRONG, attacker)).status).toBe(way.statuses.limited);
    expect((await way.signIn(email, password, newAddress())).status).toBe(way.statuses.right);
  });

  it('refuses an address that failed five times for the account with 429 and Retry-After, right password included', async () => {
    const { email, password } = await way.newAccount();
    const address = newAddress();
    for (let i = 0; i < 5; i++) expect((await way.signIn(email, WRONG, address)).status).toBe(way.statuses.wrong);
    const refused = await way.signIn(email, password, address);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.text()).toContain('Too many attempts.');
  });

  it('counts failures only: signing in right many times from one address never locks it', async () => {
    const { email, password } = await way.newAccount();
    const address = newAddress();
    for (let i = 0; i < 8; i++) expect((await way.signIn(email, password, address)).status).toBe(way.statuses.right);
    for (let i = 0; i < 4; i++) expect((await way.signIn(email, WRONG, address)).status).toBe(way.statuses.wrong);
    expect((await way.signIn(email, password, address)).status).toBe(way.statuses.right);
  });
});

describe('guessing from many addresses or at many accounts', () => {
  it('refuses an address that failed on twenty accounts, for every account, while others sign in', async () => {
    const sprayer = newAddress();
    for (let i = 0; i < 20; i++) {
      const res = await customerApi.signIn(`nobody-${i}@example.com`, WRONG, sprayer);
      expect(res.status).toBe(401);
    }
    const { email } = await signUp(store);
    const refused = await customerApi.signIn(email, GOOD_PASSWORD, sprayer);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect((await customerApi.signIn(email, GOOD_PASSWORD, newAddress())).status).toBe(200);
  });

  it('lets no more than five of a burst of wrong passwords sent at once reach the password check', async () => {
    const { email } = await signUp(store);
    const address = newAddress();
    const burst = await Promise.all(Array.from({ length: 10 }, () => customerApi.signIn(email, WRONG, address)));
    expect(burst.map((r) => r.status).toSorted()).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
  });

  it('slows, but never refuses, an account guessed from many addresses: its owner still signs in', async () => {
    const { email } = await signUp(store);
    // Twelve failures from three addresses: two of them locked, none past the slow-down's threshold of ten alone.
    for (const [address, tries] of [
      [newAddress(), 5],
      [newAddress(), 5],
      [newAddress(), 2],
    ] as const) {
      for (let i = 0; i < tries; i++) expect((await customerApi.signIn(email, WRONG, address)).status).toBe(401);
    }
    const started = performance.now();
    const owner = await customerApi.signIn(email, GOOD_PASSWORD, newAddress());
    const waited = performance.now() - started;
    expect(owner.status).toBe(200);
    // Three attempts past the threshold of ten: half a second each.
    expect(waited).toBeGreaterThan(1400);
  });
});
