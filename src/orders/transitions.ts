import { eq } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { releaseAllocations } from '#src/inventory/service.ts';
import { formatDateTime } from '#src/lib/dates.ts';
import { AppError } from '#src/lib/errors.ts';
import type { NewMail } from '#src/mail/outbox.ts';
import { recordAudit } from '#src/staff/audit.ts';
import type { CacheBus } from '#src/web/cache-bus.ts';
import { composeOrderCancelled, composeOrderDelivered, composeOrderPaid, composeOrderShipped } from './mails.ts';
import { seqOfNumber } from './numbers.ts';
import { loadOrderParts, type OrderDetail } from './queries.ts';
import { type Order, type OrderStatus, orderHistory, orders } from './schema.ts';
import { mailSenderOf, type OrderConfig, queueOrderMail } from './service.ts';

// The rules (docs/decisions/0012-order-states.md): a phone order waits in pending_payment until staff mark it
// paid, and ships only then; an invoice order starts in processing and may ship before it is paid, so marking it
// paid later leaves it shipped or delivered. Only what has not shipped can be cancelled, and cancelling puts its
// units back in their lots.

/** Who moves an order: a staff member (the audit log names them) or a job of the store. */
export type OrderMover = { kind: 'staff'; id: string; email: string } | { kind: 'system'; label: string };

/** A transaction changing an order, the caches its stock changes tell, and who acts. */
export type OrderWrite = { tx: Db; cache: Pick<CacheBus, 'announce'>; config: OrderConfig; by: OrderMover };

export const STATUS_LABELS: Record<OrderStatus, string> = {
  pending_payment: 'Awaiting payment',
  paid: 'Paid',
  processing: 'Processing',
  shipped: 'Shipped',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
};

/** Whether staff may take each action on the order now; the admin page shows only the forms that would work. */
export function allowedActions(order: Pick<Order, 'status' | 'paidAt'>) {
  const isOpen = order.status !== 'cancelled';
  return {
    markPaid: isOpen && order.paidAt === null,
    ship: order.status === 'paid' || order.status === 'processing',
    deliver: order.status === 'shipped',
    cancel: ['pending_payment', 'paid', 'processing'].includes(order.status),
  };
}

function refuse(order: Order, message: string): never {
  throw new AppError('CONFLICT', `Order ${order.number} ${message}`);
}

async function lockOrder(tx: Db, number: string): Promise<Order> {
  const seq = seqOfNumber(number);
  const [order] = seq === undefined ? [] : await tx.select().from(orders).where(eq(orders.seq, seq)).for('update');
  if (!order) throw new AppError('NOT_FOUND', `There is no order ${number}.`);
  return order;
}

function auditView(o: Order) {
  return {
    status: o.status,
    paidAt: o.paidAt?.toISOString() ?? null,
    carrier: o.carrier,
    trackingNumber: o.trackingNumber,
    cancelReason: o.cancelReason,
  };
}

// Every change ends here: the row, a history entry, the audit log and the customer's mail, in one transaction.
async function change(
  w: OrderWrite,
  before: Order,
  o: { action: string; set: Partial<Order>; note: string; mail: (after: Order) => Promise<NewMail> },
): Promise<OrderDetail> {
  const [after] = await w.tx
    .update(orders)
    .set({ ...o.set, updatedAt: new Date() })
    .where(eq(orders.id, before.id))
    .returning();
  await w.tx.insert(orderHistory).values({
    orderId: before.id,
    status: after!.status,
    note: o.note,
    actor: w.by.kind,
    staffId: w.by.kind === 'staff' ? w.by.id : null,
  });
  await recordAudit(w.tx, {
    staff: w.by.kind === 'staff' ? { id: w.by.id, email: w.by.email } : null,
    ...(w.by.kind === 'system' ? { actorLabel: w.by.label } : {}),
    action: `order.${o.action}`,
    entityType: 'order',
    entityId: before.number,
    before: auditView(before),
    after: auditView(after!),
  });
  await queueOrderMail(w.tx, after!, await o.mail(after!));
  return loadOrderParts(w.tx, after!);
}

/** Records the payment of an order. A phone order becomes paid (and may ship); an invoice order keeps its status. */
export async function markOrderPaid(w: OrderWrite, o: { number: string }): Promise<OrderDetail> {
  const order = await lockOrder(w.tx, o.number);
  if (order.status === 'cancelled') refuse(order, 'was cancelled; it cannot be paid.');
  if (order.paidAt) refuse(order, `was already marked paid on ${formatDateTime(order.paidAt)}.`);
  const hasShipped = order.status === 'shipped' || order.status === 'delivered';
  const sender = await mailSenderOf(w.tx, w.config);
  return change(w, order, {
    action: 'mark-paid',
    set: { paidAt: new Date(), ...(hasShipped ? {} : { status: 'paid' as const }) },
    note: 'Payment received',
    mail: (after) => composeOrderPaid(sender, after),
  });
}

/** Ships a paid order, or an invoice order before payment, with its carrier and tracking number. */
export async function shipOrder(
  w: OrderWrite,
  o: { number: string; carrier: string; trackingNumber: string },
): Promise<OrderDetail> {
  const order = await lockOrder(w.tx, o.number);
  if (order.status === 'pending_payment') {
    refuse(order, 'is waiting for payment by phone or bank transfer: mark it paid before shipping it.');
  }
  if (order.status === 'shipped' || order.status === 'delivered') refuse(order, 'has already shipped.');
  if (order.status === 'cancelled') refuse(order, 'was cancelled; it cannot ship.');
  const sender = await mailSenderOf(w.tx, w.config);
  return change(w, order, {
    action: 'ship',
    set: { status: 'shipped', shippedAt: new Date(), carrier: o.carrier, trackingNumber: o.trackingNumber },
    note: `Shipped with ${o.carrier}, tracking ${o.trackingNumber}`,
    mail: (after) => composeOrderShipped(sender, after),
  });
}

/** Records that a shipped order arrived. */
export async function deliverOrder(w: OrderWrite, o: { number: string }): Promise<OrderDetail> {
  const order = await lockOrder(w.tx, o.number);
  if (order.status === 'delivered') refuse(order, 'was already marked delivered.');
  if (order.status !== 'shipped') refuse(order, 'has not shipped yet; only a shipped order can be delivered.');
  const sender = await mailSenderOf(w.tx, w.config);
  return change(w, order, {
    action: 'deliver',
    set: { status: 'delivered', deliveredAt: new Date() },
    note: 'Delivered',
    mail: (after) => composeOrderDelivered(sender, after),
  });
}

/** Cancels an order that has not shipped, putting every unit back in the lot it came from (through the ledger). */
export async function cancelOrder(w: OrderWrite, o: { number: string; reason: string }): Promise<OrderDetail> {
  const order = await lockOrder(w.tx, o.number);
  if (order.status === 'cancelled') refuse(order, 'was already cancelled.');
  if (order.status === 'shipped' || order.status === 'delivered') {
    refuse(order, 'has shipped; it can no longer be cancelled.');
  }
  const { lines } = await loadOrderParts(w.tx, order);
  // One release per product, in product order, as allocations lock lots: two writers never wait for each other.
  const byProduct = new Map<string, { lotId: string; quantity: number }[]>();
  for (const line of lines) {
    const lots = byProduct.get(line.productId) ?? [];
    lots.push(...line.lots.map((lot) => ({ lotId: lot.lotId, quantity: lot.quantity })));
    byProduct.set(line.productId, lots);
  }
  for (const productId of [...byProduct.keys()].sort()) {
    const allocations = byProduct.get(productId)!;
    if (allocations.length === 0) continue;
    await releaseAllocations({ tx: w.tx, cache: w.cache }, { productId, allocations, reference: order.number });
  }
  const sender = await mailSenderOf(w.tx, w.config);
  return change(w, order, {
    action: 'cancel',
    set: { status: 'cancelled', cancelledAt: new Date(), cancelReason: o.reason },
    note: `Cancelled: ${o.reason}`,
    mail: (after) => composeOrderCancelled(sender, after, o.reason),
  });
}
