import { and, eq, isNull } from 'drizzle-orm';
import type { Context } from 'hono';
import type { Db } from '#src/db/client.ts';
import type { CacheBus } from '#src/web/cache-bus.ts';
import type { AppEnv } from '#src/web/context.ts';
import { sessionTableOf } from '#src/web/session-table.ts';
import { Sessions } from '#src/web/sessions.ts';
import { type Customer, customerSessions, customers } from '../schema.ts';

export const CUSTOMER_COOKIE = 'sid';
const DAY = 24 * 60 * 60;
// Without "remember me" the cookie lasts for the browser session and the server side for a day;
// with it, thirty days.
const SHORT_SESSION_SECONDS = DAY;
const LONG_SESSION_SECONDS = 30 * DAY;

const table = sessionTableOf({
  table: customerSessions,
  columns: {
    tokenHash: customerSessions.tokenHash,
    ownerId: customerSessions.customerId,
    expiresAt: customerSessions.expiresAt,
    lastSeenAt: customerSessions.lastSeenAt,
    isPersistent: customerSessions.isPersistent,
  },
  row: ({ ownerId, ...session }) => ({ ...session, customerId: ownerId }),
});

const sessions = new Sessions({ name: 'customer', cookie: CUSTOMER_COOKIE, sameSite: 'Lax', table });

/**
 * Starts a new session (a new id on every sign-in, so a planted id is useless) and sets its cookie.
 * Returns the token and its expiry: API clients may send the token as a bearer token instead of the cookie.
 */
export function startCustomerSession(
  c: Context<AppEnv>,
  customerId: string,
  options: { remember: boolean },
): Promise<{ token: string; expiresAt: Date }> {
  const seconds = options.remember ? LONG_SESSION_SECONDS : SHORT_SESSION_SECONDS;
  return sessions.start(c, customerId, { seconds, isPersistent: options.remember });
}

/** Whether this request carries a live customer session; answered from the session cache, without a query. */
export async function hasCustomerSession(c: Context<AppEnv>): Promise<boolean> {
  return (await sessions.find(c)) !== undefined;
}

/** The id of this request's signed-in customer, from the session cache: no query on the common path. */
export async function sessionCustomerId(c: Context<AppEnv>): Promise<string | undefined> {
  return (await sessions.find(c))?.ownerId;
}

/** The signed-in customer of this request, from the session cookie or a bearer token; undefined if none. */
export async function findSessionCustomer(c: Context<AppEnv>): Promise<Customer | undefined> {
  const session = await sessions.find(c);
  if (!session) return undefined;
  const [customer] = await c.var.ctx.db
    .select()
    .from(customers)
    .where(and(eq(customers.id, session.ownerId), isNull(customers.deletedAt)));
  return customer;
}

/** Whether this request's session was started with "remember me", so a replacement session can keep that. */
export async function isSessionPersistent(c: Context<AppEnv>): Promise<boolean> {
  return (await sessions.find(c))?.isPersistent ?? false;
}

/** Ends this request's session and clears its cookie. */
export function endCustomerSession(c: Context<AppEnv>): Promise<void> {
  return sessions.end(c);
}

/** Ends every session of a customer inside `tx`, on every instance: after a new password, or deletion. */
export function endAllCustomerSessions(cache: CacheBus, tx: Db, customerId: string): Promise<void> {
  return sessions.endAll(cache, tx, customerId);
}
