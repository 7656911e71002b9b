import type { Context } from 'hono';
import { AppError } from '#src/lib/errors.ts';
import type { AppEnv } from '#src/web/context.ts';
import { isApiPath } from '#src/web/problem.ts';
import { SignInRequired } from '#src/web/sign-in-required.ts';
import type { Customer } from '../schema.ts';
import { findSessionCustomer } from './sessions.ts';

const cached = new WeakMap<Request, Customer | null>();

/** The signed-in customer, looked up once per request; undefined for visitors. */
export async function currentCustomer(c: Context<AppEnv>): Promise<Customer | undefined> {
  const request = c.req.raw;
  if (!cached.has(request)) cached.set(request, (await findSessionCustomer(c)) ?? null);
  return cached.get(request) ?? undefined;
}

/** Forgets the customer looked up for this request, after its session was started, changed or ended. */
export function forgetCurrentCustomer(c: Context<AppEnv>): void {
  cached.delete(c.req.raw);
}

/**
 * The signed-in customer, or: for pages a redirect to sign-in that comes back here afterwards; for the API
 * a 401 problem.
 */
export async function requireCustomer(c: Context<AppEnv>): Promise<Customer> {
  const customer = await currentCustomer(c);
  if (customer) return customer;
  if (isApiPath(c.req.path)) throw new AppError('UNAUTHORIZED', 'Sign in to use this endpoint.');
  const next = c.req.method === 'GET' ? c.req.path : '/account';
  throw new SignInRequired(`/account/sign-in?next=${encodeURIComponent(next)}`);
}
