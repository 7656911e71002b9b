import { and, eq } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { AppError } from '#src/lib/errors.ts';
import { describeWeakPassword, hashPassword, verifyAgainstDummy, verifyPassword } from '#src/security/passwords.ts';
import type { CacheBus } from '#src/web/cache-bus.ts';
import { fieldErrorsOf } from '#src/web/validation.ts';
import { type AuditActor, recordAudit } from './audit.ts';
import { type StaffRole, type StaffUser, staffUsers } from './schema.ts';
import { endAllStaffSessions } from './sessions.ts';
import { staffCreateSchema } from './validators.ts';

/** What the audit log keeps of a staff account: never the password hash. */
export function auditViewOfStaff(s: Pick<StaffUser, 'email' | 'name' | 'role' | 'isActive'>) {
  return { email: s.email, name: s.name, role: s.role, isActive: s.isActive };
}

/** Creates a staff account; `actor` is null when created from the command line. */
export async function createStaff(
  db: Db,
  actor: AuditActor,
  input: { email: string; password: string; role: string; name?: string | undefined },
): Promise<StaffUser> {
  const parsed = staffCreateSchema.safeParse({ ...input, name: input.name ?? '' });
  if (!parsed.success) {
    const fields = fieldErrorsOf(parsed.error);
    throw new AppError('VALIDATION', Object.values(fields)[0] ?? 'Check the details.', { fields });
  }
  const { email, name, password, role } = parsed.data;
  const weakness = describeWeakPassword(password, [email.split('@')[0] ?? '', name]);
  if (weakness) throw new AppError('VALIDATION', weakness, { fields: { password: weakness } });
  // Hashing takes a while: done before the transaction so it never holds the database.
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.email, email));
    if (taken) {
      const message = `A staff account with the email ${email} already exists.`;
      throw new AppError('CONFLICT', message, { fields: { email: message } });
    }
    const [row] = await tx.insert(staffUsers).values({ email, name, passwordHash, role }).returning();
    await recordAudit(tx, {
      staff: actor,
      action: 'staff.create',
      entityType: 'staff',
      entityId: row!.id,
      before: null,
      after: auditViewOfStaff(row!),
    });
    return row!;
  });
}

/** The staff member with this email and password, or undefined; as slow for unknown emails as for known ones. */
export async function authenticateStaff(db: Db, email: string, password: string): Promise<StaffUser | undefined> {
  const [staff] = await db.select().from(staffUsers).where(eq(staffUsers.email, email.trim().toLowerCase()));
  if (!staff) {
    await verifyAgainstDummy(password);
    return undefined;
  }
  const isValid = await verifyPassword(staff.passwordHash, password);
  return isValid && staff.isActive ? staff : undefined;
}

export function listStaff(db: Db): Promise<StaffUser[]> {
  return db.select().from(staffUsers).orderBy(staffUsers.email);
}

export async function findStaff(db: Db, id: string): Promise<StaffUser | undefined> {
  const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, id));
  return row;
}

const LAST_OWNER =
  'This is the last active owner. Make another staff member an owner first, so someone can still manage staff.';

/**
 * Changes a role or deactivates an account. Either ends every session of that staff member, so the new
 * privileges take effect with a fresh session id. The active owners are locked first, so two owners demoting
 * each other at once cannot leave the store without one.
 */
export async function updateStaff(
  { db, cache }: { db: Db; cache: CacheBus },
  actor: NonNullable<AuditActor>,
  staffId: string,
  change: { role?: StaffRole | undefined; isActive?: boolean | undefined },
): Promise<StaffUser> {
  return db.transaction(async (tx) => {
    const owners = await tx
      .select({ id: staffUsers.id })
      .from(staffUsers)
      .where(and(eq(staffUsers.role, 'owner'), eq(staffUsers.isActive, true)))
      .for('update');
    const [target] = await tx.select().from(staffUsers).where(eq(staffUsers.id, staffId)).for('update');
    if (!target) throw new AppError('NOT_FOUND', 'No staff account has this id.');
    const next = { role: change.role ?? target.role, isActive: change.isActive ?? target.isActive };
    if (next.role === target.role && next.isActive === target.isActive) return target;
    const losesOwner = target.role === 'owner' && target.isActive && (next.role !== 'owner' || !next.isActive);
    if (losesOwner && owners.filter((o) => o.id !== target.id).length === 0) {
      throw new AppError('CONFLICT', LAST_OWNER, { fields: { role: LAST_OWNER } });
    }
    const [row] = await tx
      .update(staffUsers)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(staffUsers.id, staffId))
      .returning();
    await endAllStaffSessions(cache, tx, staffId);
    const action =
      next.isActive !== target.isActive ? (next.isActive ? 'staff.reactivate' : 'staff.deactivate') : 'staff.role';
    await recordAudit(tx, {
      staff: actor,
      action,
      entityType: 'staff',
      entityId: staffId,
      before: auditViewOfStaff(target),
      after: auditViewOfStaff(row!),
    });
    return row!;
  });
}
