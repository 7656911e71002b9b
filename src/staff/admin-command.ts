import type { Db } from '#src/db/client.ts';
import { AppError } from '#src/lib/errors.ts';
import { ADMIN_HELP, AdminUsageError } from './admin-usage.ts';
import { STAFF_ROLES } from './schema.ts';
import { createStaff } from './service.ts';

export type AdminCreateOptions = {
  email?: string | undefined;
  password?: string | undefined;
  role?: string | undefined;
  name?: string | undefined;
};

/**
 * `medstore admin create`: creates a staff account, recorded in the audit log as done from the command line.
 * Returns the line to print; a weak password, a taken email or a bad role throw AppError with a clear message.
 */
export async function runAdminCreate(db: Db, o: AdminCreateOptions): Promise<string> {
  const missing = (['email', 'password'] as const).filter((k) => !o[k]);
  if (missing.length)
    throw new AdminUsageError(`Missing ${missing.map((k) => `--${k}`).join(' and ')}.\n\n${ADMIN_HELP}`);
  const role = o.role ?? 'owner';
  if (!(STAFF_ROLES as readonly string[]).includes(role)) {
    throw new AppError('VALIDATION', `Unknown role "${role}": choose owner, admin or staff.`);
  }
  const staff = await createStaff(db, null, { email: o.email!, password: o.password!, role, name: o.name });
  return `Created ${staff.role} ${staff.email}. Sign in at /admin/login.`;
}
