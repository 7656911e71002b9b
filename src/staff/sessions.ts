import { and, eq, gt, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Db } from '#src/db/client.ts';
import { secureCookieOptions } from '#src/security/cookies.ts';
import { createToken, hashToken } from '#src/security/tokens.ts';
import type { AppEnv } from '#src/web/context.ts';
import { type StaffUser, staffSessions, staffUsers } from './schema.ts';

/** Another name than the customers' `sid`, so a customer's cookie can never open the admin area. */
export const STAFF_COOKIE = 'staff_sid';
export const STAFF_SESSION_SECONDS = 12 * 60 * 60;

/** Creates a session row and returns its token; only the token's SHA-256 is stored. */
export async function createStaffSession(db: Db, staffId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = createToken();
  const expiresAt = new Date(Date.now() + STAFF_SESSION_SECONDS * 1000);
  await db.insert(staffSessions).values({ tokenHash: hashToken(token), staffId, expiresAt });
  return { token, expiresAt };
}

/**
 * Signs a staff member in on this browser with a new session id (a planted or earlier id is dropped), in a
 * cookie that is HttpOnly, SameSite=Strict and Secure on https.
 */
export async function startStaffSession(c: Context<AppEnv>, staffId: string): Promise<void> {
  const { db } = c.var.ctx;
  const previous = getCookie(c, STAFF_COOKIE);
  if (previous) await db.delete(staffSessions).where(eq(staffSessions.tokenHash, hashToken(previous)));
  const { token } = await createStaffSession(db, staffId);
  setCookie(c, STAFF_COOKIE, token, { ...secureCookieOptions(c, STAFF_SESSION_SECONDS), sameSite: 'Strict' });
}

function tokenOf(c: Context<AppEnv>): string | undefined {
  const auth = c.req.header('authorization');
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim() || undefined;
  return getCookie(c, STAFF_COOKIE);
}

/** The active staff member signed in on this request by cookie or bearer token; undefined if none. */
export async function findSessionStaff(c: Context<AppEnv>): Promise<StaffUser | undefined> {
  const token = tokenOf(c);
  if (!token) return undefined;
  const [row] = await c.var.ctx.db
    .select({ staff: staffUsers })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.staffId))
    .where(and(eq(staffSessions.tokenHash, hashToken(token)), gt(staffSessions.expiresAt, sql`now()`)))
    .limit(1);
  return row?.staff.isActive ? row.staff : undefined;
}

/** Ends this request's staff session (cookie or bearer token) and clears the cookie. */
export async function endStaffSession(c: Context<AppEnv>): Promise<void> {
  const token = tokenOf(c);
  if (token) await c.var.ctx.db.delete(staffSessions).where(eq(staffSessions.tokenHash, hashToken(token)));
  deleteCookie(c, STAFF_COOKIE, { path: '/' });
}
