import { asc, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { toCsv } from '#src/lib/csv-cells.ts';
import { centsToDecimal } from '#src/lib/money.ts';
import { orderLines, orders } from './schema.ts';

/** The columns of the orders file, in order (docs/csv-orders.md describes them). */
export const ORDERS_CSV_HEADER = [
  'number',
  'placed_at',
  'status',
  'payment_method',
  'email',
  'ship_to_name',
  'ship_to_city',
  'ship_to_state',
  'ship_to_postal_code',
  'ship_to_country',
  'items',
  'subtotal',
  'shipping',
  'tax',
  'discount',
  'total',
  'currency',
  'shipping_method',
  'carrier',
  'tracking_number',
  'paid_at',
  'shipped_at',
  'delivered_at',
  'cancelled_at',
] as const;

const instant = (value: Date | null) => (value ? value.toISOString() : '');

/** Every order, oldest first, one line each; its items in one cell, one "SKU x quantity" per line. */
export async function exportOrdersCsv(db: Db): Promise<{ text: string; rows: number }> {
  const rows = await db
    .select({
      order: orders,
      // "orders"."id" written out: in a one-table select drizzle names columns without their table, and the
      // subquery's own table would capture a bare "id".
      items: sql<string>`(select string_agg(${orderLines.sku} || ' x ' || ${orderLines.quantity}, E'\n' order by ${orderLines.position})
        from ${orderLines} where ${orderLines.orderId} = "orders"."id")`,
    })
    .from(orders)
    .orderBy(asc(orders.seq));
  const records = rows.map(({ order: o, items }) => [
    o.number,
    instant(o.placedAt),
    o.status,
    o.paymentMethod,
    o.email,
    o.shippingAddress.name,
    o.shippingAddress.city,
    o.shippingAddress.state,
    o.shippingAddress.postalCode,
    o.shippingAddress.country,
    items ?? '',
    centsToDecimal(o.subtotalCents),
    centsToDecimal(o.shippingCents),
    centsToDecimal(o.taxCents),
    centsToDecimal(o.discountCents),
    centsToDecimal(o.totalCents),
    o.currency,
    o.shippingMethodName,
    o.carrier ?? '',
    o.trackingNumber ?? '',
    instant(o.paidAt),
    instant(o.shippedAt),
    instant(o.deliveredAt),
    instant(o.cancelledAt),
  ]);
  return { text: toCsv(ORDERS_CSV_HEADER, records), rows: records.length };
}
