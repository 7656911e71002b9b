import { eq } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import { z } from 'zod';
import { defineJob } from '#src/jobs/definition.ts';
import { settingsOf } from '#src/store/settings.ts';
import type { AppContext } from '#src/web/context.ts';
import { type OutboxMail, outbox } from './schema.ts';

/** Tries before a mail is marked failed: with the queue's back-off they span about fifteen minutes. */
export const MAIL_MAX_ATTEMPTS = 6;

const transports = new Map<string, Transporter>();
// nodemailer is loaded on the first delivery over SMTP: queuing a mail, and a store that keeps its mail in the
// outbox, never pay for it.
async function transportFor(url: string): Promise<Transporter> {
  let transport = transports.get(url);
  if (!transport) {
    const { default: nodemailer } = await import('nodemailer');
    transport = nodemailer.createTransport(url);
    transports.set(url, transport);
  }
  return transport;
}

/** Delivers one outbox mail over SMTP, or keeps it in the outbox when SMTP_URL is unset. */
export async function deliverMail(ctx: AppContext, payload: { outboxId: string }): Promise<void> {
  const id = payload.outboxId;
  const [mail] = await ctx.db.select().from(outbox).where(eq(outbox.id, id));
  if (mail?.status !== 'queued') return;
  if (!ctx.config.smtpUrl) {
    await ctx.db
      .update(outbox)
      .set({ status: 'kept', attempts: mail.attempts + 1 })
      .where(eq(outbox.id, id));
    logLinksOfKeptMail(ctx, mail);
    return;
  }
  const store = await settingsOf(ctx);
  try {
    await (await transportFor(ctx.config.smtpUrl)).sendMail({
      from: { name: store.name, address: ctx.config.mailFrom },
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const attempts = mail.attempts + 1;
    // After the last try the job gives up; staff then see the mail as failed, with the server's answer.
    const status = attempts >= MAIL_MAX_ATTEMPTS ? 'failed' : 'queued';
    await ctx.db
      .update(outbox)
      .set({ status, attempts, lastError: message.slice(0, 1000) })
      .where(eq(outbox.id, id));
    throw err;
  }
  await ctx.db
    .update(outbox)
    .set({ status: 'sent', sentAt: new Date(), attempts: mail.attempts + 1, lastError: '' })
    .where(eq(outbox.id, id));
}

// A URL in a mail's plain text, without the punctuation of the sentence around it.
const LINK = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)]/g;

/**
 * Someone trying the store on their own machine has no mail server and no staff account yet: outside production,
 * the links of each mail kept in the outbox (a sign-up confirmation, a password reset) are written to the log
 * with the recipient, one line per mail. Never the body, which is for the recipient alone; never in production,
 * where a log is read by more people than a link's recipient.
 */
function logLinksOfKeptMail(ctx: AppContext, mail: OutboxMail): void {
  if (ctx.config.env === 'production') return;
  const links = [...new Set(mail.text.match(LINK) ?? [])];
  const message = `Mail to ${mail.to} kept in the outbox (no SMTP_URL)${links.length ? `; its links: ${links.join(' ')}` : ''}`;
  ctx.log.info({ to: mail.to, kind: mail.kind, links }, message);
}

/** The send-mail job: one per outbox mail, enqueued in the transaction that wrote the mail. */
export const sendMailJob = defineJob({
  kind: 'send-mail',
  payload: z.object({ outboxId: z.uuid() }),
  maxAttempts: MAIL_MAX_ATTEMPTS,
  // Longer than nodemailer's longest wait on a slow relay (ten minutes of an idle socket), so a second worker
  // never takes, and sends again, a mail whose first delivery is still under way.
  lockSeconds: 15 * 60,
  run: deliverMail,
});
