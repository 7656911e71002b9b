import type { WebModule } from '#src/web/module.ts';
import { STORE_PAGES } from '#src/web/store-pages.ts';
import { storePages } from './routes.ts';

/** The store's policy pages (shipping, returns, privacy, terms, about, contact), the same for every visitor. */
export const storeModule: WebModule = {
  pages: [{ at: '/', routes: storePages }],
  cachedPaths: STORE_PAGES.map((p) => p.path),
};
