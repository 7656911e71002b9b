import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { AppError } from '#src/lib/errors.ts';
import { type BusinessTerms, businessTerms, customers } from '../schema.ts';

/** The most a store grants on invoice to one business: a typo of three zeros must not go through. */
export const MAX_CREDIT_LIMIT_CENTS = 10_000_000_00;

/**
 * The invoice terms of a business account still open, if staff granted it any: what checkout needs to offer
 * "invoice, net 30" and to keep an order within the credit limit.
 */
export async function invoiceTermsOf(db: Db, customerId: string): Promise<BusinessTerms | undefined> {
  const [row] = await db
    .select({ terms: businessTerms })
    .from(businessTerms)
    .innerJoin(customers, eq(customers.id, businessTerms.customerId))
    .where(
      and(eq(businessTerms.customerId, customerId), eq(customers.accountType, 'business'), isNull(customers.deletedAt)),
    );
  return row?.terms;
}

/**
 * Grants a business account invoice terms with this credit limit, changes the limit, or (null) withdraws them.
 * Returns the terms before and after, for the audit log.
 */
export async function setCreditLimit(
  tx: Db,
  o: { customerId: string; creditLimitCents: number | null },
): Promise<{ before: BusinessTerms | undefined; after: BusinessTerms | undefined }> {
  const [customer] = await tx.select().from(customers).where(eq(customers.id, o.customerId)).for('update');
  if (!customer || customer.deletedAt) throw new AppError('NOT_FOUND', 'No such customer.');
  if (customer.accountType !== 'business') {
    throw new AppError('VALIDATION', 'Only business accounts can order on invoice.', {
      fields: { creditLimit: 'This is a client account; invoice terms are for businesses.' },
    });
  }
  const [before] = await tx.select().from(businessTerms).where(eq(businessTerms.customerId, o.customerId));
  if (o.creditLimitCents === null) {
    await tx.delete(businessTerms).where(eq(businessTerms.customerId, o.customerId));
    return { before, after: undefined };
  }
  const [after] = await tx
    .insert(businessTerms)
    .values({ customerId: o.customerId, creditLimitCents: o.creditLimitCents })
    .onConflictDoUpdate({
      target: businessTerms.customerId,
      set: { creditLimitCents: o.creditLimitCents, updatedAt: new Date() },
    })
    .returning();
  return { before, after };
}
