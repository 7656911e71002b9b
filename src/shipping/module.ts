import type { WebModule } from '#src/web/module.ts';
import { shippingApi } from './api.ts';

/** Shipping methods in the store API; staff edit them in the admin (admin/shipping-routes.ts). */
export const shippingModule: WebModule = {
  api: [{ at: '/api/store', routes: shippingApi }],
  apiTags: [
    {
      name: 'shipping',
      description: 'How the store ships: methods, their rates and free-shipping thresholds, and the cold chain.',
    },
  ],
  cachedPaths: ['/api/store/shipping-methods'],
};
