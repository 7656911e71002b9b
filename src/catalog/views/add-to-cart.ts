import { tryGetContext } from 'hono/context-storage';
import { html } from 'hono/html';
import type { AppEnv } from '#src/web/context.ts';

/** Where the cart takes its form (cart/routes.ts); it sends the visitor back to `back` with a notice. */
const ADD_TO_CART_PATH = '/cart/items';
// The cart refuses more in one line whatever the stock; the field says so before the server must.
const MAX_QUANTITY = 99;

type Addable = { slug: string; name: string; available: number };

// The page this form stands on, to come back to: the same for every visitor of the address, so it may go into a
// shared page.
function currentPath(): string | undefined {
  const url = tryGetContext<AppEnv>()?.req.url;
  if (!url) return undefined;
  const { pathname, search } = new URL(url);
  return pathname + search;
}

/**
 * "Add to cart" for a product, or "Out of stock" in its place. A plain form: it works without JavaScript, and it
 * carries no visitor's token, so the pages that show it stay shared by every visitor (the cart accepts it from
 * this store's own pages, web/csrf.ts). Whether a restricted product may be ordered is decided when it is posted.
 */
export function renderAddToCart(p: Addable, o: { withQuantity?: boolean } = {}) {
  if (p.available <= 0) return html`<p class="add-to-cart add-to-cart-out">Out of stock</p>`;
  const back = currentPath();
  const max = Math.min(p.available, MAX_QUANTITY);
  return html`<form class="add-to-cart" method="post" action="${ADD_TO_CART_PATH}">
    <input type="hidden" name="product" value="${p.slug}">
    ${back ? html`<input type="hidden" name="back" value="${back}">` : ''}
    ${
      o.withQuantity
        ? html`<label for="add-qty-${p.slug}">Quantity</label>
          <input id="add-qty-${p.slug}" name="quantity" type="number" inputmode="numeric" min="1" max="${max}" value="1" required>`
        : ''
    }
    <button type="submit">Add to cart<span class="visually-hidden">: ${p.name}</span></button>
  </form>`;
}
