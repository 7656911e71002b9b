import { eq } from 'drizzle-orm';
import { queueCustomerMail } from '#src/accounts/mails/customer-mails.ts';
import { customers } from '#src/accounts/schema.ts';
import { todayUtc } from '#src/lib/dates.ts';
import { AppError } from '#src/lib/errors.ts';
import { uuidSchema } from '#src/lib/ids.ts';
import type { NewMail } from '#src/mail/outbox.ts';
import { type AuditActor, recordAudit } from '#src/staff/audit.ts';
import { settingsOf } from '#src/store/settings.ts';
import type { AppContext } from '#src/web/context.ts';
import {
  composeLicenceApproved,
  composeLicenceRejected,
  composeLicenceSuspended,
  type LicenceMailSender,
} from './mails.ts';
import { type Licence, licences } from './schema.ts';
import { reasonSchema } from './validators.ts';

export const REVIEW_ACTIONS = ['approve', 'reject', 'suspend'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

const NEXT_STATUS: Record<ReviewAction, Licence['status']> = {
  approve: 'approved',
  reject: 'rejected',
  suspend: 'suspended',
};

// Which statuses each action may start from: approval reinstates a suspension too; a rejection or an expiry
// is final, and the customer submits again.
const ALLOWED_FROM: Record<ReviewAction, readonly Licence['status'][]> = {
  approve: ['pending', 'suspended'],
  reject: ['pending', 'suspended'],
  suspend: ['approved'],
};

/** What the audit log keeps of a licence: the review facts, not the holder's document. */
export function auditViewOfLicence(l: Licence) {
  return { status: l.status, reason: l.rejectionReason, reviewedBy: l.reviewedBy, expiresOn: l.expiresOn };
}

function refusedTransition(action: ReviewAction, l: Licence): string | undefined {
  if (!ALLOWED_FROM[action].includes(l.status)) {
    return `This licence is ${l.status}; it cannot be ${NEXT_STATUS[action]} from that status.`;
  }
  if (action === 'approve' && l.expiresOn < todayUtc()) {
    return `This licence expired on ${l.expiresOn}; it cannot be approved. Reject it and ask for the current licence.`;
  }
  return undefined;
}

/**
 * Approves, rejects or suspends a licence. The status change, the audit entry and the customer's email are
 * written in one transaction; rejecting and suspending need a reason the customer will read.
 */
export async function reviewLicence(
  ctx: Pick<AppContext, 'db' | 'config' | 'cache'>,
  staff: NonNullable<AuditActor>,
  o: { licenceId: string; action: ReviewAction; reason?: string | undefined },
): Promise<Licence> {
  let reason = '';
  if (o.action !== 'approve') {
    const parsed = reasonSchema.safeParse(o.reason ?? '');
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? 'Give the reason the customer will read.';
      throw new AppError('VALIDATION', message, { fields: { reason: message } });
    }
    reason = parsed.data;
  }
  if (!uuidSchema.safeParse(o.licenceId).success) throw new AppError('NOT_FOUND', 'There is no licence with this id.');
  const sender: LicenceMailSender = { store: await settingsOf(ctx), baseUrl: ctx.config.baseUrl };
  return ctx.db.transaction(async (tx) => {
    const [found] = await tx
      .select({ licence: licences, email: customers.email, name: customers.name, deletedAt: customers.deletedAt })
      .from(licences)
      .innerJoin(customers, eq(customers.id, licences.customerId))
      .where(eq(licences.id, o.licenceId))
      .for('update', { of: licences });
    if (!found) throw new AppError('NOT_FOUND', 'There is no licence with this id.');
    const before = found.licence;
    const refusal = refusedTransition(o.action, before);
    if (refusal) throw new AppError('CONFLICT', refusal, { fields: { _: refusal } });
    const [after] = await tx
      .update(licences)
      .set({
        status: NEXT_STATUS[o.action],
        rejectionReason: reason,
        reviewedBy: staff.id,
        reviewedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(licences.id, before.id))
      .returning();
    await recordAudit(tx, {
      staff,
      action: `licence.${o.action}`,
      entityType: 'licence',
      entityId: before.id,
      before: auditViewOfLicence(before),
      after: auditViewOfLicence(after!),
    });
    if (!found.deletedAt) {
      const recipient = { email: found.email, name: found.name };
      let mail: NewMail;
      if (o.action === 'approve') mail = await composeLicenceApproved(sender, recipient, after!);
      else if (o.action === 'reject') mail = await composeLicenceRejected(sender, recipient, after!, reason);
      else mail = await composeLicenceSuspended(sender, recipient, after!, reason);
      await queueCustomerMail(tx, before.customerId, mail);
    }
    return after!;
  });
}
