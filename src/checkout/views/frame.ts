import type { Context } from 'hono';
import { html } from 'hono/html';
import type { Customer } from '#src/accounts/schema.ts';
import type { CartView } from '#src/cart/cart-view.ts';
import type { FieldErrors } from '#src/lib/errors.ts';
import { formatMoney } from '#src/lib/money.ts';
import type { AppEnv } from '#src/web/context.ts';
import { csrfField, type FormValues } from '#src/web/forms.ts';
import { STEP_FIELDS, STEP_TITLES, STEPS, type Step } from '../steps.ts';

/** What every step's page needs: who, what cart, the values so far, and the errors of this step. */
export type StepPage = {
  step: Step;
  customer: Customer | undefined;
  cart: CartView;
  values: FormValues;
  errors?: FieldErrors;
  /** A message above the form, e.g. what changed in the cart since the review. */
  notice?: string;
};

const CARRIED = ['email', 'addressId', 'name', 'line1', 'line2', 'city', 'state', 'postalCode', 'phone'] as const;
const ALL_FIELDS = [...CARRIED, 'shippingMethod', 'paymentMethod'];

/** The earlier (and later) choices this step's form does not show, carried as hidden fields. */
export function carriedFields(step: Step, values: FormValues) {
  const shown = new Set(STEP_FIELDS[step]);
  return ALL_FIELDS.filter((name) => !shown.has(name) && values[name] !== undefined).map(
    (name) => html`<input type="hidden" name="${name}" value="${values[name]}">`,
  );
}

function progress(step: Step) {
  const at = STEPS.indexOf(step);
  return html`<ol class="checkout-steps" aria-label="Checkout steps">
    ${STEPS.map(
      (s, i) =>
        html`<li class="${i < at ? 'is-done' : i === at ? 'is-current' : ''}"${i === at ? html` aria-current="step"` : ''}>
          <span class="checkout-step-number">${i + 1}</span> <span class="checkout-step-name">${STEP_TITLES[s]}</span>
        </li>`,
    )}
  </ol>`;
}

/** The cart beside each step: what is being bought, and why a line cannot be. */
export function cartAside(cart: CartView) {
  return html`<aside class="checkout-cart" aria-labelledby="checkout-cart-heading">
    <h2 id="checkout-cart-heading">Your order</h2>
    <ul class="plain checkout-cart-lines">
      ${cart.lines.map(
        (line) => html`<li class="${line.isPurchasable ? '' : 'is-blocked'}">
          <span class="checkout-cart-name">${line.quantity} × ${line.name}${
            line.storage === 'refrigerated' ? html` <span class="badge badge-cold">Ships cold</span>` : ''
          }</span>
          <span class="checkout-cart-price">${
            line.isPurchasable ? formatMoney(line.lineTotalCents, line.currency) : 'Not included'
          }</span>
          ${
            line.warnings.length
              ? html`<ul class="cart-warnings">${line.warnings.map((w) => html`<li class="cart-warning">${w.message}</li>`)}</ul>`
              : ''
          }
        </li>`,
      )}
    </ul>
    <p class="checkout-cart-subtotal"><span>Subtotal</span> <strong>${formatMoney(cart.subtotalCents, cart.currency)}</strong></p>
    <p><a href="/cart">Change your cart</a></p>
  </aside>`;
}

/** A "Back" button: posts the choices so far and shows the step before, so nothing typed is lost. */
export function backButton(step: Step) {
  const at = STEPS.indexOf(step);
  if (at === 0) return html`<a class="button-secondary button" href="/cart">Back to cart</a>`;
  return html`<button type="submit" name="back" value="${STEPS[at - 1]}" class="button-secondary" formaction="/checkout" formnovalidate>Back</button>`;
}

/** One step: its progress, the form (posting to `action`, with the CSRF token and the carried choices), the cart. */
export function stepFrame(
  c: Context<AppEnv>,
  page: StepPage,
  o: { action?: string; body: unknown; submitLabel: string },
) {
  const { step } = page;
  return html`<h1>Checkout</h1>
    ${progress(step)}
    <div class="checkout-layout">
      <div class="checkout-main">
        ${page.notice ? html`<div class="notice notice-error" role="alert"><p>${page.notice}</p></div>` : ''}
        ${
          page.errors && Object.keys(page.errors).length > 0 && !page.notice
            ? html`<div class="notice notice-error" role="alert"><p>${page.errors._ ?? 'Please correct the highlighted fields.'}</p></div>`
            : ''
        }
        <form method="post" action="${o.action ?? '/checkout'}" class="checkout-form" novalidate>
          ${csrfField(c)}
          <input type="hidden" name="step" value="${step}">
          ${carriedFields(step, page.values)}
          <h2>${STEP_TITLES[step]}</h2>
          ${o.body}
          <div class="checkout-actions">
            <button type="submit" class="button button-large">${o.submitLabel}</button>
            ${backButton(step)}
          </div>
        </form>
      </div>
      ${cartAside(page.cart)}
    </div>`;
}
