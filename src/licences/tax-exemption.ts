import { and, eq, gte } from 'drizzle-orm';
import { customers } from '#src/accounts/schema.ts';
import type { Db } from '#src/db/client.ts';
import { todayUtc } from '#src/lib/dates.ts';
import { uuidSchema } from '#src/lib/ids.ts';
import { licences } from './schema.ts';

/**
 * Whether an order of this customer shipped to `state` (two-letter code) is exempt from sales tax: the customer is
 * a business account holding a tax-exemption certificate issued by that state, approved by staff and valid on
 * `today` (YYYY-MM-DD, through its expiry day). Checkout calls it and passes the answer to `quoteTax` as isExempt.
 */
export async function hasTaxExemption(db: Db, customerId: string, state: string, today = todayUtc()): Promise<boolean> {
  if (!uuidSchema.safeParse(customerId).success) return false;
  const [row] = await db
    .select({ id: licences.id })
    .from(licences)
    .innerJoin(customers, eq(customers.id, licences.customerId))
    .where(
      and(
        eq(licences.customerId, customerId),
        eq(licences.type, 'tax-exemption'),
        eq(licences.status, 'approved'),
        eq(licences.issuingState, state.trim().toUpperCase()),
        gte(licences.expiresOn, today),
        eq(customers.accountType, 'business'),
      ),
    )
    .limit(1);
  return row !== undefined;
}
