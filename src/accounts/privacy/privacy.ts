import { and, asc, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { withoutLinkTokens } from '#src/lib/tokens.ts';
import { queueMail } from '#src/mail/outbox.ts';
import type { AppContext } from '#src/web/context.ts';
import { listAddresses } from '../addresses/address-book.ts';
import { mailSenderOf } from '../auth/registration.ts';
import { confirmPassword } from '../auth/sign-in.ts';
import { forgetCustomerMails, listCustomerMails } from '../mails/customer-mails.ts';
import { composeAccountDeleted } from '../mails/mails.ts';
import { addresses, type Customer, customerSessions, customers, customerTokens } from '../schema.ts';
import { endAllCustomerSessions } from '../sessions/sessions.ts';
import { toAddressJson, toCustomerJson } from '../shared/serialize.ts';

/**
 * A part of a customer's data that another domain keeps (their licences, later their orders): what the export
 * shows of it and what deleting the account does to it. Each such domain defines its part and the app registers
 * it at start, so this module imports none of them.
 */
export type CustomerDataPart = {
  /** The part's key in the export document. */
  name: string;
  /** The part as the customer's export shows it: plain JSON, without secrets. */
  exportOf(db: Db, customerId: string): Promise<unknown>;
  /**
   * Anonymises or deletes the part inside the deletion's transaction; may return what to do once it has
   * committed (removing files the rows referred to).
   */
  erase(tx: Db, customerId: string, ctx: AppContext): Promise<(() => Promise<void>) | undefined>;
};

const parts = new Map<string, CustomerDataPart>();

/** Registers a domain's part of customer data for exports and account deletion; once per name. */
export function defineCustomerDataPart(part: CustomerDataPart): void {
  parts.set(part.name, part);
}

/**
 * Everything the store holds about a customer, as one JSON document: profile, a requested change of email
 * address, addresses, the parts other domains keep (licences), sessions (times only) and mails sent to them. No
 * password hash, token or token hash.
 */
export async function exportCustomerData(db: Db, customer: Customer) {
  const [pendingRows, addressRows, contributed, sessionRows, mailRows] = await Promise.all([
    db
      .select({ newEmail: customerTokens.newEmail, requestedAt: customerTokens.createdAt })
      .from(customerTokens)
      .where(
        and(
          eq(customerTokens.customerId, customer.id),
          eq(customerTokens.purpose, 'change-email'),
          isNotNull(customerTokens.newEmail),
          isNull(customerTokens.usedAt),
          gt(customerTokens.expiresAt, sql`now()`),
        ),
      ),
    listAddresses(db, customer.id),
    Promise.all([...parts.values()].map(async (part) => [part.name, await part.exportOf(db, customer.id)] as const)),
    db
      .select({
        createdAt: customerSessions.createdAt,
        lastSeenAt: customerSessions.lastSeenAt,
        expiresAt: customerSessions.expiresAt,
        isPersistent: customerSessions.isPersistent,
      })
      .from(customerSessions)
      .where(eq(customerSessions.customerId, customer.id))
      .orderBy(asc(customerSessions.createdAt)),
    listCustomerMails(db, customer.id),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    profile: { ...toCustomerJson(customer), updatedAt: customer.updatedAt.toISOString() },
    pendingEmailChanges: pendingRows.map((p) => ({ newEmail: p.newEmail, requestedAt: p.requestedAt.toISOString() })),
    addresses: addressRows.map(toAddressJson),
    ...Object.fromEntries(contributed),
    sessions: sessionRows.map((s) => ({
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      rememberMe: s.isPersistent,
    })),
    mails: mailRows.map((m) => ({
      to: m.to,
      subject: m.subject,
      kind: m.kind,
      status: m.status,
      createdAt: m.createdAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
      // Links in old mails may still work, and an export file is easily forwarded.
      text: withoutLinkTokens(m.text),
    })),
  };
}

/**
 * Deletes an account after checking its password: in one transaction the profile is anonymised, addresses,
 * links and sessions are deleted, the other domains' parts (licences) are anonymised, and a confirmation goes to
 * the old address.
 * Records the store must keep (orders, invoices) refer to the anonymised customer.
 */
export async function deleteAccount(ctx: AppContext, o: { customer: Customer; password: string }): Promise<void> {
  const { customer } = o;
  await confirmPassword(ctx, customer, o.password);
  const sender = await mailSenderOf(ctx);
  const mail = await composeAccountDeleted(sender, { to: customer.email, name: customer.name });
  const afterCommit = await ctx.db.transaction(async (tx) => {
    await tx
      .update(customers)
      .set({
        email: `deleted-${customer.id}@deleted.invalid`,
        name: 'Deleted customer',
        companyName: '',
        phone: '',
        passwordHash: null,
        emailVerifiedAt: null,
        deletedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(customers.id, customer.id));
    await tx.delete(addresses).where(eq(addresses.customerId, customer.id));
    await tx.delete(customerTokens).where(eq(customerTokens.customerId, customer.id));
    await endAllCustomerSessions(ctx.cache, tx, customer.id);
    const cleanups: (() => Promise<void>)[] = [];
    for (const part of parts.values()) {
      const cleanup = await part.erase(tx, customer.id, ctx);
      if (cleanup) cleanups.push(cleanup);
    }
    await forgetCustomerMails(tx, customer.id);
    // Not linked to the account: nothing should lead from the anonymised record back to the old address.
    await queueMail(tx, mail);
    return cleanups;
  });
  for (const cleanup of afterCommit) await cleanup();
}
