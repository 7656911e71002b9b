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
  cachedPaths: [
    '/products',
    '/products/*',
    '/categories/*',
    '/api/store/products',
    '/api/store/products/*',
    '/api/store/categories',
  ],
};
