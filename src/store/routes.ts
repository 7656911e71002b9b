import { Hono } from 'hono';
import { AppError } from '#src/lib/errors.ts';
import type { AppEnv } from '#src/web/context.ts';
import { renderPage } from '#src/web/layout.ts';
import { hasStorePage, STORE_PAGES } from '#src/web/store-pages.ts';
import { settingsOf } from './settings.ts';
import { renderStorePage } from './views/store-page.ts';

/**
 * The store's policy pages, written by the operator in the settings. They show nothing but the settings, and
 * every save of the settings empties the whole page cache, so they need no tags of their own.
 */
export const storePages = new Hono<AppEnv>();

for (const page of STORE_PAGES) {
  storePages.get(page.path, async (c) => {
    const { ctx } = c.var;
    const store = await settingsOf(ctx);
    if (!hasStorePage(store, page.key))
      throw new AppError('NOT_FOUND', `${store.name} has not published this page yet.`);
    return c.html(
      renderPage({
        title: page.title,
        description: `${page.title} of ${store.name}.`,
        canonicalPath: page.path,
        store,
        baseUrl: ctx.config.baseUrl,
        body: renderStorePage({ page, store }),
      }),
    );
  });
}
