import type { Context } from 'hono';
import { AppError } from '#src/lib/errors.ts';
import { checkUnderSignInLimits, signInLimitRules } from '#src/security/sign-in-limits.ts';
import { clientAddressOf } from '#src/web/client-address.ts';
import type { AppEnv } from '#src/web/context.ts';
import type { StaffUser } from './schema.ts';
import { authenticateStaff } from './service.ts';

// The same design as customers' (ADR 0004), with counters of their own: failures per account and address lock
// that pair, failures per address lock the address, and many failures on one account slow its checks down.
const STAFF_SIGN_IN_LIMITS = signInLimitRules('staff-sign-in');

export const WRONG_CREDENTIALS = 'That email and password do not match an active staff account.';

/** Checks the rate limits, then the password; throws 429 or 401 (the same message for any wrong detail). */
export async function checkStaffSignIn(c: Context<AppEnv>, email: string, password: string): Promise<StaffUser> {
  const { ctx } = c.var;
  const staff = await checkUnderSignInLimits(
    ctx.rateLimiter,
    STAFF_SIGN_IN_LIMITS,
    { email, ip: clientAddressOf(c) },
    () => authenticateStaff(ctx.db, email, password),
  );
  if (!staff) throw new AppError('UNAUTHORIZED', WRONG_CREDENTIALS, { fields: { _: WRONG_CREDENTIALS } });
  return staff;
}

/** Where to go after signing in: only a path inside the admin area, never another site. */
export function safeAdminNext(next: string | undefined): string {
  if (next && /^\/admin(?:[/?]|$)/.test(next) && !next.startsWith('//') && !next.includes('\\')) return next;
  return '/admin';
}
