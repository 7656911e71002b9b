import { setTimeout as sleep } from 'node:timers/promises';
import { enforceRateLimit, type RateLimiter, type RateLimitRule, refundRateLimit } from './rate-limit.ts';

/**
 * How password guessing is limited (docs/decisions/0004-sign-in-limits.md). Only failures count: the right
 * password gives its attempt back, so nobody can lock an account's owner out by failing on purpose.
 */
export type SignInLimitRules = {
  /** Failures for one account from one client address: past the limit that pair is refused until its window ends. */
  pair: RateLimitRule;
  /** Failures from one client address over all accounts: stops one client trying a password on many accounts. */
  address: RateLimitRule;
  /**
   * Failures for one account from every address: past `slowAfter`, each further check of that account waits
   * `delayStepMs` more (at most `maxDelayMs`) before it runs. It slows guessing from many addresses but never
   * refuses, so the owner still signs in, a little later.
   */
  account: { name: string; windowSeconds: number; slowAfter: number; delayStepMs: number; maxDelayMs: number };
};

const MINUTE = 60;

/** The rules customers and staff sign in under; each keeps its own counters through its own `prefix`. */
export function signInLimitRules(prefix: string): SignInLimitRules {
  return {
    pair: { name: `${prefix}-fail-pair`, limit: 5, windowSeconds: 15 * MINUTE },
    address: { name: `${prefix}-fail-address`, limit: 20, windowSeconds: 15 * MINUTE },
    account: {
      name: `${prefix}-fail-account`,
      windowSeconds: 60 * MINUTE,
      slowAfter: 10,
      delayStepMs: 500,
      maxDelayMs: 5000,
    },
  };
}

/**
 * Runs one password check under the sign-in limits; `check` answers the signed-in user, or undefined for a
 * wrong email or password. Throws RATE_LIMITED (429 with Retry-After) when this account and address, or this
 * address, failed too often. Each attempt is counted before its check, so a burst sent at once cannot slip past
 * a limit, and given back when the password was right.
 */
export async function checkUnderSignInLimits<T>(
  limiter: RateLimiter,
  rules: SignInLimitRules,
  subject: { email: string; ip: string | undefined },
  check: () => Promise<T | undefined>,
): Promise<T | undefined> {
  const email = subject.email.trim().toLowerCase();
  // Without a known address (another runtime, a test) every such client shares one pair per account.
  const pair = `${email}|${subject.ip ?? 'unknown'}`;
  await enforceRateLimit(limiter, rules.pair, pair);
  if (subject.ip) await enforceRateLimit(limiter, rules.address, subject.ip);
  const account = `${rules.account.name}:${email}`;
  const { count } = await limiter.hit(account, rules.account.windowSeconds);
  const excess = count - rules.account.slowAfter;
  if (excess > 0) await sleep(Math.min(rules.account.maxDelayMs, excess * rules.account.delayStepMs));
  const result = await check();
  if (result !== undefined) {
    await Promise.all([
      refundRateLimit(limiter, rules.pair, pair),
      subject.ip ? refundRateLimit(limiter, rules.address, subject.ip) : undefined,
      limiter.refund(account, rules.account.windowSeconds),
    ]);
  }
  return result;
}
