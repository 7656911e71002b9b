import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { customers } from '#src/accounts/schema.ts';
import type { Db } from '#src/db/client.ts';
import { uuidSchema } from '#src/lib/ids.ts';
import { type Licence, licences } from './schema.ts';

/** A customer's licences, newest first: what the account page and the data export show. */
export function listLicencesOf(db: Db, customerId: string): Promise<Licence[]> {
  return db.select().from(licences).where(eq(licences.customerId, customerId)).orderBy(desc(licences.createdAt));
}

/** One licence of this customer; undefined for anyone else's, so callers answer 404 rather than 403. */
export async function findLicenceOf(db: Db, customerId: string, id: string): Promise<Licence | undefined> {
  if (!uuidSchema.safeParse(id).success) return undefined;
  const [row] = await db
    .select()
    .from(licences)
    .where(and(eq(licences.id, id), eq(licences.customerId, customerId)));
  return row;
}

export type ReviewedLicence = Licence & {
  customer: {
    id: string;
    name: string;
    email: string;
    companyName: string;
    accountType: string;
    /** When the customer confirmed their address; null for one who never did. */
    emailVerifiedAt: Date | null;
  };
};

const customerColumns = {
  id: customers.id,
  name: customers.name,
  email: customers.email,
  companyName: customers.companyName,
  accountType: customers.accountType,
  emailVerifiedAt: customers.emailVerifiedAt,
};

/** A licence with the customer who submitted it, for staff review. */
export async function findLicenceForReview(db: Db, id: string): Promise<ReviewedLicence | undefined> {
  if (!uuidSchema.safeParse(id).success) return undefined;
  const [row] = await db
    .select({ licence: licences, customer: customerColumns })
    .from(licences)
    .innerJoin(customers, eq(customers.id, licences.customerId))
    .where(eq(licences.id, id));
  return row ? { ...row.licence, customer: row.customer } : undefined;
}

/**
 * The review queue: pending licences first, oldest first so nobody waits longest; the rest newest first.
 */
export async function listLicencesForReview(
  db: Db,
  o: { status?: Licence['status'] | undefined; page: number; limit: number },
): Promise<{ items: ReviewedLicence[]; total: number }> {
  const where = o.status ? eq(licences.status, o.status) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({ licence: licences, customer: customerColumns })
      .from(licences)
      .innerJoin(customers, eq(customers.id, licences.customerId))
      .where(where)
      .orderBy(
        sql`${licences.status} <> 'pending'`,
        asc(sql`case when ${licences.status} = 'pending' then ${licences.createdAt} end`),
        desc(licences.createdAt),
        asc(licences.id),
      )
      .limit(o.limit)
      .offset((o.page - 1) * o.limit),
    db.select({ n: count() }).from(licences).where(where),
  ]);
  return { items: rows.map((r) => ({ ...r.licence, customer: r.customer })), total: total?.n ?? 0 };
}

export async function countPendingLicences(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(licences).where(eq(licences.status, 'pending'));
  return row?.n ?? 0;
}
