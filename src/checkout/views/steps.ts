import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import { addressLines } from '#src/accounts/addresses/address-pages.ts';
import type { Address, BusinessTerms } from '#src/accounts/schema.ts';
import { formatMoney } from '#src/lib/money.ts';
import { formatShipDay } from '#src/shipping/ship-date.ts';
import type { AppEnv } from '#src/web/context.ts';
import { textField } from '#src/web/forms.ts';
import { NEW_ADDRESS, type ShippingOption } from '../steps.ts';
import { type StepPage, stepFrame } from './frame.ts';

/** Step 1: where the confirmation goes. A guest types an email; a customer's account already has one. */
export function contactStep(c: Context<AppEnv>, page: StepPage) {
  const hasBlocked = page.cart.lines.some((line) => !line.isPurchasable);
  const signIn = html`<a href="/account/sign-in?next=%2Fcheckout">Sign in</a>`;
  const body = page.customer
    ? html`<p>Signed in as <strong>${page.customer.email}</strong>. Your confirmation goes to this address.</p>`
    : html`${textField({
        name: 'email',
        label: 'Email',
        type: 'email',
        autocomplete: 'email',
        required: true,
        maxlength: 254,
        hint: 'Your confirmation and the link to your order go here.',
        values: page.values,
        errors: page.errors,
      })}
      <p class="fineprint">Have an account? ${signIn} to use your address book. Guests may buy open products only; professional products need a verified account.</p>`;
  const blockedNotice = hasBlocked
    ? html`<div class="notice notice-warning"><p>Some products in your cart cannot be ordered as it stands; see
        the note on each.${page.customer ? '' : html` ${signIn} with a verified account, or`} Remove them from your
        <a href="/cart">cart</a> to order the rest.</p></div>`
    : '';
  return stepFrame(c, page, { body: html`${blockedNotice}${body}`, submitLabel: 'Continue to shipping address' });
}

function savedAddresses(page: StepPage, book: Address[]) {
  if (book.length === 0) return '';
  const chosen = page.values.addressId ?? (book.find((a) => a.isDefaultShipping) ?? book[0])!.id;
  const error = page.errors?.addressId;
  return html`<fieldset class="field checkout-choices${error ? ' has-error' : ''}">
    <legend>Ship to</legend>
    ${book.map(
      (a) => html`<label class="checkout-choice">
        <input type="radio" name="addressId" value="${a.id}"${a.id === chosen ? raw(' checked') : ''}>
        <span>${addressLines(a)}</span>
      </label>`,
    )}
    <label class="checkout-choice">
      <input type="radio" name="addressId" value="${NEW_ADDRESS}"${chosen === NEW_ADDRESS ? raw(' checked') : ''}>
      <span>A new address (fill in below)</span>
    </label>
    ${error ? html`<p class="field-error">${error}</p>` : ''}
  </fieldset>`;
}

/** Step 2: a saved address (customers) or a new one; the store ships within the United States only. */
export function addressStep(c: Context<AppEnv>, page: StepPage, book: Address[]) {
  const field = (name: string, label: string, extra: Partial<Parameters<typeof textField>[0]> = {}) =>
    textField({ name, label, values: page.values, errors: page.errors, ...extra });
  const body = html`${savedAddresses(page, book)}
    <fieldset class="checkout-new-address">
      <legend${book.length ? '' : raw(' class="visually-hidden"')}>${book.length ? 'New address' : 'Address'}</legend>
      ${field('name', 'Recipient name', { autocomplete: 'shipping name', required: book.length === 0, maxlength: 100 })}
      ${field('line1', 'Street address', { autocomplete: 'shipping address-line1', required: book.length === 0 })}
      ${field('line2', 'Apartment, suite, unit', { autocomplete: 'shipping address-line2' })}
      ${field('city', 'City', { autocomplete: 'shipping address-level2', required: book.length === 0 })}
      <div class="checkout-row">
        ${field('state', 'State', { autocomplete: 'shipping address-level1', required: book.length === 0, maxlength: 2, hint: 'Two letters, like AZ' })}
        ${field('postalCode', 'ZIP code', { autocomplete: 'shipping postal-code', required: book.length === 0, maxlength: 10, hint: '5 digits, or 5+4' })}
      </div>
      ${field('phone', 'Phone', { type: 'tel', autocomplete: 'shipping tel', hint: 'For the carrier, if they need to reach you.' })}
      <p class="fineprint">We ship within the United States only.</p>
    </fieldset>`;
  return stepFrame(c, page, { body, submitLabel: 'Continue to shipping method' });
}

/** Step 3: each method with its price for this cart, or why this cart cannot take it, and the ship date. */
export function shippingStep(
  c: Context<AppEnv>,
  page: StepPage,
  o: { options: ShippingOption[]; shipDays: { standard: string; refrigerated: string } },
) {
  const allowed = o.options.filter((opt) => opt.quote.allowed);
  const chosen = page.values.shippingMethod ?? allowed[0]?.method.code;
  const error = page.errors?.shippingMethod;
  const body = html`<fieldset class="field checkout-choices${error ? ' has-error' : ''}">
    <legend>Choose how your order ships</legend>
    ${o.options.map(({ method, quote }) => {
      const day = method.code === 'refrigerated' ? o.shipDays.refrigerated : o.shipDays.standard;
      return html`<label class="checkout-choice${quote.allowed ? '' : ' is-disabled'}">
        <input type="radio" name="shippingMethod" value="${method.code}"${method.code === chosen ? raw(' checked') : ''}>
        <span class="checkout-choice-main">
          <strong>${method.name}</strong>
          ${method.description ? html`<span class="hint">${method.description}</span>` : ''}
          ${
            quote.allowed
              ? html`<span class="hint">Ships ${formatShipDay(day)}</span>`
              : html`<span class="checkout-choice-refusal">${quote.reason}</span>`
          }
        </span>
        <span class="checkout-choice-price">${
          quote.allowed ? (quote.cents === 0 ? 'Free' : formatMoney(quote.cents, page.cart.currency)) : ''
        }</span>
      </label>`;
    })}
    ${error ? html`<p class="field-error" id="f-shippingMethod-error">${error}</p>` : ''}
  </fieldset>`;
  return stepFrame(c, page, { body, submitLabel: 'Continue to payment' });
}

/** Step 4: phone or bank transfer for everyone; invoice, net 30 for a business the store gave terms. */
export function paymentStep(
  c: Context<AppEnv>,
  page: StepPage,
  invoice: { terms: BusinessTerms; owedCents: number } | undefined,
) {
  const chosen = page.values.paymentMethod ?? 'phone';
  const error = page.errors?.paymentMethod;
  const money = (cents: number) => formatMoney(cents, page.cart.currency);
  const body = html`<fieldset class="field checkout-choices${error ? ' has-error' : ''}">
    <legend>Choose how you will pay</legend>
    <label class="checkout-choice">
      <input type="radio" name="paymentMethod" value="phone"${chosen === 'phone' ? raw(' checked') : ''}>
      <span class="checkout-choice-main"><strong>Pay by phone or bank transfer</strong>
        <span class="hint">Your order waits for payment; your confirmation gives our phone number and bank
          details. We ship once it is paid.</span></span>
    </label>
    ${
      invoice
        ? html`<label class="checkout-choice">
          <input type="radio" name="paymentMethod" value="invoice"${chosen === 'invoice' ? raw(' checked') : ''}>
          <span class="checkout-choice-main"><strong>Invoice, net ${invoice.terms.paymentTermsDays}</strong>
            <span class="hint">Credit limit ${money(invoice.terms.creditLimitCents)}; ${money(
              Math.max(0, invoice.terms.creditLimitCents - invoice.owedCents),
            )} left after your unpaid invoices.</span></span>
        </label>`
        : ''
    }
    ${error ? html`<p class="field-error" id="f-paymentMethod-error">${error}</p>` : ''}
  </fieldset>`;
  return stepFrame(c, page, { body, submitLabel: 'Review your order' });
}
