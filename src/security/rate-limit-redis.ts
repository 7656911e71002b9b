import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { windowOf } from './fixed-window.ts';
import type { RateLimiter } from './rate-limit.ts';

// A rate limit sits in front of every sign-in: Redis gets half a second to connect or answer, then the database
// counts instead.
const CONNECT_TIMEOUT_MS = 500;
const COMMAND_TIMEOUT_MS = 500;

/**
 * Counts in Redis while it answers and in `fallback` (the database) while it does not, so an outage slows
 * nothing and refuses nothing. Counts made during an outage stay in the database: a client may get a fresh
 * window when counting moves, which is the price of not failing sign-ins.
 */
export function createRedisLimiter(url: string, fallback: RateLimiter, log: Logger): RateLimiter {
  const redis = new Redis(url, {
    connectTimeout: CONNECT_TIMEOUT_MS,
    commandTimeout: COMMAND_TIMEOUT_MS,
    // While Redis is down a command fails at once instead of waiting in a queue or being retried.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    // Reconnects in the background, at least every two seconds, so counting returns to Redis soon after it does.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  // One warning per outage, and one line when it ends, however many requests and reconnect attempts it spans.
  let isDown = false;
  const wentDown = (reason: string) => {
    if (isDown) return;
    isDown = true;
    log.warn({ reason }, 'Redis does not answer: rate limits count in the database until it does');
  };
  const cameBack = () => {
    if (!isDown) return;
    isDown = false;
    log.info('Redis answers again: rate limits count there again');
  };
  redis.on('error', (err: Error) => wentDown(err.message));
  redis.on('ready', cameBack);
  // The first requests after a start wait for the first connection (bounded by its timeout), so that they count
  // in Redis like the rest rather than in the database.
  const firstConnection = new Promise<void>((resolve) => {
    redis.once('ready', () => resolve());
    redis.once('error', () => resolve());
    setTimeout(resolve, CONNECT_TIMEOUT_MS + 100).unref();
  });

  return {
    async hit(key, windowSeconds) {
      await firstConnection;
      if (redis.status !== 'ready') {
        wentDown(`connection ${redis.status}`);
        return fallback.hit(key, windowSeconds);
      }
      const { start, resetsInSeconds } = windowOf(windowSeconds);
      const redisKey = `medstore:rl:${key}:${start}`;
      try {
        const results = await redis
          .multi()
          .incr(redisKey)
          .expire(redisKey, windowSeconds + 1)
          .exec();
        const [failed, count] = results?.[0] ?? [new Error('the transaction was discarded')];
        if (failed) throw failed;
        cameBack();
        return { count: Number(count), resetsInSeconds };
      } catch (err) {
        wentDown(err instanceof Error ? err.message : String(err));
        return fallback.hit(key, windowSeconds);
      }
    },
    async refund(key, windowSeconds) {
      await firstConnection;
      if (redis.status !== 'ready') return fallback.refund(key, windowSeconds);
      const { start } = windowOf(windowSeconds);
      try {
        // One round trip that leaves a missing or empty window alone (a plain DECR would create one at -1).
        await redis.eval(
          "if tonumber(redis.call('get', KEYS[1]) or '0') > 0 then return redis.call('decr', KEYS[1]) end return 0",
          1,
          `medstore:rl:${key}:${start}`,
        );
      } catch (err) {
        wentDown(err instanceof Error ? err.message : String(err));
        await fallback.refund(key, windowSeconds);
      }
    },
    async close() {
      if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
      else redis.disconnect();
      await fallback.close();
    },
  };
}
