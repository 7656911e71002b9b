import { and, desc, eq, gte, lt, or, type SQL, sql } from 'drizzle-orm';
import { customers } from '#src/accounts/schema.ts';
import type { Db } from '#src/db/client.ts';
import { addDays, startOfDayInZone } from '#src/lib/dates.ts';
import { seqOfNumber } from './numbers.ts';
import { type OrderSummary, pageOf, summaryColumns } from './queries.ts';
import { type OrderStatus, orders, type PaymentMethod } from './schema.ts';

export type AdminOrderFilters = {
  status?: OrderStatus | undefined;
  paymentMethod?: PaymentMethod | undefined;
  /** Days (YYYY-MM-DD) in the store's time zone, both included. */
  from?: string | undefined;
  to?: string | undefined;
  /** An order number, or part of an email or a name. */
  q?: string | undefined;
};

// Typed text is matched literally: % and _ are not wildcards here.
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

function searchCondition(q: string): SQL {
  const seq = seqOfNumber(q) ?? (/^\d{5,9}$/.test(q) ? Number(q) : undefined);
  const pattern = containing(q.toLowerCase());
  const matches = [
    sql`lower(${orders.email}) like ${pattern}`,
    sql`lower(${orders.shippingAddress}->>'name') like ${pattern}`,
    sql`exists (select 1 from ${customers} where ${customers.id} = ${orders.customerId}
      and lower(${customers.name}) like ${pattern})`,
  ];
  if (seq !== undefined) matches.unshift(eq(orders.seq, seq));
  return or(...matches)!;
}

/** Orders for staff, newest first, filtered and searched, a keyset page at a time (`before`: a seq). */
export async function listAdminOrders(
  db: Db,
  o: AdminOrderFilters & { timeZone: string; limit: number; before?: number | undefined },
): Promise<{ items: OrderSummary[]; nextBefore: number | null }> {
  const conditions = [
    o.status ? eq(orders.status, o.status) : undefined,
    o.paymentMethod ? eq(orders.paymentMethod, o.paymentMethod) : undefined,
    o.from ? gte(orders.placedAt, startOfDayInZone(o.from, o.timeZone)) : undefined,
    o.to ? lt(orders.placedAt, startOfDayInZone(addDays(o.to, 1), o.timeZone)) : undefined,
    o.q ? searchCondition(o.q) : undefined,
    o.before === undefined ? undefined : lt(orders.seq, o.before),
  ];
  const rows = await db
    .select(summaryColumns)
    .from(orders)
    .where(and(...conditions))
    .orderBy(desc(orders.seq))
    .limit(o.limit + 1);
  return pageOf(rows, o.limit);
}
