import type { WebModule } from '#src/web/module.ts';
import { catalogApi } from './api.ts';
import { categoryPages, productPages } from './routes.ts';

/** Products and categories: public pages and API answers the page cache keeps. */
export const catalogModule: WebModule = {
  pages: [
    { at: '/products', routes: productPages },
    { at: '/categories', routes: categoryPages },
  ],
  // Both roots of the catalogue's API (/products, /categories) sit directly in the store API.
  api: [{ at: '/api/store', routes: catalogApi }],
  apiTags: [
    {
      name: 'catalogue',
      description:
        'Products and categories as shoppers see them: prices, stock, access class, regulatory status, storage and side effects.',
    },
  ],
  cachedPaths: [
    '/products',
    '/products/*',
    '/categories/*',
    '/api/store/products',
    '/api/store/products/*',
    '/api/store/categories',
  ],
};
