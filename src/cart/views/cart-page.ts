import type { Context } from 'hono';
import { html } from 'hono/html';
import { formatMoney } from '#src/lib/money.ts';
import type { AppEnv } from '#src/web/context.ts';
import { csrfField } from '#src/web/forms.ts';
import { type CartLine, type CartView, MAX_LINE_QUANTITY } from '../cart-view.ts';

function renderWarnings(line: CartLine) {
  if (line.warnings.length === 0) return '';
  return html`<ul class="cart-warnings" id="warnings-${line.id}">
    ${line.warnings.map(
      (w) => html`<li class="cart-warning cart-warning-${w.code}">
        ${w.message}${w.howToQualify ? html` ${w.howToQualify}` : ''}
        ${w.code === 'not-entitled' ? html` <a href="/account/licences">Your licences</a>` : ''}
      </li>`,
    )}
  </ul>`;
}

function renderLine(c: Context<AppEnv>, line: CartLine) {
  const max = Math.max(1, Math.min(line.available, MAX_LINE_QUANTITY));
  return html`<li class="cart-line${line.isPurchasable ? '' : ' cart-line-blocked'}">
    ${
      line.image
        ? html`<img class="cart-line-image" src="${line.image.src}" alt="" width="96" height="72" loading="lazy">`
        : html`<span class="cart-line-image no-image" aria-hidden="true"></span>`
    }
    <div class="cart-line-main">
      <h2 class="cart-line-name"><a href="/products/${line.slug}">${line.name}</a></h2>
      <p class="cart-line-price">${formatMoney(line.unitPriceCents, line.currency)} each${
        line.storage === 'refrigerated' ? html` <span class="badge badge-cold">Ships cold</span>` : ''
      }</p>
      ${renderWarnings(line)}
      <div class="cart-line-actions">
        <form method="post" action="/cart/items/${line.id}" class="cart-quantity-form">
          ${csrfField(c)}
          <label for="qty-${line.id}">Quantity</label>
          <input id="qty-${line.id}" name="quantity" type="number" inputmode="numeric" min="1" max="${max}"
            value="${line.quantity}" required>
          <button type="submit" class="button-secondary">Update</button>
        </form>
        <form method="post" action="/cart/items/${line.id}/remove" class="cart-remove-form">
          ${csrfField(c)}
          <button type="submit" class="link-button">Remove<span class="visually-hidden"> ${line.name}</span></button>
        </form>
      </div>
    </div>
    <p class="cart-line-total">${
      line.isPurchasable
        ? formatMoney(line.lineTotalCents, line.currency)
        : html`<span class="cart-line-unavailable">Not included</span>`
    }</p>
  </li>`;
}

/** The cart page: each line with its quantity, warnings and total, and the subtotal of what can be bought. */
export function renderCartPage(c: Context<AppEnv>, cart: CartView | undefined) {
  if (!cart || cart.lines.length === 0) {
    return html`<h1>Your cart</h1>
      <div class="cart-empty">
        <p>Your cart is empty.</p>
        <p><a class="button" href="/products">Browse the shop</a></p>
      </div>`;
  }
  const blocked = cart.lines.filter((l) => !l.isPurchasable).length;
  return html`<h1>Your cart</h1>
    <div class="cart-layout">
      <ul class="cart-lines plain">${cart.lines.map((line) => renderLine(c, line))}</ul>
      <aside class="cart-summary" aria-labelledby="summary-heading">
        <h2 id="summary-heading">Summary</h2>
        <dl>
          <dt>Items</dt><dd>${cart.itemCount}</dd>
          <dt>Subtotal</dt><dd class="cart-subtotal">${formatMoney(cart.subtotalCents, cart.currency)}</dd>
        </dl>
        ${
          blocked > 0
            ? html`<p class="notice notice-warning">${blocked === 1 ? 'One line is' : `${blocked} lines are`} not
              included in the subtotal; see the note on each.</p>`
            : ''
        }
        ${
          cart.lines.some((l) => l.isPurchasable)
            ? html`<p><a class="button button-large button-block" href="/checkout">Check out</a></p>`
            : ''
        }
        <p class="fineprint">Shipping and tax are added at checkout. Prices and stock are checked again when you
          order.</p>
      </aside>
    </div>`;
}
