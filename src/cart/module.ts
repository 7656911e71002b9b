import type { WebModule } from '#src/web/module.ts';
import { cartApi } from './api.ts';
import { cartLinkPart, cartNoticePart } from './parts.ts';
import { cartPages } from './routes.ts';

/** Carts: the /cart page and its forms, the header's cart link, and the store API's carts. */
export const cartModule: WebModule = {
  pages: [{ at: '/cart', routes: cartPages }],
  api: [{ at: '/api/store', routes: cartApi }],
  apiTags: [
    {
      name: 'cart',
      description:
        'Carts of guests and customers, addressed by unguessable ids; prices and totals always come from the catalogue.',
    },
  ],
  // "Add to cart" stands on product pages and cards, which every visitor shares (web/csrf.ts).
  sameOriginForms: ['/cart/items'],
  personalParts: { 'cart-link': cartLinkPart, 'cart-notice': cartNoticePart },
  hiddenFromRobots: ['/cart'],
};
