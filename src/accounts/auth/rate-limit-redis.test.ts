import { connect, createServer, type Server, type Socket } from 'node:net';
import { eq } from 'drizzle-orm';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { windowOf } from '#src/security/fixed-window.ts';
import { createRateLimiter } from '#src/security/rate-limit.ts';
import { rateLimitHits } from '#src/security/schema.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor } from '#test/support/visitor.ts';
import { GOOD_PASSWORD, uniqueEmail } from '../test-helpers.ts';

// The Redis limiter runs when a Redis server answers (TEST_REDIS_URL, else the local default); without one
// the tests that need it are skipped and say so. The fallback to the database needs no Redis at all.
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
      (
        await post('/api/store/account', {
          email,
          password: GOOD_PASSWORD,
          name: 'Ray',
          accountType: 'client',
          acceptsTermsAndPrivacy: true,
        })
      ).status,
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
    await post('/api/store/account', {
      email,
      password: GOOD_PASSWORD,
      name: 'Ray',
      accountType: 'client',
      acceptsTermsAndPrivacy: true,
    });
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

describe('rate limits with REDIS_URL set and Redis unreachable', () => {
  let store: TestStore;

  beforeAll(async () => {
    // Nothing listens on port 1: every connection is refused.
    store = await createTestStore({ template: 'empty', env: { REDIS_URL: 'redis://127.0.0.1:1' } });
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

  it('answers sign-in attempts as usual, without waiting for Redis, and counts them in the database', async () => {
    const email = uniqueEmail('no-redis');
    expect(
      (
        await post('/api/store/account', {
          email,
          password: GOOD_PASSWORD,
          name: 'Ray',
          accountType: 'client',
          acceptsTermsAndPrivacy: true,
        })
      ).status,
    ).toBe(202);
    const statuses = [];
    const started = performance.now();
    for (let i = 0; i < 6; i++)
      statuses.push((await post('/api/store/session', { email, password: 'a wrong password' })).status);
    // Six attempts, each with a password check; a refused Redis adds no wait of its own.
    expect(performance.now() - started).toBeLessThan(3000);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const rows = await store.ctx.db.execute(
      `select count(*)::int as n from rate_limit_hits where key = 'sign-in-fail-pair:${email}|unknown' and count = 6`,
    );
    expect(JSON.stringify(rows)).toContain('"n":1');
  });

  it('refuses a sixth sign-in on the page too, with the usual page', async () => {
    const visitor = createVisitor(store);
    const email = uniqueEmail('no-redis-page');
    const statuses = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await visitor.submit('/account/sign-in', { email, password: 'a wrong password' })).status);
    expect(statuses.slice(0, 5).every((status) => status >= 400 && status < 500 && status !== 429)).toBe(true);
    expect(statuses[5]).toBe(429);
  });
});

/** A TCP relay in front of Redis that can be cut and restored, as a Redis restart or a network fault would. */
async function startRelay(target: string) {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let listenPort = 0;
  const up = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect({ host: hostname, port: Number(port || 6379) });
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('error', () => {});
          socket.on('close', () => {
            sockets.delete(socket);
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(listenPort, '127.0.0.1', () => {
        const address = server?.address();
        if (typeof address === 'object' && address) listenPort = address.port;
        resolve();
      });
    });
  const down = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      if (server) server.close(() => resolve());
      else resolve();
      server = undefined;
    });
  await up();
  return { url: `redis://127.0.0.1:${listenPort}`, up, down };
}

describe.skipIf(!hasRedis)('rate limits when Redis goes away and comes back', () => {
  let store: TestStore;
  let relay: Awaited<ReturnType<typeof startRelay>>;
  let direct: Redis;

  beforeAll(async () => {
    store = await createTestStore({ template: 'empty' });
    relay = await startRelay(REDIS_URL);
    direct = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    await relay?.down();
    direct?.disconnect();
    await store?.close();
  });

  it('counts in the database while Redis is down, warns once per outage, and returns to Redis', async () => {
    const lines: { level: number; msg: string }[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const limiter = await createRateLimiter(store.ctx.db, relay.url, log);
    const key = `outage:${uniqueEmail()}`;
    const window = 3600;
    const inRedis = async () => Number(await direct.get(`medstore:rl:${key}:${windowOf(window).start}`));
    const inDatabase = async () => {
      const [row] = await store.ctx.db
        .select({ count: rateLimitHits.count })
        .from(rateLimitHits)
        .where(eq(rateLimitHits.key, key));
      return row?.count ?? 0;
    };
    try {
      expect((await limiter.hit(key, window)).count).toBe(1);
      expect([await inRedis(), await inDatabase()]).toEqual([1, 0]);

      await relay.down();
      const started = performance.now();
      const counts = [];
      for (let i = 0; i < 5; i++) counts.push((await limiter.hit(key, window)).count);
      // A refused connection costs nothing noticeable: five hits well under the half-second timeout.
      expect(performance.now() - started).toBeLessThan(400);
      expect(counts).toEqual([1, 2, 3, 4, 5]);
      expect([await inRedis(), await inDatabase()]).toEqual([1, 5]);

      await relay.up();
      const deadline = Date.now() + 5000;
      while (!lines.some((l) => l.msg.includes('answers again')) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect((await limiter.hit(key, window)).count).toBe(2);
      expect([await inRedis(), await inDatabase()]).toEqual([2, 5]);

      const warnings = lines.filter((l) => l.level === 40);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]!.msg).toContain('Redis does not answer');
      expect(lines.filter((l) => l.msg.includes('answers again'))).toHaveLength(1);
    } finally {
      await limiter.close();
    }
  });
});
