import { and, eq, gt, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Db } from '#src/db/client.ts';
import { secureCookieOptions } from '#src/security/cookies.ts';
import { createToken, hashToken, isWellFormedToken } from '#src/security/tokens.ts';
import type { AppEnv } from '#src/web/context.ts';
import { type Customer, customerSessions, customers } from './schema.ts';

export const CUSTOMER_COOKIE = 'sid';
const DAY = 24 * 60 * 60;
// Without "remember me" the cookie lasts for the browser session and the server side for a day;
// with it, thirty days.
const SHORT_SESSION_SECONDS = DAY;
const LONG_SESSION_SECONDS = 30 * DAY;
const LAST_SEEN_STEP_MS = 5 * 60 * 1000;

/**
 * Starts a new session (a new id on every sign-in, so a planted id is useless) and sets its cookie.
 * Returns the token and its expiry: API clients may send the token as a bearer token instead of the cookie.
 */
export async function startCustomerSession(
  c: Context<AppEnv>,
  customerId: string,
  options: { remember: boolean },
): Promise<{ token: string; expiresAt: Date }> {
  const previous = getCookie(c, CUSTOMER_COOKIE);
  if (previous) await c.var.ctx.db.delete(customerSessions).where(eq(customerSessions.tokenHash, hashToken(previous)));
  const token = createToken();
  const seconds = options.remember ? LONG_SESSION_SECONDS : SHORT_SESSION_SECONDS;
  const expiresAt = new Date(Date.now() + seconds * 1000);
  await c.var.ctx.db.insert(customerSessions).values({
    tokenHash: hashToken(token),
    customerId,
    isPersistent: options.remember,
    expiresAt,
  });
  setCookie(c, CUSTOMER_COOKIE, token, secureCookieOptions(c, options.remember ? seconds : undefined));
  return { token, expiresAt };
}

function tokenOf(c: Context<AppEnv>): string | undefined {
  const auth = c.req.header('authorization');
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim() || undefined;
  return getCookie(c, CUSTOMER_COOKIE);
}

/** The signed-in customer of this request, from the session cookie or a bearer token; undefined if none. */
export async function findSessionCustomer(c: Context<AppEnv>): Promise<Customer | undefined> {
  const token = tokenOf(c);
  // A stale or made-up cookie must not cost every page a query: no session was ever stored under it.
  if (!token || !isWellFormedToken(token)) return undefined;
  const tokenHash = hashToken(token);
  const [row] = await c.var.ctx.db
    .select({ customer: customers, lastSeenAt: customerSessions.lastSeenAt })
    .from(customerSessions)
    .innerJoin(customers, eq(customers.id, customerSessions.customerId))
    .where(and(eq(customerSessions.tokenHash, tokenHash), gt(customerSessions.expiresAt, sql`now()`)))
    .limit(1);
  if (!row || row.customer.deletedAt) return undefined;
  // The data export tells the customer when each session was last used; a write on every request would cost
  // more than that date is worth, so it moves at most every few minutes.
  if (Date.now() - row.lastSeenAt.getTime() > LAST_SEEN_STEP_MS) {
    await c.var.ctx.db
      .update(customerSessions)
      .set({ lastSeenAt: new Date() })
      .where(eq(customerSessions.tokenHash, tokenHash));
  }
  return row.customer;
}

/** Whether this request's session was started with "remember me", so a replacement session can keep that. */
export async function isSessionPersistent(c: Context<AppEnv>): Promise<boolean> {
  const token = tokenOf(c);
  if (!token) return false;
  const [row] = await c.var.ctx.db
    .select({ isPersistent: customerSessions.isPersistent })
    .from(customerSessions)
    .where(eq(customerSessions.tokenHash, hashToken(token)));
  return row?.isPersistent ?? false;
}

/** Ends this request's session and clears its cookie. */
export async function endCustomerSession(c: Context<AppEnv>): Promise<void> {
  const token = tokenOf(c);
  if (token) await c.var.ctx.db.delete(customerSessions).where(eq(customerSessions.tokenHash, hashToken(token)));
  deleteCookie(c, CUSTOMER_COOKIE, secureCookieOptions(c));
}

/** Ends every session of a customer, e.g. after a password reset or account deletion. */
export async function endAllCustomerSessions(db: Db, customerId: string): Promise<void> {
  await db.delete(customerSessions).where(eq(customerSessions.customerId, customerId));
}
