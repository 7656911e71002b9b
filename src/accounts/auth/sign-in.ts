import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '#src/lib/errors.ts';
import { verifyAgainstDummy, verifyPassword } from '#src/security/passwords.ts';
import { enforceRateLimit } from '#src/security/rate-limit.ts';
import { checkUnderSignInLimits } from '#src/security/sign-in-limits.ts';
import type { AppContext } from '#src/web/context.ts';
import { type Customer, customers } from '../schema.ts';
import { LIMITS, SIGN_IN_LIMITS } from './limits.ts';

const INCORRECT = 'Email or password is incorrect.';

/**
 * Checks an email and password and returns the customer; the caller then starts a session. An unknown email
 * takes as long as a wrong password and gets the same message. Failures are limited per account and address
 * (SIGN_IN_LIMITS); the right password is never refused for failures made from elsewhere.
 */
export async function signIn(
  ctx: AppContext,
  o: { email: string; password: string; ip?: string | undefined },
): Promise<Customer> {
  const customer = await checkUnderSignInLimits(ctx.rateLimiter, SIGN_IN_LIMITS, { email: o.email, ip: o.ip }, () =>
    checkCustomerPassword(ctx, o.email, o.password),
  );
  if (!customer) throw new AppError('UNAUTHORIZED', INCORRECT, { fields: { _: INCORRECT } });
  return customer;
}

async function checkCustomerPassword(ctx: AppContext, email: string, password: string): Promise<Customer | undefined> {
  const [customer] = await ctx.db
    .select()
    .from(customers)
    .where(and(eq(customers.email, email), isNull(customers.deletedAt)));
  if (!customer?.passwordHash) {
    await verifyAgainstDummy(password);
    return undefined;
  }
  return (await verifyPassword(customer.passwordHash, password)) ? customer : undefined;
}

/**
 * Checks the password of a signed-in customer before a sensitive change; `field` names the form field the
 * error belongs to. Rate-limited, since a stolen session could otherwise guess the password.
 */
export async function confirmPassword(
  ctx: AppContext,
  customer: Customer,
  password: string,
  field = 'password',
): Promise<void> {
  await enforceRateLimit(ctx.rateLimiter, LIMITS.passwordCheck, customer.id);
  if (!(await verifyPassword(customer.passwordHash, password))) {
    throw new AppError('VALIDATION', 'Your current password is not correct.', {
      fields: { [field]: 'This is not your current password.' },
    });
  }
}
