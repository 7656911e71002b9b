import { eq } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { AppError } from '#src/lib/errors.ts';
import { customers, type Customer } from './schema.ts';
import { describeProfileProblems, type ProfilePatch } from './validators.ts';

/** Changes name, company name and phone; a business account keeps a company name and a phone. */
export async function updateProfile(db: Db, o: { customer: Customer; patch: ProfilePatch }): Promise<Customer> {
  const { customer, patch } = o;
  const next = {
    name: patch.name ?? customer.name,
    companyName: patch.companyName ?? customer.companyName,
    phone: patch.phone ?? customer.phone,
  };
  const problems = describeProfileProblems({ accountType: customer.accountType, ...next });
  if (Object.keys(problems).length > 0) {
    throw new AppError('VALIDATION', 'A business account needs a company name and a phone number.', { fields: problems });
  }
  const [updated] = await db
    .update(customers)
    .set({ ...next, updatedAt: new Date() })
    .where(eq(customers.id, customer.id))
    .returning();
  return updated!;
}
