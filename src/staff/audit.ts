import { count, desc, eq } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { auditLog } from './schema.ts';

/** Who acted: a signed-in staff member, or null for the command line. */
export type AuditActor = { id: string; email: string } | null;

export const AUDIT_ENTITY_TYPES = [
  'licence',
  'staff',
  'settings',
  'category',
  'product',
  'customer',
  'lot',
  'stock-rules',
  'shipping',
  'tax-rate',
  'order',
  'article',
  'product-import',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

export const COMMAND_LINE_ACTOR = 'command line';
/** How the audit log names the daily licence job when it expires a licence. */
export const DAILY_JOB_ACTOR = 'daily licence job';

/**
 * Records a staff action. Pass the transaction that makes the change, so the entry exists exactly when the
 * change does.
 */
export async function recordAudit(
  tx: Db,
  o: {
    staff: AuditActor;
    /** Names an actor that is not a staff member; defaults to the command line. */
    actorLabel?: string;
    action: string;
    entityType: AuditEntityType;
    entityId: string;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  },
): Promise<void> {
  await tx.insert(auditLog).values({
    staffId: o.staff?.id ?? null,
    actorEmail: o.staff?.email ?? o.actorLabel ?? COMMAND_LINE_ACTOR,
    action: o.action,
    entityType: o.entityType,
    entityId: o.entityId,
    before: o.before,
    after: o.after,
  });
}

export type AuditEntry = typeof auditLog.$inferSelect;

/** The audit log, newest first. */
export async function listAuditEntries(
  db: Db,
  o: { entityType?: AuditEntityType | undefined; page: number; limit: number },
): Promise<{ items: AuditEntry[]; total: number }> {
  const where = o.entityType ? eq(auditLog.entityType, o.entityType) : undefined;
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(o.limit)
      .offset((o.page - 1) * o.limit),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export type AuditChange = { field: string; before: unknown; after: unknown };

/** The fields an action changed, for showing before and after side by side. */
export function diffAudit(before: unknown, after: unknown): AuditChange[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields
    .filter((field) => JSON.stringify(b[field]) !== JSON.stringify(a[field]))
    .map((field) => ({ field, before: b[field], after: a[field] }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
