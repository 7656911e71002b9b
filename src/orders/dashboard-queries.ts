import { and, desc, eq, gte, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { addDays, startOfDayInZone } from '#src/lib/dates.ts';
import { ORDER_STATUSES, type OrderStatus, orderLines, orders } from './schema.ts';

/** The days of a period ending today where the store is: `days` days, today included. */
export function periodOf(today: string, days: number): { from: string; to: string } {
  return { from: addDays(today, -(days - 1)), to: today };
}

export type DaySales = { day: string; orders: number; totalCents: number };

/**
 * Sales of each day of the period in the store's time zone, cancelled orders left out; days without an order
 * are there with zeros. One range scan of the placed-at index, grouped by the store's day.
 */
export async function salesByDay(db: Db, o: { today: string; days: number; timeZone: string }): Promise<DaySales[]> {
  const { from, to } = periodOf(o.today, o.days);
  const day = sql<string>`to_char(${orders.placedAt} at time zone ${o.timeZone}, 'YYYY-MM-DD')`;
  const rows = await db
    .select({
      day,
      orders: sql<number>`count(*)::int`.mapWith(Number),
      totalCents: sql<number>`sum(${orders.totalCents})::bigint`.mapWith(Number),
    })
    .from(orders)
    .where(
      and(
        gte(orders.placedAt, startOfDayInZone(from, o.timeZone)),
        lt(orders.placedAt, startOfDayInZone(addDays(to, 1), o.timeZone)),
        ne(orders.status, 'cancelled'),
      ),
    )
    // By position: the zone is a bound parameter, and a second copy of the expression would not match the first.
    .groupBy(sql`1`);
  const byDay = new Map(rows.map((r) => [r.day, r]));
  return Array.from({ length: o.days }, (_, i) => {
    const d = addDays(from, i);
    const row = byDay.get(d);
    return { day: d, orders: row?.orders ?? 0, totalCents: row?.totalCents ?? 0 };
  });
}

/** How many orders stand in each state now, every state listed (one pass over the status index). */
export async function countOrdersByState(db: Db): Promise<{ status: OrderStatus; orders: number }[]> {
  const rows = await db
    .select({ status: orders.status, n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(orders)
    .groupBy(orders.status);
  const counts = new Map(rows.map((r) => [r.status, r.n]));
  return ORDER_STATUSES.map((status) => ({ status, orders: counts.get(status) ?? 0 }));
}

export type TopProduct = { productId: string; name: string; sku: string; units: number; salesCents: number };

/** The products sold most (by units) in orders placed in the period, cancelled orders left out. */
export async function topProducts(
  db: Db,
  o: { today: string; days: number; timeZone: string; limit: number },
): Promise<TopProduct[]> {
  const { from } = periodOf(o.today, o.days);
  const units = sql<number>`sum(${orderLines.quantity})::int`.mapWith(Number);
  return db
    .select({
      productId: orderLines.productId,
      // The name and SKU as last sold: a renamed product is listed once, under its latest name.
      name: sql<string>`(array_agg(${orderLines.name} order by ${orders.placedAt} desc))[1]`,
      sku: sql<string>`(array_agg(${orderLines.sku} order by ${orders.placedAt} desc))[1]`,
      units,
      salesCents: sql<number>`sum(${orderLines.lineTotalCents})::bigint`.mapWith(Number),
    })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(and(gte(orders.placedAt, startOfDayInZone(from, o.timeZone)), ne(orders.status, 'cancelled')))
    .groupBy(orderLines.productId)
    .orderBy(desc(units), desc(sql`sum(${orderLines.lineTotalCents})`), orderLines.productId)
    .limit(o.limit);
}
