import type { WebModule } from '#src/web/module.ts';
import { orderAdminApi } from './admin-api.ts';
import { adminOrderPages } from './admin-routes.ts';
import { customerOrderPages, guestOrderPages } from './customer-routes.ts';
import { orderStoreApi } from './store-api.ts';

/** Orders: the customer's pages and a guest's token page, the staff pages, and both APIs. Nothing here is cached. */
export const ordersModule: WebModule = {
  pages: [
    { at: '/account/orders', routes: customerOrderPages },
    { at: '/orders', routes: guestOrderPages },
    { at: '/admin/orders', routes: adminOrderPages },
  ],
  api: [
    { at: '/api/store', routes: orderStoreApi },
    { at: '/api/admin', routes: orderAdminApi },
  ],
  apiTags: [
    {
      name: 'orders',
      description:
        "A customer's own orders, and for staff every order with its actions: mark paid, ship, deliver, cancel.",
    },
  ],
  hiddenFromRobots: ['/orders'],
};
