import { asc, eq } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { eraseMails, type NewMail, queueMail } from '#src/mail/outbox.ts';
import { type OutboxMail, outbox } from '#src/mail/schema.ts';
import { customerMails } from '../schema.ts';

/**
 * Queues a mail written to a customer and records that it was theirs, so their data export lists it. Pass the
 * transaction of the change the mail is about.
 */
export async function queueCustomerMail(tx: Db, customerId: string, mail: NewMail): Promise<void> {
  const outboxId = await queueMail(tx, mail);
  await tx.insert(customerMails).values({ customerId, outboxId });
}

/** The mails written to a customer, oldest first, whichever address they went to. */
export async function listCustomerMails(db: Db, customerId: string): Promise<OutboxMail[]> {
  const rows = await db
    .select({ mail: outbox })
    .from(customerMails)
    .innerJoin(outbox, eq(outbox.id, customerMails.outboxId))
    .where(eq(customerMails.customerId, customerId))
    .orderBy(asc(outbox.createdAt), asc(outbox.id));
  return rows.map((r) => r.mail);
}

/** Erases the mails written to a customer and forgets they were theirs, when the account is deleted. */
export async function forgetCustomerMails(tx: Db, customerId: string): Promise<void> {
  const links = await tx.delete(customerMails).where(eq(customerMails.customerId, customerId)).returning();
  await eraseMails(
    tx,
    links.map((l) => l.outboxId),
  );
}
