import type { WebModule } from '#src/web/module.ts';
import { checkoutApi } from './api.ts';
import { checkoutPages } from './pages.ts';

/** Checkout: the one service that turns a cart into an order, across cart, inventory, shipping, tax and orders. */
export const checkoutModule: WebModule = {
  pages: [{ at: '/checkout', routes: checkoutPages }],
  hiddenFromRobots: ['/checkout'],
  api: [{ at: '/api/store', routes: checkoutApi }],
  apiTags: [
    {
      name: 'checkout',
      description:
        'Placing an order from a cart: address, shipping method, payment method, and the fingerprint of the cart as reviewed.',
    },
  ],
};
