import { html } from 'hono/html';
import { formatDateTime } from '#src/lib/dates.ts';
import { formatMoney } from '#src/lib/money.ts';
import type { OrderDetail, OrderSummary } from '../queries.ts';
import { renderAddresses, renderHistory, renderLines, renderOrderFacts, statusBadge } from './order-parts.ts';

/** The customer's orders, newest first. */
export function renderOrderList(o: { items: OrderSummary[]; nextHref: string | undefined; isFirstPage: boolean }) {
  if (o.items.length === 0 && o.isFirstPage) {
    return html`<h1>Orders</h1>
      <p class="empty-state">You have not placed an order yet. <a href="/products">Browse the shop</a>.</p>`;
  }
  return html`<h1>Orders</h1>
    <div class="table-scroll"><table class="data-table order-list stack-table">
      <thead><tr><th scope="col">Order</th><th scope="col">Placed</th><th scope="col">Status</th>
        <th scope="col" class="num">Items</th><th scope="col" class="num">Total</th></tr></thead>
      <tbody>
        ${o.items.map(
          (order) => html`<tr>
            <td class="stack-title nowrap"><a href="/account/orders/${order.number}">${order.number}</a></td>
            <td data-label="Placed">${formatDateTime(order.placedAt)}</td>
            <td data-label="Status">${statusBadge(order.status)}</td>
            <td class="num" data-label="Items">${order.itemCount}</td>
            <td class="num" data-label="Total">${formatMoney(order.totalCents, order.currency)}</td>
          </tr>`,
        )}
      </tbody>
    </table></div>
    <nav class="pagination" aria-label="Pages">
      ${o.isFirstPage ? '' : html`<a href="/account/orders">Newest orders</a>`}
      ${o.nextHref ? html`<a href="${o.nextHref}" rel="next">Older orders</a>` : ''}
    </nav>`;
}

/** One order as its customer (or a guest with its link) sees it, with how to pay while it is unpaid. */
export function renderCustomerOrder(o: {
  order: OrderDetail;
  instructions: string[];
  backHref?: string;
  /** The customer's "Order again" form; guests have none. */
  reorderForm?: unknown;
}) {
  const { order } = o;
  return html`<article class="order-page">
    ${o.backHref ? html`<p><a href="${o.backHref}">← All orders</a></p>` : ''}
    <h1>Order ${order.number}</h1>
    ${
      o.instructions.length > 0
        ? html`<div class="callout callout-payment" role="note">
          <h2>How to pay</h2>
          ${o.instructions.map((line) => html`<p>${line}</p>`)}
        </div>`
        : ''
    }
    ${renderOrderFacts(order)}
    <h2>Items</h2>
    ${renderLines(order)}
    ${o.reorderForm ?? ''}
    ${renderAddresses(order)}
    <h2>History</h2>
    ${renderHistory(order, { showStaff: false })}
  </article>`;
}
