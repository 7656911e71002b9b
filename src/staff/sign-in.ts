import type { Context } from 'hono';
import { AppError } from '#src/lib/errors.ts';
import { enforceRateLimit, type RateLimitRule } from '#src/security/rate-limit.ts';
import { clientAddressOf } from '#src/web/client-address.ts';
import type { AppEnv } from '#src/web/context.ts';
import type { StaffUser } from './schema.ts';
import { authenticateStaff } from './service.ts';

// Every attempt counts, right or wrong: guessing a staff password must stay slow even with a known email.
const BY_EMAIL: RateLimitRule = { name: 'staff-sign-in', limit: 5, windowSeconds: 15 * 60 };
const BY_ADDRESS: RateLimitRule = { name: 'staff-sign-in-address', limit: 30, windowSeconds: 15 * 60 };

export const WRONG_CREDENTIALS = 'That email and password do not match an active staff account.';

/** Checks the rate limits, then the password; throws 429 or 401 (the same message for any wrong detail). */
export async function checkStaffSignIn(c: Context<AppEnv>, email: string, password: string): Promise<StaffUser> {
  const { ctx } = c.var;
  const address = clientAddressOf(c);
  if (address) await enforceRateLimit(ctx.rateLimiter, BY_ADDRESS, address);
  await enforceRateLimit(ctx.rateLimiter, BY_EMAIL, email.trim().toLowerCase());
  const staff = await authenticateStaff(ctx.db, email, password);
  if (!staff) throw new AppError('UNAUTHORIZED', WRONG_CREDENTIALS, { fields: { _: WRONG_CREDENTIALS } });
  return staff;
}

/** Where to go after signing in: only a path inside the admin area, never another site. */
export function safeAdminNext(next: string | undefined): string {
  if (next && /^\/admin(?:[/?]|$)/.test(next) && !next.startsWith('//') && !next.includes('\\')) return next;
  return '/admin';
}
