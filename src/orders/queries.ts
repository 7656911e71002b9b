import { hash, timingSafeEqual } from 'node:crypto';
import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { customers } from '#src/accounts/schema.ts';
import type { Db } from '#src/db/client.ts';
import { isWellFormedToken } from '#src/lib/tokens.ts';
import { staffUsers } from '#src/staff/schema.ts';
import { seqOfNumber } from './numbers.ts';
import {
  type Order,
  type OrderHistoryEntry,
  type OrderLine,
  type OrderLineLot,
  orderHistory,
  orderLineLots,
  orderLines,
  orders,
} from './schema.ts';

export type OrderLineDetail = OrderLine & { lots: OrderLineLot[] };
/** A history entry with the name of the staff member who made it, when one did. */
export type OrderHistoryDetail = OrderHistoryEntry & { staffName: string | null };
/** An order with everything its pages, mails and API answers show. */
export type OrderDetail = Order & { lines: OrderLineDetail[]; history: OrderHistoryDetail[] };

/** Lines (with their lots) and history of an order that is already loaded. */
export async function loadOrderParts(db: Db, order: Order): Promise<OrderDetail> {
  const [lines, history] = await Promise.all([
    db.select().from(orderLines).where(eq(orderLines.orderId, order.id)).orderBy(asc(orderLines.position)),
    db
      .select({ entry: orderHistory, staffName: sql<string | null>`nullif(${staffUsers.name}, '')` })
      .from(orderHistory)
      .leftJoin(staffUsers, eq(staffUsers.id, orderHistory.staffId))
      .where(eq(orderHistory.orderId, order.id))
      .orderBy(asc(orderHistory.id)),
  ]);
  const lots: OrderLineLot[] =
    lines.length === 0
      ? []
      : await db
          .select()
          .from(orderLineLots)
          .where(
            inArray(
              orderLineLots.lineId,
              lines.map((l) => l.id),
            ),
          )
          .orderBy(sql`${orderLineLots.expiresOn} asc nulls last`, asc(orderLineLots.lotNumber));
  return orderDetailOf(
    order,
    lines,
    lots,
    history.map((h) => ({ ...h.entry, staffName: h.staffName })),
  );
}

// Lots as an order shows them: first to expire first, then by number.
function byExpiry(a: OrderLineLot, b: OrderLineLot): number {
  if (a.expiresOn !== b.expiresOn) {
    if (a.expiresOn === null) return 1;
    if (b.expiresOn === null) return -1;
    return a.expiresOn < b.expiresOn ? -1 : 1;
  }
  return a.lotNumber < b.lotNumber ? -1 : a.lotNumber > b.lotNumber ? 1 : 0;
}

/**
 * An order with its parts, from rows already in hand: lines in their positions, each with its lots first to
 * expire first, and the history oldest first (entries without a staff name are the customer's or the system's).
 */
export function orderDetailOf(
  order: Order,
  lines: readonly OrderLine[],
  lots: readonly OrderLineLot[],
  history: readonly (OrderHistoryEntry & { staffName?: string | null })[],
): OrderDetail {
  return {
    ...order,
    lines: lines
      .toSorted((a, b) => a.position - b.position)
      .map((line) => ({ ...line, lots: lots.filter((lot) => lot.lineId === line.id).toSorted(byExpiry) })),
    history: history.toSorted((a, b) => a.id - b.id).map((h) => ({ ...h, staffName: h.staffName ?? null })),
  };
}

/** The order with this number (any customer's: for staff), or undefined. */
export async function findOrder(db: Db, number: string): Promise<OrderDetail | undefined> {
  const seq = seqOfNumber(number);
  if (seq === undefined) return undefined;
  const [order] = await db.select().from(orders).where(eq(orders.seq, seq));
  return order ? loadOrderParts(db, order) : undefined;
}

/** A customer's own order; another customer's, or a guest's, is undefined (the caller answers 404). */
export async function findCustomerOrder(db: Db, customerId: string, number: string): Promise<OrderDetail | undefined> {
  const seq = seqOfNumber(number);
  if (seq === undefined) return undefined;
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.seq, seq), eq(orders.customerId, customerId)));
  return order ? loadOrderParts(db, order) : undefined;
}

/** A guest's order, found by its number and the token of the confirmation mail's link; anything else is undefined. */
export async function findGuestOrder(db: Db, number: string, token: string): Promise<OrderDetail | undefined> {
  const seq = seqOfNumber(number);
  if (seq === undefined || !isWellFormedToken(token)) return undefined;
  const [order] = await db.select().from(orders).where(eq(orders.seq, seq));
  if (!order?.guestTokenHash) return undefined;
  // Constant time, so the answer's timing tells nothing of how much of a guessed token was right.
  const given = Buffer.from(hash('sha256', token, 'hex'), 'hex');
  const kept = Buffer.from(order.guestTokenHash, 'hex');
  if (given.length !== kept.length || !timingSafeEqual(given, kept)) return undefined;
  return loadOrderParts(db, order);
}

/** One row of an order list: enough to recognise the order and open it. */
export type OrderSummary = Pick<
  Order,
  'id' | 'seq' | 'number' | 'status' | 'paymentMethod' | 'email' | 'totalCents' | 'currency' | 'placedAt' | 'paidAt'
> & { name: string; itemCount: number };

/** The columns of an order list's rows. */
export const summaryColumns = {
  id: orders.id,
  seq: orders.seq,
  number: orders.number,
  status: orders.status,
  paymentMethod: orders.paymentMethod,
  email: orders.email,
  totalCents: orders.totalCents,
  currency: orders.currency,
  placedAt: orders.placedAt,
  paidAt: orders.paidAt,
  name: sql<string>`coalesce(${orders.shippingAddress}->>'name', '')`,
  // Qualified by hand: inside the subquery an unqualified "id" would be the line's own.
  itemCount: sql<number>`(select coalesce(sum(ol.quantity), 0)::int from ${orderLines} ol where ol.order_id = ${orders}.id)`,
};

/** A customer's orders, newest first, a keyset page at a time (`before`: the seq of the last row shown). */
export async function listCustomerOrders(
  db: Db,
  o: { customerId: string; limit: number; before?: number | undefined },
): Promise<{ items: OrderSummary[]; nextBefore: number | null }> {
  const rows = await db
    .select(summaryColumns)
    .from(orders)
    .where(and(eq(orders.customerId, o.customerId), o.before === undefined ? undefined : lt(orders.seq, o.before)))
    .orderBy(desc(orders.seq))
    .limit(o.limit + 1);
  return pageOf(rows, o.limit);
}

/** Cuts one extra row off a keyset page: its presence says another page follows. */
export function pageOf<T extends { seq: number }>(rows: T[], limit: number): { items: T[]; nextBefore: number | null } {
  const items = rows.slice(0, limit);
  return { items, nextBefore: rows.length > limit ? items[items.length - 1]!.seq : null };
}

/** How many orders wait for staff: for their payment, and (paid, or on invoice) to be shipped. */
export async function countOrdersToAct(db: Db): Promise<{ awaitingPayment: number; toShip: number }> {
  const [row] = await db
    .select({
      awaitingPayment: sql<number>`count(*) filter (where ${orders.status} = 'pending_payment')::int`,
      toShip: sql<number>`count(*) filter (where ${orders.status} in ('paid', 'processing'))::int`,
    })
    .from(orders)
    .where(inArray(orders.status, ['pending_payment', 'paid', 'processing']));
  return { awaitingPayment: row?.awaitingPayment ?? 0, toShip: row?.toShip ?? 0 };
}

/** The customer's name and email, for the staff order page. */
export async function findOrderCustomer(db: Db, customerId: string) {
  const [row] = await db
    .select({ id: customers.id, name: customers.name, email: customers.email, companyName: customers.companyName })
    .from(customers)
    .where(eq(customers.id, customerId));
  return row;
}

export type { OrderHistoryEntry };

/**
 * What a business owes on invoice now: the totals of its invoice orders not yet paid nor cancelled. Checkout
 * keeps a new invoice order within the credit limit with it; run it in checkout's transaction.
 */
export async function openInvoiceBalanceCents(db: Db, customerId: string): Promise<number> {
  const [row] = await db
    .select({ cents: sql<number>`coalesce(sum(${orders.totalCents}), 0)::int`.mapWith(Number) })
    .from(orders)
    .where(
      and(
        eq(orders.customerId, customerId),
        eq(orders.paymentMethod, 'invoice'),
        sql`${orders.paidAt} is null`,
        sql`${orders.status} <> 'cancelled'`,
      ),
    );
  return row?.cents ?? 0;
}
