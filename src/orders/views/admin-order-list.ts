import { html, raw } from 'hono/html';
import { formatDateTime } from '#src/lib/dates.ts';
import type { FieldErrors } from '#src/lib/errors.ts';
import { formatMoney } from '#src/lib/money.ts';
import type { OrderSummary } from '../queries.ts';
import { ORDER_STATUSES, PAYMENT_METHODS } from '../schema.ts';
import { STATUS_LABELS } from '../transitions.ts';
import { PAYMENT_LABELS, statusBadge } from './order-parts.ts';

export type AdminOrderListFilters = Record<'status' | 'paymentMethod' | 'from' | 'to' | 'q', string | undefined>;

function option(value: string, label: string, selected: string | undefined) {
  return html`<option value="${value}"${value === (selected ?? '') ? raw(' selected') : ''}>${label}</option>`;
}

function filterForm(f: AdminOrderListFilters, errors: FieldErrors | undefined) {
  const err = (name: string) => (errors?.[name] ? html`<p class="field-error">${errors[name]}</p>` : '');
  return html`<form method="get" action="/admin/orders" class="order-filters" role="search">
    <div class="field field-search">
      <label for="f-q">Order number, email or name</label>
      <input id="f-q" name="q" type="search" value="${f.q ?? ''}" maxlength="200">
    </div>
    <div class="field">
      <label for="f-status">Status</label>
      <select id="f-status" name="status">
        ${option('', 'Any status', f.status)}
        ${ORDER_STATUSES.map((s) => option(s, STATUS_LABELS[s], f.status))}
      </select>
    </div>
    <div class="field">
      <label for="f-payment">Payment</label>
      <select id="f-payment" name="paymentMethod">
        ${option('', 'Any payment', f.paymentMethod)}
        ${PAYMENT_METHODS.map((m) => option(m, PAYMENT_LABELS[m], f.paymentMethod))}
      </select>
    </div>
    <div class="field${errors?.from ? ' has-error' : ''}">
      <label for="f-from">Placed from</label>
      <input id="f-from" name="from" type="date" value="${f.from ?? ''}">${err('from')}
    </div>
    <div class="field${errors?.to ? ' has-error' : ''}">
      <label for="f-to">to</label>
      <input id="f-to" name="to" type="date" value="${f.to ?? ''}">${err('to')}
    </div>
    <div class="filter-actions">
      <button type="submit">Show orders</button>
      <a href="/admin/orders">Clear</a>
    </div>
  </form>`;
}

/** Orders for staff: filters, then the newest first, a keyset page at a time. */
export function renderAdminOrderList(o: {
  items: OrderSummary[];
  filters: AdminOrderListFilters;
  errors?: FieldErrors | undefined;
  nextHref: string | undefined;
  firstHref: string | undefined;
}) {
  return html`<h1>Orders</h1>
    ${filterForm(o.filters, o.errors)}
    ${
      o.items.length === 0
        ? html`<p class="empty-state">No orders match these filters.</p>`
        : html`<div class="table-scroll"><table class="data-table order-list stack-table">
          <thead><tr><th scope="col">Order</th><th scope="col">Placed</th><th scope="col">Customer</th>
            <th scope="col">Status</th><th scope="col">Payment</th><th scope="col" class="num">Total</th></tr></thead>
          <tbody>
            ${o.items.map(
              (order) => html`<tr>
                <td class="stack-title nowrap"><a href="/admin/orders/${order.number}">${order.number}</a></td>
                <td data-label="Placed">${formatDateTime(order.placedAt)}</td>
                <td data-label="Customer">${order.name}<br><span class="muted">${order.email}</span></td>
                <td data-label="Status">${statusBadge(order.status)}</td>
                <td data-label="Payment">${order.paymentMethod === 'phone' ? 'Phone / bank' : 'Invoice'}${
                  order.paidAt ? html`<br><span class="muted">paid</span>` : ''
                }</td>
                <td class="num" data-label="Total">${formatMoney(order.totalCents, order.currency)}<br><span class="muted">${order.itemCount} item${order.itemCount === 1 ? '' : 's'}</span></td>
              </tr>`,
            )}
          </tbody>
        </table></div>`
    }
    <nav class="pagination" aria-label="Pages">
      ${o.firstHref ? html`<a href="${o.firstHref}">Newest orders</a>` : ''}
      ${o.nextHref ? html`<a href="${o.nextHref}" rel="next">Older orders</a>` : ''}
    </nav>`;
}
