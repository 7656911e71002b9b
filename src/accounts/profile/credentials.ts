import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { AppError } from '#src/lib/errors.ts';
import { describeWeakPassword, hashPassword, verifyPassword } from '#src/security/passwords.ts';
import { enforceRateLimit } from '#src/security/rate-limit.ts';
import type { CacheBus } from '#src/web/cache-bus.ts';
import type { AppContext } from '#src/web/context.ts';
import { consumeLinkToken, issueLinkToken, retireLinkTokens } from '../auth/emailed-links.ts';
import { LIMITS } from '../auth/limits.ts';
import { mailSenderOf } from '../auth/registration.ts';
import { confirmPassword } from '../auth/sign-in.ts';
import { queueCustomerMail } from '../mails/customer-mails.ts';
import {
  composeChangeEmail,
  composeEmailChanged,
  composeEmailTaken,
  composePasswordChanged,
  type MailSender,
} from '../mails/mails.ts';
import { type Customer, customers } from '../schema.ts';
import { endAllCustomerSessions } from '../sessions/sessions.ts';
import { personalPartsOf } from '../validators.ts';

/**
 * What follows any new password, inside its transaction: every session of the account ends, unused reset links
 * stop working, and the customer is told by mail in case it was not them.
 */
export async function settleNewPassword(
  cache: CacheBus,
  tx: Db,
  customer: Customer,
  sender: MailSender,
): Promise<void> {
  await endAllCustomerSessions(cache, tx, customer.id);
  await retireLinkTokens(tx, customer.id, 'reset-password');
  const mail = await composePasswordChanged(sender, { to: customer.email, name: customer.name });
  await queueCustomerMail(tx, customer.id, mail);
}

/**
 * Changes the password after checking the current one, ends every session of the account (the caller starts
 * a new one for this device) and tells the customer by mail.
 */
export async function changePassword(
  ctx: AppContext,
  o: { customer: Customer; currentPassword: string; newPassword: string },
): Promise<void> {
  const { customer } = o;
  await confirmPassword(ctx, customer, o.currentPassword, 'currentPassword');
  const weakness = describeWeakPassword(o.newPassword, personalPartsOf(customer));
  if (weakness) throw new AppError('VALIDATION', weakness, { fields: { newPassword: weakness } });
  if (await verifyPassword(customer.passwordHash, o.newPassword)) {
    const message = 'Choose a password different from your current one.';
    throw new AppError('VALIDATION', message, { fields: { newPassword: message } });
  }
  const passwordHash = await hashPassword(o.newPassword);
  const sender = await mailSenderOf(ctx);
  await ctx.db.transaction(async (tx) => {
    await tx.update(customers).set({ passwordHash, updatedAt: new Date() }).where(eq(customers.id, customer.id));
    await settleNewPassword(ctx.cache, tx, customer, sender);
  });
}

/**
 * Mails a confirmation link to the new address; the account keeps its address until the link is opened.
 * An address that belongs to another account gets a notice instead, and the answer is the same.
 */
export async function requestEmailChange(
  ctx: AppContext,
  o: { customer: Customer; email: string; password: string },
): Promise<void> {
  const { customer, email } = o;
  await confirmPassword(ctx, customer, o.password);
  if (email === customer.email) {
    throw new AppError('VALIDATION', 'This is already your email address.', {
      fields: { email: 'This is already your email address.' },
    });
  }
  await enforceRateLimit(ctx.rateLimiter, LIMITS.changeEmail, customer.id);
  const sender = await mailSenderOf(ctx);
  const [owner] = await ctx.db.select().from(customers).where(eq(customers.email, email));
  await ctx.db.transaction(async (tx) => {
    if (owner) {
      await queueCustomerMail(tx, owner.id, await composeEmailTaken(sender, { to: owner.email, name: owner.name }));
      return;
    }
    await retireLinkTokens(tx, customer.id, 'change-email');
    const token = await issueLinkToken(tx, { customerId: customer.id, purpose: 'change-email', newEmail: email });
    await queueCustomerMail(
      tx,
      customer.id,
      await composeChangeEmail(sender, { to: email, name: customer.name, token }),
    );
  });
}

/** Applies a change of email from its link: the new address is then verified, and the old one is told. */
export async function confirmEmailChange(ctx: AppContext, token: string): Promise<Customer> {
  const sender = await mailSenderOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const link = await consumeLinkToken(tx, token, 'change-email');
    const newEmail = link.newEmail ?? '';
    const [customer] = await tx
      .select()
      .from(customers)
      .where(and(eq(customers.id, link.customerId), isNull(customers.deletedAt)))
      .for('update');
    if (!customer || !newEmail) throw new AppError('BAD_REQUEST', 'This link is not valid.');
    const [taken] = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.email, newEmail), ne(customers.id, customer.id)));
    if (taken)
      throw new AppError('CONFLICT', 'This email address now belongs to another account, so it cannot be used.');
    const [updated] = await tx
      .update(customers)
      .set({ email: newEmail, emailVerifiedAt: new Date(), updatedAt: new Date() })
      .where(eq(customers.id, customer.id))
      .returning();
    await retireLinkTokens(tx, customer.id, 'verify-email');
    await retireLinkTokens(tx, customer.id, 'reset-password');
    await queueCustomerMail(
      tx,
      customer.id,
      await composeEmailChanged(sender, { to: customer.email, name: customer.name, newEmail }),
    );
    return updated!;
  });
}
