import type { Context } from 'hono';
import { html } from 'hono/html';
import type { FieldErrors } from '#src/lib/errors.ts';
import type { AppEnv } from '#src/web/context.ts';
import { csrfField, type FormValues, textField } from '#src/web/forms.ts';
import type { OrderDetail } from '../queries.ts';
import { allowedActions } from '../transitions.ts';
import { renderAddresses, renderHistory, renderLines, renderOrderFacts } from './order-parts.ts';

/** Which form failed, what was typed in it, and why. */
export type ActionFormState = { form: 'ship' | 'cancel' | 'other'; values: FormValues; errors: FieldErrors };

type Customer = { id: string; name: string; email: string } | undefined;

function actionForms(c: Context<AppEnv>, order: OrderDetail, failed: ActionFormState | undefined) {
  const can = allowedActions(order);
  const base = `/admin/orders/${order.number}`;
  const state = (form: ActionFormState['form']) => (failed?.form === form ? failed : undefined);
  const forms = [
    can.markPaid
      ? html`<form method="post" action="${base}/mark-paid" class="order-action">
          ${csrfField(c)}
          <h3>Payment</h3>
          <p class="muted">${order.paymentMethod === 'phone' ? 'Mark paid once the money has arrived; the order may then ship.' : 'Record the payment of the invoice.'}</p>
          <button type="submit">Mark paid</button>
        </form>`
      : '',
    can.ship
      ? html`<form method="post" action="${base}/ship" class="order-action">
          ${csrfField(c)}
          <h3>Ship</h3>
          ${textField({ name: 'carrier', label: 'Carrier', required: true, maxlength: 60, values: state('ship')?.values, errors: state('ship')?.errors })}
          ${textField({ name: 'trackingNumber', label: 'Tracking number', required: true, maxlength: 80, values: state('ship')?.values, errors: state('ship')?.errors })}
          <button type="submit">Mark shipped</button>
        </form>`
      : '',
    can.deliver
      ? html`<form method="post" action="${base}/deliver" class="order-action">
          ${csrfField(c)}
          <h3>Delivery</h3>
          <button type="submit">Mark delivered</button>
        </form>`
      : '',
    can.cancel
      ? html`<form method="post" action="${base}/cancel" class="order-action danger-zone">
          ${csrfField(c)}
          <h3>Cancel</h3>
          <p class="muted">Every unit goes back to its lot. The customer is told the reason.</p>
          ${textField({ name: 'reason', label: 'Reason', required: true, maxlength: 500, values: state('cancel')?.values, errors: state('cancel')?.errors })}
          <button type="submit" class="danger">Cancel order</button>
        </form>`
      : '',
  ];
  if (!forms.some(Boolean)) return html`<p class="muted">This order takes no further action.</p>`;
  return html`<div class="order-actions">${forms}</div>`;
}

// Who ordered: a customer (linked to their record for staff who may read customers) or a guest's address.
function customerLine(order: OrderDetail, customer: Customer, canSeeCustomers: boolean) {
  if (!customer) return html`Guest: ${order.email}`;
  const name = canSeeCustomers
    ? html`<a href="/admin/customers?q=${encodeURIComponent(customer.email)}">${customer.name}</a>`
    : customer.name;
  return html`Customer: ${name} (${customer.email})`;
}

/** One order for staff: what was bought from which lots, where it goes, what happened, and what can be done. */
export function renderAdminOrder(
  c: Context<AppEnv>,
  o: {
    order: OrderDetail;
    customer: Customer;
    canManage: boolean;
    canSeeCustomers: boolean;
    failed?: ActionFormState | undefined;
  },
) {
  const { order } = o;
  const general = o.failed?.errors._;
  return html`<p><a href="/admin/orders">← All orders</a></p>
    <div class="order-heading">
      <h1>Order ${order.number}</h1>
      <a class="button button-secondary" href="/admin/orders/${order.number}/packing-slip">Packing slip</a>
    </div>
    ${general ? html`<div class="notice notice-error" role="alert"><p>${general}</p></div>` : ''}
    ${renderOrderFacts(order)}
    <p>${customerLine(order, o.customer, o.canSeeCustomers)}</p>
    ${o.canManage ? html`<h2>Actions</h2>${actionForms(c, order, o.failed)}` : ''}
    <h2>Items</h2>
    ${renderLines(order)}
    ${renderAddresses(order)}
    <h2>History</h2>
    ${renderHistory(order, { showStaff: true })}`;
}
