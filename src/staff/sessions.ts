import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import type { Db } from '#src/db/client.ts';
import type { CacheBus } from '#src/web/cache-bus.ts';
import type { AppEnv } from '#src/web/context.ts';
import { sessionTableOf } from '#src/web/session-table.ts';
import { Sessions } from '#src/web/sessions.ts';
import { type StaffUser, staffSessions, staffUsers } from './schema.ts';

/** Another name than the customers' `sid`, so a customer's cookie can never open the admin area. */
export const STAFF_COOKIE = 'staff_sid';
export const STAFF_SESSION_SECONDS = 12 * 60 * 60;

const table = sessionTableOf({
  table: staffSessions,
  columns: {
    tokenHash: staffSessions.tokenHash,
    ownerId: staffSessions.staffId,
    expiresAt: staffSessions.expiresAt,
    lastSeenAt: staffSessions.lastSeenAt,
  },
  // Staff sessions always last their 12 hours.
  row: ({ tokenHash, ownerId, expiresAt }) => ({ tokenHash, staffId: ownerId, expiresAt }),
});

// SameSite=Strict: no link from another site arrives in the admin area signed in.
const sessions = new Sessions({ name: 'staff', cookie: STAFF_COOKIE, sameSite: 'Strict', table });

/** Creates a session for a bearer client and returns its token; only the token's SHA-256 is stored. */
export function createStaffSession(db: Db, staffId: string): Promise<{ token: string; expiresAt: Date }> {
  return sessions.issue(db, staffId, { seconds: STAFF_SESSION_SECONDS });
}

/** Signs a staff member in on this browser with a new session id, in a cookie lasting the session's 12 hours. */
export async function startStaffSession(c: Context<AppEnv>, staffId: string): Promise<void> {
  await sessions.start(c, staffId, { seconds: STAFF_SESSION_SECONDS, isPersistent: true });
}

/** The active staff member signed in on this request by cookie or bearer token; undefined if none. */
export async function findSessionStaff(c: Context<AppEnv>): Promise<StaffUser | undefined> {
  const session = await sessions.find(c);
  if (!session) return undefined;
  const [staff] = await c.var.ctx.db.select().from(staffUsers).where(eq(staffUsers.id, session.ownerId));
  return staff?.isActive ? staff : undefined;
}

/** Ends this request's staff session (cookie or bearer token) and clears the cookie. */
export function endStaffSession(c: Context<AppEnv>): Promise<void> {
  return sessions.end(c);
}

/** Ends every session of a staff member inside `tx` (role change, deactivation), on every instance. */
export function endAllStaffSessions(cache: CacheBus, tx: Db, staffId: string): Promise<void> {
  return sessions.endAll(cache, tx, staffId);
}
