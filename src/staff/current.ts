import type { Context } from 'hono';
import { AppError } from '#src/lib/errors.ts';
import type { AppEnv } from '#src/web/context.ts';
import { isApiPath } from '#src/web/problem.ts';
import { SignInRequired } from '#src/web/sign-in-required.ts';
import { hasPermission, type Permission } from './permissions.ts';
import type { StaffUser } from './schema.ts';
import { findSessionStaff } from './sessions.ts';

const cached = new WeakMap<Request, StaffUser | null>();

/** The staff member signed in on this request, looked up once per request. */
export async function currentStaff(c: Context<AppEnv>): Promise<StaffUser | undefined> {
  const request = c.req.raw;
  if (!cached.has(request)) cached.set(request, (await findSessionStaff(c)) ?? null);
  return cached.get(request) ?? undefined;
}

/** Forgets the cached lookup, after this request signed someone in or out. */
export function forgetCurrentStaff(c: Context<AppEnv>): void {
  cached.delete(c.req.raw);
}

/**
 * The signed-in staff member, checked on the server for one permission. Without a session: pages redirect to
 * the admin sign-in, the API answers 401. Without the permission: 403.
 */
export async function requireStaff(c: Context<AppEnv>, permission?: Permission): Promise<StaffUser> {
  const staff = await currentStaff(c);
  if (!staff) {
    if (isApiPath(c.req.path)) {
      throw new AppError('UNAUTHORIZED', 'Sign in as staff: send a bearer token from POST /api/admin/session.', {
        headers: { 'WWW-Authenticate': 'Bearer realm="medstore admin"' },
      });
    }
    const next = c.req.method === 'GET' ? c.req.path : '/admin';
    throw new SignInRequired(`/admin/login?next=${encodeURIComponent(next)}`);
  }
  if (permission && !hasPermission(staff.role, permission)) {
    throw new AppError('FORBIDDEN', `Your role (${staff.role}) does not allow this. Ask an owner if you need it.`);
  }
  return staff;
}

/** The signed-in staff member as the audit log names them. */
export function actorOf(staff: StaffUser): { id: string; email: string } {
  return { id: staff.id, email: staff.email };
}
