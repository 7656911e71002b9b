import { and, eq, sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import type { Db } from '#src/db/client.ts';
import { AppError } from '#src/lib/errors.ts';
import { rateLimitHits } from './schema.ts';

export type RateLimitRule = { name: string; limit: number; windowSeconds: number; message?: string };

/** Counts hits per key in fixed windows, in Redis when REDIS_URL is set, else in the database. */
export type RateLimiter = {
  hit(key: string, windowSeconds: number): Promise<{ count: number; resetsInSeconds: number }>;
  /**
   * Takes back one hit of the current window, for an attempt that turned out not to count (a right password
   * where only failures are limited). Never goes below zero, nor creates a window that had no hits.
   */
  refund(key: string, windowSeconds: number): Promise<void>;
  close(): Promise<void>;
};

export function createRateLimiter(db: Db, redisUrl: string | undefined): RateLimiter {
  return redisUrl ? createRedisLimiter(redisUrl) : createDatabaseLimiter(db);
}

/** Counts one attempt; past the rule's limit it throws RATE_LIMITED with a Retry-After header. */
export async function enforceRateLimit(limiter: RateLimiter, rule: RateLimitRule, subject: string): Promise<void> {
  const { count, resetsInSeconds } = await limiter.hit(`${rule.name}:${subject.toLowerCase()}`, rule.windowSeconds);
  if (count > rule.limit) {
    const minutes = Math.max(1, Math.ceil(resetsInSeconds / 60));
    throw new AppError(
      'RATE_LIMITED',
      rule.message ?? `Too many attempts. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
      { headers: { 'Retry-After': String(Math.max(1, resetsInSeconds)) } },
    );
  }
}

/** Gives back the hit enforceRateLimit counted against this rule and subject. */
export async function refundRateLimit(limiter: RateLimiter, rule: RateLimitRule, subject: string): Promise<void> {
  await limiter.refund(`${rule.name}:${subject.toLowerCase()}`, rule.windowSeconds);
}

function windowOf(windowSeconds: number, nowMs = Date.now()) {
  const start = Math.floor(nowMs / 1000 / windowSeconds) * windowSeconds;
  return { start, resetsInSeconds: start + windowSeconds - Math.floor(nowMs / 1000) };
}

function createDatabaseLimiter(db: Db): RateLimiter {
  let lastSweep = 0;
  return {
    async hit(key, windowSeconds) {
      const { start, resetsInSeconds } = windowOf(windowSeconds);
      const [row] = await db
        .insert(rateLimitHits)
        .values({ key, windowStart: new Date(start * 1000), count: 1 })
        .onConflictDoUpdate({
          target: [rateLimitHits.key, rateLimitHits.windowStart],
          set: { count: sql`${rateLimitHits.count} + 1` },
        })
        .returning({ count: rateLimitHits.count });
      // Old windows are useless; sweep them now and then rather than on every hit.
      if (Date.now() - lastSweep > 10 * 60_000) {
        lastSweep = Date.now();
        await db.delete(rateLimitHits).where(sql`${rateLimitHits.windowStart} < now() - interval '1 day'`);
      }
      return { count: row!.count, resetsInSeconds };
    },
    async refund(key, windowSeconds) {
      const { start } = windowOf(windowSeconds);
      await db
        .update(rateLimitHits)
        .set({ count: sql`greatest(${rateLimitHits.count} - 1, 0)` })
        .where(and(eq(rateLimitHits.key, key), eq(rateLimitHits.windowStart, new Date(start * 1000))));
    },
    close: async () => {},
  };
}

function createRedisLimiter(url: string): RateLimiter {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  return {
    async hit(key, windowSeconds) {
      const { start, resetsInSeconds } = windowOf(windowSeconds);
      const redisKey = `medstore:rl:${key}:${start}`;
      const results = await redis
        .multi()
        .incr(redisKey)
        .expire(redisKey, windowSeconds + 1)
        .exec();
      const count = Number(results?.[0]?.[1] ?? 0);
      return { count, resetsInSeconds };
    },
    async refund(key, windowSeconds) {
      const { start } = windowOf(windowSeconds);
      // One round trip that leaves a missing or empty window alone (a plain DECR would create one at -1).
      await redis.eval(
        "if tonumber(redis.call('get', KEYS[1]) or '0') > 0 then return redis.call('decr', KEYS[1]) end return 0",
        1,
        `medstore:rl:${key}:${start}`,
      );
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
