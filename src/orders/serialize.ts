import type { StoreSettings } from '#src/store/schema.ts';
import { paymentInstructions } from './mails.ts';
import type { OrderDetail, OrderSummary } from './queries.ts';
import type { Order } from './schema.ts';
import { allowedActions } from './transitions.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Payment instructions while an order waits for its money; nothing once paid or cancelled. */
export function instructionsOf(order: Order, store: StoreSettings, payDays: number): string[] {
  if (order.paidAt || order.status === 'cancelled') return [];
  return paymentInstructions(store, order, payDays);
}

/** An order as its customer sees it in the API. */
export function toOrderJson(order: OrderDetail, store: StoreSettings, payDays: number) {
  return {
    number: order.number,
    status: order.status,
    paymentMethod: order.paymentMethod,
    email: order.email,
    subtotalCents: order.subtotalCents,
    shippingCents: order.shippingCents,
    taxCents: order.taxCents,
    discountCents: order.discountCents,
    totalCents: order.totalCents,
    currency: order.currency,
    shippingMethod: { code: order.shippingMethodCode, name: order.shippingMethodName },
    shippingAddress: order.shippingAddress,
    billingAddress: order.billingAddress,
    expectedShipOn: order.expectedShipOn,
    carrier: order.carrier,
    trackingNumber: order.trackingNumber,
    placedAt: order.placedAt.toISOString(),
    paidAt: iso(order.paidAt),
    shippedAt: iso(order.shippedAt),
    deliveredAt: iso(order.deliveredAt),
    cancelledAt: iso(order.cancelledAt),
    cancelReason: order.cancelReason,
    paymentInstructions: instructionsOf(order, store, payDays),
    lines: order.lines.map((line) => ({
      sku: line.sku,
      name: line.name,
      quantity: line.quantity,
      unitPriceCents: line.unitPriceCents,
      lineTotalCents: line.lineTotalCents,
      storage: line.storage,
      lots: line.lots.map((lot) => ({ lotNumber: lot.lotNumber, expiresOn: lot.expiresOn, quantity: lot.quantity })),
    })),
    history: order.history.map((h) => ({
      status: h.status,
      note: h.note,
      actor: h.actor,
      at: h.createdAt.toISOString(),
    })),
  };
}

/** An order as staff see it: with its customer, who moved it, and what it accepts now. */
export function toAdminOrderJson(
  order: OrderDetail,
  customer: { id: string; name: string; email: string } | undefined,
  store: StoreSettings,
  payDays: number,
) {
  return {
    ...toOrderJson(order, store, payDays),
    customer: customer ? { id: customer.id, name: customer.name, email: customer.email } : null,
    history: order.history.map((h) => ({
      status: h.status,
      note: h.note,
      actor: h.actor,
      at: h.createdAt.toISOString(),
      staffName: h.staffName,
    })),
    allowedActions: allowedActions(order),
  };
}

export function toOrderSummaryJson(o: OrderSummary) {
  return {
    number: o.number,
    status: o.status,
    paymentMethod: o.paymentMethod,
    totalCents: o.totalCents,
    currency: o.currency,
    itemCount: o.itemCount,
    placedAt: o.placedAt.toISOString(),
  };
}

export function toAdminOrderSummaryJson(o: OrderSummary) {
  return { ...toOrderSummaryJson(o), email: o.email, name: o.name, paidAt: iso(o.paidAt) };
}
