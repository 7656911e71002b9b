import { desc, eq } from 'drizzle-orm';
import { invoiceTermsOf } from '#src/accounts/business/terms.ts';
import { type BusinessTerms, type Customer, customers } from '#src/accounts/schema.ts';
import type { Db } from '#src/db/client.ts';
import { type Licence, licences } from '#src/licences/schema.ts';

export type CustomerDetail = {
  customer: Customer;
  licences: Licence[];
  terms: BusinessTerms | undefined;
};

/** One customer as staff see them: the account, every licence and document on file, and any invoice terms. */
export async function findCustomerDetail(db: Db, id: string): Promise<CustomerDetail | undefined> {
  const [customer] = await db.select().from(customers).where(eq(customers.id, id));
  if (!customer) return undefined;
  const [held, terms] = await Promise.all([
    db.select().from(licences).where(eq(licences.customerId, id)).orderBy(desc(licences.createdAt)),
    invoiceTermsOf(db, id),
  ]);
  return { customer, licences: held, terms };
}
