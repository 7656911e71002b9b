import { html } from 'hono/html';
import { formatDateTime, formatLongDate } from '#src/lib/dates.ts';
import { formatMoney } from '#src/lib/money.ts';
import type { OrderDetail, OrderHistoryDetail, OrderLineDetail } from '../queries.ts';
import type { AddressSnapshot, Order, OrderStatus } from '../schema.ts';
import { STATUS_LABELS } from '../transitions.ts';

export const PAYMENT_LABELS: Record<Order['paymentMethod'], string> = {
  phone: 'Pay by phone or bank transfer',
  invoice: 'Invoice, net 30',
};

/** The status as a badge whose colour says whether anyone needs to act. */
export function statusBadge(status: OrderStatus) {
  return html`<span class="badge badge-order-${status.replace('_', '-')}">${STATUS_LABELS[status]}</span>`;
}

/** A calendar day (YYYY-MM-DD) as shoppers read it. */
export function formatDay(day: string | null): string {
  return day ? formatLongDate(new Date(`${day}T12:00:00Z`)) : '';
}

export function renderAddress(a: AddressSnapshot) {
  return html`<address class="postal">
    ${a.name}<br>${a.line1}<br>${a.line2 ? html`${a.line2}<br>` : ''}${a.city}, ${a.state} ${a.postalCode}<br>${a.country}${
      a.phone ? html`<br>${a.phone}` : ''
    }
  </address>`;
}

function renderLots(line: OrderLineDetail) {
  if (line.lots.length === 0) return html`<span class="muted">Not allocated</span>`;
  return html`<ul class="plain order-lots">
    ${line.lots.map(
      (lot) =>
        html`<li>Lot <strong>${lot.lotNumber}</strong>, ${lot.expiresOn ? html`exp. ${lot.expiresOn}` : 'no expiry'}${
          line.lots.length > 1 ? html` (${lot.quantity})` : ''
        }</li>`,
    )}
  </ul>`;
}

/** The lines with their lots and expiries, then the totals. */
export function renderLines(order: OrderDetail) {
  const money = (cents: number) => formatMoney(cents, order.currency);
  return html`<div class="table-scroll"><table class="data-table order-lines stack-table">
    <thead><tr><th scope="col">Item</th><th scope="col">Lot and expiry</th><th scope="col" class="num">Qty</th>
      <th scope="col" class="num">Price</th><th scope="col" class="num">Total</th></tr></thead>
    <tbody>
      ${order.lines.map(
        (line) => html`<tr>
          <td class="stack-title">${line.name}<br><span class="muted">${line.sku}</span>${
            line.storage === 'refrigerated' ? html` <span class="badge badge-cold">Refrigerated</span>` : ''
          }</td>
          <td data-label="Lots">${renderLots(line)}</td>
          <td class="num" data-label="Qty">${line.quantity}</td>
          <td class="num" data-label="Price">${money(line.unitPriceCents)}</td>
          <td class="num" data-label="Total">${money(line.lineTotalCents)}</td>
        </tr>`,
      )}
    </tbody>
    <tfoot>
      <tr><th scope="row" colspan="4">Subtotal</th><td class="num">${money(order.subtotalCents)}</td></tr>
      ${order.discountCents ? html`<tr><th scope="row" colspan="4">Discount</th><td class="num">−${money(order.discountCents)}</td></tr>` : ''}
      <tr><th scope="row" colspan="4">Shipping (${order.shippingMethodName})</th><td class="num">${money(order.shippingCents)}</td></tr>
      <tr><th scope="row" colspan="4">Tax</th><td class="num">${money(order.taxCents)}</td></tr>
      <tr class="order-total"><th scope="row" colspan="4">Total</th><td class="num">${money(order.totalCents)}</td></tr>
    </tfoot>
  </table></div>`;
}

function actorOf(entry: OrderHistoryDetail, showStaff: boolean): string {
  if (entry.actor === 'staff') return showStaff && entry.staffName ? entry.staffName : 'Store staff';
  return entry.actor === 'customer' ? 'You' : 'The store';
}

/** What happened to the order, oldest first. Staff see who acted; customers see "store staff". */
export function renderHistory(order: OrderDetail, o: { showStaff: boolean }) {
  return html`<ol class="order-history">
    ${order.history.map(
      (h) => html`<li>
        <time datetime="${h.createdAt.toISOString()}">${formatDateTime(h.createdAt)}</time>
        ${statusBadge(h.status)} ${h.note}
        <span class="muted">(${o.showStaff && h.actor === 'customer' ? 'Customer' : actorOf(h, o.showStaff)})</span>
      </li>`,
    )}
  </ol>`;
}

/** Dates, shipping and payment at a glance. */
export function renderOrderFacts(order: OrderDetail) {
  const facts: [string, unknown][] = [
    ['Placed', formatDateTime(order.placedAt)],
    ['Status', statusBadge(order.status)],
    [
      'Payment',
      html`${PAYMENT_LABELS[order.paymentMethod]}${order.paidAt ? html`, paid ${formatDateTime(order.paidAt)}` : ''}`,
    ],
    ['Shipping', order.shippingMethodName],
  ];
  if (order.expectedShipOn && !order.shippedAt && order.status !== 'cancelled') {
    facts.push(['Expected to ship', formatDay(order.expectedShipOn)]);
  }
  if (order.carrier) facts.push(['Carrier', `${order.carrier}, tracking ${order.trackingNumber ?? ''}`]);
  if (order.cancelReason) facts.push(['Cancelled because', order.cancelReason]);
  return html`<dl class="facts">
    ${facts.map(([label, value]) => html`<dt>${label}</dt><dd>${value as string}</dd>`)}
  </dl>`;
}

/** Ship-to and bill-to side by side. */
export function renderAddresses(order: OrderDetail) {
  return html`<div class="order-addresses">
    <section><h2>Ship to</h2>${renderAddress(order.shippingAddress)}</section>
    <section><h2>Bill to</h2>${order.billingAddress ? renderAddress(order.billingAddress) : html`<p>Same as shipping</p>`}</section>
  </div>`;
}
