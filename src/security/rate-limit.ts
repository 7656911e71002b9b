import { and, eq, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '#src/db/client.ts';
import { AppError } from '#src/lib/errors.ts';
import { windowOf } from './fixed-window.ts';
import { rateLimitHits } from './schema.ts';

export type RateLimitRule = { name: string; limit: number; windowSeconds: number; message?: string };

/**
 * Counts hits per key in fixed windows, in Redis when REDIS_URL is set and Redis answers, else in the database.
 */
export type RateLimiter = {
  hit(key: string, windowSeconds: number): Promise<{ count: number; resetsInSeconds: number }>;
  /**
   * Takes back one hit of the current window, for an attempt that turned out not to count (a right password
   * where only failures are limited). Never goes below zero, nor creates a window that had no hits.
   */
  refund(key: string, windowSeconds: number): Promise<void>;
  close(): Promise<void>;
};

export async function createRateLimiter(db: Db, redisUrl: string | undefined, log: Logger): Promise<RateLimiter> {
  const database = createDatabaseLimiter(db);
  if (!redisUrl) return database;
  // The Redis client takes about 0.1 s to load: only stores that use it pay for it at start.
  const { createRedisLimiter } = await import('./rate-limit-redis.ts');
  return createRedisLimiter(redisUrl, database, log);
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
