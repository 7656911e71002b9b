import { count, desc, eq, ilike, inArray, or } from 'drizzle-orm';
import { type Customer, customers } from '#src/accounts/schema.ts';
import type { Db } from '#src/db/client.ts';
import { type Licence, licences } from '#src/licences/schema.ts';
import { type OutboxMail, outbox } from '#src/mail/schema.ts';

export type OutboxSummary = Omit<OutboxMail, 'text' | 'html'>;

const summaryColumns = {
  id: outbox.id,
  to: outbox.to,
  subject: outbox.subject,
  kind: outbox.kind,
  status: outbox.status,
  attempts: outbox.attempts,
  lastError: outbox.lastError,
  sentAt: outbox.sentAt,
  createdAt: outbox.createdAt,
};

/** The outbox, newest first, without the bodies. */
export async function listOutbox(
  db: Db,
  o: { page: number; limit: number },
): Promise<{ items: OutboxSummary[]; total: number }> {
  const [items, [total]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(outbox)
      .orderBy(desc(outbox.createdAt), desc(outbox.id))
      .limit(o.limit)
      .offset((o.page - 1) * o.limit),
    db.select({ n: count() }).from(outbox),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findOutboxMail(db: Db, id: string): Promise<OutboxMail | undefined> {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
  return row;
}

/** What the dashboard counts in the outbox: every mail, and those not delivered (kept, queued or failed). */
export async function countOutbox(db: Db): Promise<{ total: number; undelivered: number }> {
  const [[all], [waiting]] = await Promise.all([
    db.select({ n: count() }).from(outbox),
    db
      .select({ n: count() })
      .from(outbox)
      .where(inArray(outbox.status, ['queued', 'kept', 'failed'])),
  ]);
  return { total: all?.n ?? 0, undelivered: waiting?.n ?? 0 };
}

export type CustomerWithLicences = Pick<
  Customer,
  'id' | 'email' | 'name' | 'accountType' | 'companyName' | 'createdAt' | 'deletedAt' | 'emailVerifiedAt'
> & {
  licences: Pick<Licence, 'id' | 'type' | 'number' | 'status' | 'expiresOn'>[];
};

// LIKE wildcards typed by staff are matched literally.
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** Customers by email, name or company, newest first, each with their licences. */
export async function searchCustomers(
  db: Db,
  o: { q?: string | undefined; page: number; limit: number },
): Promise<{ items: CustomerWithLicences[]; total: number }> {
  const where = o.q
    ? or(
        ilike(customers.email, likePattern(o.q)),
        ilike(customers.name, likePattern(o.q)),
        ilike(customers.companyName, likePattern(o.q)),
      )
    : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: customers.id,
        email: customers.email,
        name: customers.name,
        accountType: customers.accountType,
        companyName: customers.companyName,
        createdAt: customers.createdAt,
        deletedAt: customers.deletedAt,
        emailVerifiedAt: customers.emailVerifiedAt,
      })
      .from(customers)
      .where(where)
      .orderBy(desc(customers.createdAt), desc(customers.id))
      .limit(o.limit)
      .offset((o.page - 1) * o.limit),
    db.select({ n: count() }).from(customers).where(where),
  ]);
  const held = rows.length
    ? await db
        .select({
          id: licences.id,
          customerId: licences.customerId,
          type: licences.type,
          number: licences.number,
          status: licences.status,
          expiresOn: licences.expiresOn,
        })
        .from(licences)
        .where(
          inArray(
            licences.customerId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(desc(licences.createdAt))
    : [];
  return {
    items: rows.map((r) => ({ ...r, licences: held.filter((l) => l.customerId === r.id) })),
    total: total?.n ?? 0,
  };
}
