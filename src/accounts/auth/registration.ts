import { and, eq, isNull, sql } from 'drizzle-orm';
import { defineJob } from '#src/jobs/definition.ts';
import { enqueueJob } from '#src/jobs/queue.ts';
import { AppError } from '#src/lib/errors.ts';
import { hashPassword } from '#src/security/passwords.ts';
import { settingsOf } from '#src/store/settings.ts';
import type { AppContext } from '#src/web/context.ts';
import { queueCustomerMail } from '../mails/customer-mails.ts';
import { composeAccountExists, composeVerifyEmail, type MailSender } from '../mails/mails.ts';
import { type Customer, customers } from '../schema.ts';
import { emailOnlySchema, type RegistrationInput } from '../validators.ts';
import { consumeLinkToken, issueLinkToken, retireLinkTokens } from './emailed-links.ts';
import { LIMITS, limitAttempt } from './limits.ts';

/** The store and base address that sign and link every account mail. */
export async function mailSenderOf(ctx: AppContext): Promise<MailSender> {
  return { store: await settingsOf(ctx), baseUrl: ctx.config.baseUrl };
}

/**
 * Creates an account and mails its verification link. When the email already has an account, that address
 * is told so instead, and the caller cannot tell the two cases apart: same answer, about the same time.
 */
export async function registerCustomer(
  ctx: AppContext,
  o: { input: RegistrationInput; ip?: string | undefined },
): Promise<void> {
  const { input } = o;
  await limitAttempt(
    ctx.rateLimiter,
    { email: LIMITS.registerPerEmail, ip: LIMITS.registerPerIp },
    { email: input.email, ip: o.ip },
  );
  // Hashed in both cases, so an existing address does not answer faster.
  const passwordHash = await hashPassword(input.password);
  const sender = await mailSenderOf(ctx);
  await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(customers)
      .values({
        email: input.email,
        passwordHash,
        name: input.name,
        accountType: input.accountType,
        companyName: input.accountType === 'business' ? input.companyName : '',
        phone: input.accountType === 'business' ? input.phone : '',
        // Registration cannot pass validation without the consent, so its date is the moment of sign-up.
        termsAcceptedAt: new Date(),
      })
      .onConflictDoNothing()
      .returning();
    if (!created) {
      const [existing] = await tx.select().from(customers).where(eq(customers.email, input.email));
      if (existing)
        await queueCustomerMail(
          tx,
          existing.id,
          await composeAccountExists(sender, { to: existing.email, name: existing.name }),
        );
      return;
    }
    const token = await issueLinkToken(tx, { customerId: created.id, purpose: 'verify-email' });
    await queueCustomerMail(
      tx,
      created.id,
      await composeVerifyEmail(sender, { to: created.email, name: created.name, token }),
    );
  });
}

/** Marks the email of the link's account verified; the link works once. */
export async function verifyEmail(ctx: AppContext, token: string): Promise<Customer> {
  return ctx.db.transaction(async (tx) => {
    const link = await consumeLinkToken(tx, token, 'verify-email');
    const [customer] = await tx
      .update(customers)
      .set({ emailVerifiedAt: sql`coalesce(${customers.emailVerifiedAt}, now())`, updatedAt: new Date() })
      .where(and(eq(customers.id, link.customerId), isNull(customers.deletedAt)))
      .returning();
    if (!customer) throw new AppError('BAD_REQUEST', 'This link is not valid.');
    return customer;
  });
}

/**
 * Asks for a fresh verification link for an unverified account with this email. The request only counts the
 * attempt and queues a job, the same work whether or not such an account exists, so neither the answer nor
 * its timing tells.
 */
export async function resendVerification(
  ctx: AppContext,
  o: { email: string; ip?: string | undefined },
): Promise<void> {
  await limitAttempt(
    ctx.rateLimiter,
    { email: LIMITS.verifyPerEmail, ip: LIMITS.verifyPerIp },
    { email: o.email, ip: o.ip },
  );
  await enqueueJob(ctx.db, verifyEmailMailJob, { email: o.email });
}

async function mailVerificationLink(ctx: AppContext, { email }: { email: string }): Promise<void> {
  const [customer] = await ctx.db
    .select()
    .from(customers)
    .where(and(eq(customers.email, email), isNull(customers.deletedAt)));
  if (!customer || customer.emailVerifiedAt) return;
  const sender = await mailSenderOf(ctx);
  await ctx.db.transaction(async (tx) => {
    await retireLinkTokens(tx, customer.id, 'verify-email');
    const token = await issueLinkToken(tx, { customerId: customer.id, purpose: 'verify-email' });
    await queueCustomerMail(
      tx,
      customer.id,
      await composeVerifyEmail(sender, { to: customer.email, name: customer.name, token }),
    );
  });
}

/**
 * Sends a fresh verification link to an unverified account with this email (older links stop working); queued
 * by resendVerification.
 */
export const verifyEmailMailJob = defineJob({
  kind: 'verify-email-mail',
  payload: emailOnlySchema,
  maxAttempts: 3,
  run: mailVerificationLink,
});
