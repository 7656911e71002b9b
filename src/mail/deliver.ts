import { eq } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import type { AppContext } from '#src/web/context.ts';
import { MAIL_MAX_ATTEMPTS } from './outbox.ts';
import { outbox } from './schema.ts';

const transports = new Map<string, Transporter>();
// nodemailer is loaded when a store with SMTP_URL sends its first mail; a store keeping mail in the outbox
// never loads it.
async function transportFor(url: string): Promise<Transporter> {
  let transport = transports.get(url);
  if (!transport) {
    const { default: nodemailer } = await import('nodemailer');
    transport = nodemailer.createTransport(url);
    transports.set(url, transport);
  }
  return transport;
}

/** The send-mail job: delivers one outbox mail over SMTP, or keeps it in the outbox when SMTP_URL is unset. */
export async function deliverMail(ctx: AppContext, payload: Record<string, unknown>): Promise<void> {
  const id = String(payload.outboxId ?? '');
  const [mail] = await ctx.db.select().from(outbox).where(eq(outbox.id, id));
  if (mail?.status !== 'queued') return;
  if (!ctx.config.smtpUrl) {
    await ctx.db
      .update(outbox)
      .set({ status: 'kept', attempts: mail.attempts + 1 })
      .where(eq(outbox.id, id));
    return;
  }
  const store = await ctx.settings();
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
