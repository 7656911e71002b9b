import { and, eq, isNull, sql } from 'drizzle-orm';
import { defineJob } from '#src/jobs/definition.ts';
import { enqueueJob } from '#src/jobs/queue.ts';
import { AppError } from '#src/lib/errors.ts';
import { describeWeakPassword, hashPassword } from '#src/security/passwords.ts';
import type { AppContext } from '#src/web/context.ts';
import { queueCustomerMail } from '../mails/customer-mails.ts';
import { composePasswordReset } from '../mails/mails.ts';
import { settleNewPassword } from '../profile/credentials.ts';
import { customers } from '../schema.ts';
import { emailOnlySchema, personalPartsOf } from '../validators.ts';
import { checkLinkToken, consumeLinkToken, issueLinkToken } from './emailed-links.ts';
import { LIMITS, limitAttempt } from './limits.ts';
import { mailSenderOf } from './registration.ts';

/**
 * Asks for a reset link to be mailed to the account with this email, if there is one. The request only counts
 * the attempt and queues a job, the same work for any address: looking the account up and writing the mail
 * here made an address with an account answer measurably slower, which told who is a customer.
 */
export async function requestPasswordReset(
  ctx: AppContext,
  o: { email: string; ip?: string | undefined },
): Promise<void> {
  await limitAttempt(
    ctx.rateLimiter,
    { email: LIMITS.resetPerEmail, ip: LIMITS.resetPerIp },
    { email: o.email, ip: o.ip },
  );
  await enqueueJob(ctx.db, passwordResetMailJob, { email: o.email });
}

async function mailPasswordReset(ctx: AppContext, { email }: { email: string }): Promise<void> {
  const [customer] = await ctx.db
    .select()
    .from(customers)
    .where(and(eq(customers.email, email), isNull(customers.deletedAt)));
  if (!customer) return;
  const sender = await mailSenderOf(ctx);
  await ctx.db.transaction(async (tx) => {
    const token = await issueLinkToken(tx, { customerId: customer.id, purpose: 'reset-password' });
    await queueCustomerMail(
      tx,
      customer.id,
      await composePasswordReset(sender, { to: customer.email, name: customer.name, token }),
    );
  });
}

/** Mails a reset link to the account with this email, if there is one; queued by requestPasswordReset. */
export const passwordResetMailJob = defineJob({
  kind: 'password-reset-mail',
  payload: emailOnlySchema,
  maxAttempts: 3,
  run: mailPasswordReset,
});

/**
 * Sets a new password from a reset link (valid one hour, once), signs the account out everywhere and tells
 * the customer by mail. A refused password leaves the link usable.
 */
export async function resetPassword(ctx: AppContext, o: { token: string; password: string }): Promise<void> {
  // A cheap look first: a made-up token should not cost a password hash.
  await checkLinkToken(ctx.db, o.token, 'reset-password');
  const passwordHash = await hashPassword(o.password);
  const sender = await mailSenderOf(ctx);
  await ctx.db.transaction(async (tx) => {
    const link = await consumeLinkToken(tx, o.token, 'reset-password');
    const [customer] = await tx
      .select()
      .from(customers)
      .where(and(eq(customers.id, link.customerId), isNull(customers.deletedAt)));
    if (!customer) throw new AppError('BAD_REQUEST', 'This link is not valid.');
    const weakness = describeWeakPassword(o.password, personalPartsOf(customer));
    if (weakness) throw new AppError('VALIDATION', weakness, { fields: { password: weakness } });
    await tx
      .update(customers)
      .set({
        passwordHash,
        // The link reached this mailbox, which proves the address as well as a verification link would.
        emailVerifiedAt: sql`coalesce(${customers.emailVerifiedAt}, now())`,
        updatedAt: new Date(),
      })
      .where(eq(customers.id, customer.id));
    await settleNewPassword(ctx.cache, tx, customer, sender);
  });
}
