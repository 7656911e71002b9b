import { eq } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { AppError } from '#src/lib/errors.ts';
import { type Customer, customers } from '../schema.ts';
import { describeProfileProblems, type ProfilePatch } from '../validators.ts';

/**
 * Changes name, account type, company name and phone; a business account keeps a company name and a phone.
 * A client account holds no company name, as at registration.
 */
export async function updateProfile(db: Db, o: { customer: Customer; patch: ProfilePatch }): Promise<Customer> {
  const { customer, patch } = o;
  const accountType = patch.accountType ?? customer.accountType;
  const next = {
    name: patch.name ?? customer.name,
    accountType,
    companyName: accountType === 'business' ? (patch.companyName ?? customer.companyName) : '',
    phone: patch.phone ?? customer.phone,
  };
  const problems = describeProfileProblems(next);
  if (Object.keys(problems).length > 0) {
    throw new AppError('VALIDATION', 'A business account needs a company name and a phone number.', {
      fields: problems,
    });
  }
  const [updated] = await db
    .update(customers)
    .set({ ...next, updatedAt: new Date() })
    .where(eq(customers.id, customer.id))
    .returning();
  return updated!;
}
