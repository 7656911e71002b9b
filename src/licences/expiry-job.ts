import { and, eq, gte, isNull, lt, lte, sql } from 'drizzle-orm';
import { queueCustomerMail } from '#src/accounts/mails/customer-mails.ts';
import { customers } from '#src/accounts/schema.ts';
import { defineDailyJob } from '#src/jobs/definition.ts';
import { addDays, todayUtc } from '#src/lib/dates.ts';
import { DAILY_JOB_ACTOR, recordAudit } from '#src/staff/audit.ts';
import { settingsOf } from '#src/store/settings.ts';
import type { AppContext } from '#src/web/context.ts';
import { composeLicenceExpired, composeLicenceReminder, type LicenceMailSender, REMINDER_DAYS } from './mails.ts';
import { auditViewOfLicence } from './review.ts';
import { licences } from './schema.ts';

/**
 * The daily licence run: approved licences whose expiry date has passed become `expired`, and licences that
 * expire within 30 days get one reminder (reminderSentAt). Each row changes together with its mail in one
 * transaction, so running it twice on a day, or on two instances, sends nothing twice.
 */
export async function runLicenceExpiry(
  ctx: Pick<AppContext, 'db' | 'config' | 'cache'>,
  today = todayUtc(),
): Promise<{ expired: number; reminded: number }> {
  const sender: LicenceMailSender = { store: await settingsOf(ctx), baseUrl: ctx.config.baseUrl };
  return ctx.db.transaction(async (tx) => {
    const lapsed = await tx
      .update(licences)
      .set({ status: 'expired', updatedAt: new Date() })
      .where(and(eq(licences.status, 'approved'), lt(licences.expiresOn, today)))
      .returning();
    for (const after of lapsed) {
      await recordAudit(tx, {
        staff: null,
        actorLabel: DAILY_JOB_ACTOR,
        action: 'licence.expire',
        entityType: 'licence',
        entityId: after.id,
        before: { ...auditViewOfLicence(after), status: 'approved' },
        after: auditViewOfLicence(after),
      });
    }
    // A customer who already sent the renewal (another approved or pending licence of that type that runs
    // longer) needs no reminder.
    const renewed = sql`exists (select 1 from ${licences} as other where other.customer_id = ${licences.customerId}
      and other.type = ${licences.type} and other.id <> ${licences.id}
      and other.status in ('approved', 'pending') and other.expires_on > ${licences.expiresOn})`;
    const due = await tx
      .update(licences)
      .set({ reminderSentAt: new Date() })
      .where(
        and(
          eq(licences.status, 'approved'),
          gte(licences.expiresOn, today),
          lte(licences.expiresOn, addDays(today, REMINDER_DAYS)),
          isNull(licences.reminderSentAt),
          sql`not ${renewed}`,
        ),
      )
      .returning();
    const ids = [...new Set([...lapsed, ...due].map((l) => l.customerId))];
    const people = ids.length
      ? await tx
          .select({ id: customers.id, email: customers.email, name: customers.name, deletedAt: customers.deletedAt })
          .from(customers)
          .where(sql`${customers.id} in ${ids}`)
      : [];
    const byId = new Map(people.filter((p) => !p.deletedAt).map((p) => [p.id, p]));
    for (const l of lapsed) {
      const person = byId.get(l.customerId);
      if (person) await queueCustomerMail(tx, person.id, await composeLicenceExpired(sender, person, l));
    }
    for (const l of due) {
      const person = byId.get(l.customerId);
      if (person) await queueCustomerMail(tx, person.id, await composeLicenceReminder(sender, person, l));
    }
    return { expired: lapsed.length, reminded: due.length };
  });
}

/** Runs the licence expiry once a day. */
export const licenceExpiryJob = defineDailyJob({
  kind: 'licence-expiry',
  async run(ctx: AppContext) {
    ctx.log.info(await runLicenceExpiry(ctx), 'licence expiry run');
  },
});
