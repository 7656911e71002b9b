import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, uniqueEmail } from '#src/accounts/test-helpers.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { normalizeAddress, resolveClientAddress } from './client-address.ts';

// Sign-ups are limited to 10 an hour per address (accounts/auth/limits.ts): the 11th from one client is refused.
const PER_ADDRESS = 10;

/** A sign-up arriving on a socket from `peer`, with whatever forwarded headers that peer sends. */
async function signUp(store: TestStore, peer: string, headers: Record<string, string> = {}) {
  const body = {
    email: uniqueEmail('proxy'),
    password: GOOD_PASSWORD,
    name: 'Pat',
    accountType: 'client',
    acceptsTermsAndPrivacy: true,
  };
  return store.app.request(
    'http://store.test/api/store/account',
    { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) },
    { incoming: { socket: { remoteAddress: peer } } },
  );
}

async function statusesOf(count: number, send: (i: number) => Promise<Response>): Promise<number[]> {
  const statuses = [];
  for (let i = 0; i < count; i++) statuses.push((await send(i)).status);
  return statuses;
}

const allowedThenRefused = [...Array<number>(PER_ADDRESS).fill(202), 429];

describe('client address with TRUST_PROXY off (the default)', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore({ template: 'empty' });
  });
  afterAll(() => store?.close());

  it('keys the limit on the socket: a client writing a new X-Forwarded-For on every attempt is still one client', async () => {
    const statuses = await statusesOf(PER_ADDRESS + 1, (i) =>
      signUp(store, '203.0.113.7', { 'x-forwarded-for': `198.51.100.${i + 1}` }),
    );
    expect(statuses).toEqual(allowedThenRefused);
    // Another client on its own socket is not held back by the first one's limit.
    expect((await signUp(store, '203.0.113.8')).status).toBe(202);
  });

  it('does not believe X-Forwarded-Proto: cookies stay as BASE_URL says (http here, so not Secure)', async () => {
    const res = await store.app.request(
      'http://store.test/account/sign-in',
      { headers: { 'x-forwarded-proto': 'https' } },
      { incoming: { socket: { remoteAddress: '203.0.113.9' } } },
    );
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((line) => line.startsWith('csrf='));
    expect(cookie).toBeDefined();
    expect(cookie).not.toMatch(/;\s*Secure/i);
  });

  it('makes cookies Secure on a TLS socket, whatever BASE_URL says', async () => {
    const res = await store.app.request('http://store.test/account/sign-in', undefined, {
      incoming: { socket: { remoteAddress: '203.0.113.9', encrypted: true } },
    });
    expect(res.headers.getSetCookie().find((line) => line.startsWith('csrf='))).toMatch(/;\s*Secure/i);
  });
});

describe('client address behind one proxy (TRUST_PROXY=1)', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore({ template: 'empty', env: { TRUST_PROXY: '1' } });
  });
  afterAll(() => store?.close());

  it('limits two clients behind the same proxy separately, by the address the proxy reports', async () => {
    const first = await statusesOf(PER_ADDRESS + 1, () =>
      signUp(store, '10.0.0.2', { 'x-forwarded-for': '198.51.100.1' }),
    );
    expect(first).toEqual(allowedThenRefused);
    expect((await signUp(store, '10.0.0.2', { 'x-forwarded-for': '198.51.100.2' })).status).toBe(202);
  });

  it('ignores what the client wrote left of the address the proxy appended', async () => {
    // The proxy appends the address it saw; whatever the client sent itself stays to the left of it.
    const res = await signUp(store, '10.0.0.2', { 'x-forwarded-for': '192.0.2.50, 198.51.100.1' });
    expect(res.status).toBe(429);
  });

  it('believes X-Forwarded-Proto: https from the proxy, so cookies are Secure', async () => {
    const res = await store.app.request(
      'http://store.test/account/sign-in',
      { headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.3' } },
      { incoming: { socket: { remoteAddress: '10.0.0.2' } } },
    );
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().find((line) => line.startsWith('csrf='))).toMatch(/;\s*Secure/i);
  });
});

describe('client address behind listed proxies (TRUST_PROXY=127.0.0.1,10.0.0.0/8)', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore({ template: 'empty', env: { TRUST_PROXY: '127.0.0.1,10.0.0.0/8' } });
  });
  afterAll(() => store?.close());

  it('believes a listed proxy: its clients are limited separately, past every listed hop', async () => {
    const first = await statusesOf(PER_ADDRESS + 1, (i) =>
      // Two listed proxies in a row (a load balancer, then nginx) are both walked past.
      signUp(store, i % 2 ? '10.0.0.2' : '127.0.0.1', { 'x-forwarded-for': '198.51.100.1, 10.0.0.7' }),
    );
    expect(first).toEqual(allowedThenRefused);
    expect((await signUp(store, '10.0.0.2', { 'x-forwarded-for': '198.51.100.2' })).status).toBe(202);
  });

  it('does not believe a peer that is not listed, whatever it writes', async () => {
    const statuses = await statusesOf(PER_ADDRESS + 1, (i) =>
      signUp(store, '203.0.113.20', { 'x-forwarded-for': `198.51.100.${i + 10}` }),
    );
    expect(statuses).toEqual(allowedThenRefused);
  });
});

describe('reading X-Forwarded-For', () => {
  it('walks from the right as far as the number of hops allows', () => {
    const chain = '192.0.2.1, 198.51.100.1, 10.0.0.5';
    expect(resolveClientAddress('10.0.0.2', chain, { hops: 0 })).toBe('10.0.0.2');
    expect(resolveClientAddress('10.0.0.2', chain, { hops: 1 })).toBe('10.0.0.5');
    expect(resolveClientAddress('10.0.0.2', chain, { hops: 2 })).toBe('198.51.100.1');
    // More hops than entries: the leftmost entry, the best there is.
    expect(resolveClientAddress('10.0.0.2', '198.51.100.1', { hops: 3 })).toBe('198.51.100.1');
    expect(resolveClientAddress('10.0.0.2', undefined, { hops: 1 })).toBe('10.0.0.2');
  });

  it('walks past listed proxies only, IPv4 and IPv6 alike', () => {
    const trust = { proxies: ['10.0.0.0/8', 'fd00::/8'] };
    expect(resolveClientAddress('10.1.2.3', '2001:db8::1, fd00::5', trust)).toBe('2001:db8::1');
    expect(resolveClientAddress('::ffff:10.1.2.3', '198.51.100.1', trust)).toBe('198.51.100.1');
    expect(resolveClientAddress('192.0.2.9', '198.51.100.1', trust)).toBe('192.0.2.9');
    // A client that is itself in a listed range is still the client when nothing is left to walk.
    expect(resolveClientAddress('10.1.2.3', '10.9.9.9', trust)).toBe('10.9.9.9');
  });

  it('stops at an entry that is not an address, keeping the last proxy it believed', () => {
    expect(resolveClientAddress('10.0.0.2', '198.51.100.1, unknown', { hops: 2 })).toBe('10.0.0.2');
    expect(resolveClientAddress('10.0.0.2', '198.51.100.1,', { hops: 1 })).toBe('10.0.0.2');
  });

  it('has no address without a socket, whatever the headers say', () => {
    expect(resolveClientAddress(undefined, '198.51.100.1', { hops: 1 })).toBeUndefined();
  });

  it('spells one address one way', () => {
    expect(normalizeAddress('::ffff:198.51.100.1')).toBe('198.51.100.1');
    expect(normalizeAddress(' 198.51.100.1:51234 ')).toBe('198.51.100.1');
    expect(normalizeAddress('[2001:DB8::1]:443')).toBe('2001:db8::1');
    expect(normalizeAddress('[2001:db8::1]')).toBe('2001:db8::1');
    expect(normalizeAddress('2001:db8::1')).toBe('2001:db8::1');
    expect(normalizeAddress('unknown')).toBeUndefined();
    expect(normalizeAddress('')).toBeUndefined();
  });
});
