import type { Context } from 'hono';
import { html } from 'hono/html';
import { formatMoney } from '#src/lib/money.ts';
import { formatShipDay } from '#src/shipping/ship-date.ts';
import type { AppEnv } from '#src/web/context.ts';
import type { ReviewTotals } from '../review.ts';
import type { CheckoutInput } from '../validators.ts';
import { type StepPage, stepFrame } from './frame.ts';

const PAYMENT_NAMES = { phone: 'Pay by phone or bank transfer', invoice: 'Invoice' } as const;

/** Step 5: everything the order will hold, and "Place order" with the cart's fingerprint and a fresh key. */
export function reviewStep(
  c: Context<AppEnv>,
  page: StepPage,
  o: { input: Omit<CheckoutInput, 'fingerprint'>; totals: ReviewTotals },
) {
  const { cart } = page;
  const { input, totals } = o;
  const money = (cents: number) => formatMoney(cents, cart.currency);
  const a = input.shippingAddress;
  const lines = cart.lines.filter((line) => line.isPurchasable);
  const body = html`<table class="checkout-review-lines">
      <caption class="visually-hidden">What you are ordering</caption>
      <thead><tr><th scope="col">Product</th><th scope="col">Qty</th><th scope="col">Price</th><th scope="col">Total</th></tr></thead>
      <tbody>
        ${lines.map(
          (line) => html`<tr>
            <th scope="row">${line.name}<span class="hint">SKU ${line.sku}</span></th>
            <td>${line.quantity}</td><td>${money(line.unitPriceCents)}</td><td>${money(line.lineTotalCents)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
    <p class="fineprint">Lots are chosen when the order is placed: the earliest expiry first.</p>
    <dl class="checkout-review-facts">
      <dt>Email</dt><dd>${input.email ?? page.customer?.email ?? ''}</dd>
      <dt>Ship to</dt><dd><address class="postal">${a.name}<br>${a.line1}<br>${a.line2 ? html`${a.line2}<br>` : ''}${a.city}, ${a.state.toUpperCase()} ${a.postalCode}${a.phone ? html`<br>${a.phone}` : ''}</address></dd>
      <dt>Shipping</dt><dd>${totals.methodName}, ships ${formatShipDay(totals.shipOn)}</dd>
      <dt>Payment</dt><dd>${PAYMENT_NAMES[input.paymentMethod]}</dd>
    </dl>
    <dl class="checkout-review-totals">
      <dt>Subtotal</dt><dd>${money(cart.subtotalCents)}</dd>
      <dt>Shipping</dt><dd>${totals.shippingCents === 0 ? 'Free' : money(totals.shippingCents)}</dd>
      <dt>Tax${totals.isTaxExempt ? ' (exempt)' : ''}</dt><dd>${money(totals.taxCents)}</dd>
      <dt class="checkout-total">Total</dt><dd class="checkout-total">${money(totals.totalCents)}</dd>
    </dl>
    <input type="hidden" name="fingerprint" value="${totals.fingerprint}">
    <input type="hidden" name="idempotencyKey" value="${totals.idempotencyKey}">`;
  return stepFrame(c, page, { action: '/checkout/place', body, submitLabel: 'Place order' });
}
