import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { GOOD_PASSWORD, uniqueEmail } from './test-helpers.ts';

// The Redis limiter runs when a Redis server answers (TEST_REDIS_URL, else the local default); without one
// this file is skipped and says so.
const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

function isReachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const hasRedis = await isReachable(REDIS_URL);
if (!hasRedis) console.warn(`Redis rate-limit tests skipped: nothing answers at ${REDIS_URL}`);

describe.skipIf(!hasRedis)('rate limits in Redis (REDIS_URL set)', () => {
  let store: TestStore;

  beforeAll(async () => {
    store = await createTestStore({ template: 'empty', env: { REDIS_URL } });
  });
  afterAll(async () => {
    await store?.close();
  });

  function post(path: string, body: unknown) {
    return store.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  it('limits sign-in attempts per email with 429 and Retry-After', async () => {
    // Counters in Redis outlive the test store, so the address is new to every run.
    const email = uniqueEmail('redis');
    expect(
      (await post('/api/store/account', { email, password: GOOD_PASSWORD, name: 'Ray', accountType: 'client' })).status,
    ).toBe(202);
    const statuses = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await post('/api/store/session', { email, password: 'a wrong password' })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const limited = await post('/api/store/session', { email, password: GOOD_PASSWORD });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Nothing was counted in the database.
    const rows = await store.ctx.db.execute('select count(*)::int as n from rate_limit_hits');
    expect(JSON.stringify(rows)).toContain('"n":0');
  });

  it('counts only failed sign-ins: each right password gives its attempt back', async () => {
    const email = uniqueEmail('redis-right');
    await post('/api/store/account', { email, password: GOOD_PASSWORD, name: 'Ray', accountType: 'client' });
    const statuses = [];
    for (let i = 0; i < 8; i++)
      statuses.push((await post('/api/store/session', { email, password: GOOD_PASSWORD })).status);
    for (let i = 0; i < 6; i++)
      statuses.push((await post('/api/store/session', { email, password: 'a wrong password' })).status);
    expect(statuses).toEqual([...Array(8).fill(200), 401, 401, 401, 401, 401, 429]);
  });

  it('limits password reset mails per email', async () => {
    const email = uniqueEmail('redis-reset');
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post('/api/store/account/password-reset', { email })).status);
    expect(statuses).toEqual([202, 202, 202, 429]);
  });
});
