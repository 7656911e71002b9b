import { inArray, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { enqueueJob } from '#src/jobs/queue.ts';
import { sendMailJob } from './deliver.ts';
import { outbox } from './schema.ts';

export type NewMail = { to: string; subject: string; text: string; html: string; kind: string };

/**
 * Records a mail in the outbox and queues its delivery. Pass the caller's transaction as `db`: the mail then
 * goes out only if the caller's work commits, and no network call ever happens inside that transaction.
 */
export async function queueMail(db: Db, mail: NewMail): Promise<string> {
  const [row] = await db.insert(outbox).values(mail).returning({ id: outbox.id });
  await enqueueJob(db, sendMailJob, { outboxId: row!.id });
  return row!.id;
}

/**
 * Blanks the address and content of mails whose recipient deleted their account; the kind, status and dates
 * stay, as the record that a mail went out. A mail not yet delivered is then never sent.
 */
export async function eraseMails(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(outbox)
    .set({
      to: 'erased@deleted.invalid',
      subject: '(erased with the account)',
      text: '',
      html: '',
      // A mail still waiting goes nowhere now; its job finds it failed and stops.
      status: sql`case when ${outbox.status} = 'queued' then 'failed'::outbox_status else ${outbox.status} end`,
      lastError: sql`case when ${outbox.status} = 'queued' then 'Erased before delivery' else '' end`,
    })
    .where(inArray(outbox.id, ids));
}
