import { enforceRateLimit, type RateLimiter, type RateLimitRule } from '#src/security/rate-limit.ts';
import { signInLimitRules } from '#src/security/sign-in-limits.ts';

const MINUTE = 60;
const HOUR = 60 * MINUTE;

/** Password guessing: failures only, per account and address, per address, and a slow-down per account. */
export const SIGN_IN_LIMITS = signInLimitRules('sign-in');

// Per email the limits stop flooding one mailbox; per address they stop one client from spreading the same
// over many accounts.
export const LIMITS = {
  registerPerEmail: { name: 'register-email', limit: 3, windowSeconds: HOUR },
  registerPerIp: { name: 'register-ip', limit: 10, windowSeconds: HOUR },
  resetPerEmail: { name: 'reset-email', limit: 3, windowSeconds: HOUR },
  resetPerIp: { name: 'reset-ip', limit: 10, windowSeconds: HOUR },
  verifyPerEmail: { name: 'verify-email', limit: 3, windowSeconds: HOUR },
  verifyPerIp: { name: 'verify-ip', limit: 10, windowSeconds: HOUR },
  // Confirming a password while signed in (change password or email, delete account) is a guess too.
  passwordCheck: { name: 'password-check', limit: 10, windowSeconds: 15 * MINUTE },
  changeEmail: { name: 'change-email', limit: 5, windowSeconds: HOUR },
} satisfies Record<string, RateLimitRule>;

/** Counts one attempt against a per-email rule and, where the client's address is known, a per-address rule. */
export async function limitAttempt(
  limiter: RateLimiter,
  rules: { email: RateLimitRule; ip: RateLimitRule },
  subject: { email: string; ip: string | undefined },
): Promise<void> {
  if (subject.ip) await enforceRateLimit(limiter, rules.ip, subject.ip);
  await enforceRateLimit(limiter, rules.email, subject.email);
}
