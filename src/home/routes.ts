import { Hono } from 'hono';
import { PRODUCT_LISTS, productTag } from '#src/catalog/cache-tags.ts';
import { getCategoryTree } from '#src/catalog/category-queries.ts';
import { listActiveProducts, listFeaturedProducts } from '#src/catalog/queries.ts';
import { ARTICLE_LISTS } from '#src/content/cache-tags.ts';
import { settingsOf } from '#src/store/settings.ts';
import { tagPage } from '#src/web/cache-middleware.ts';
import type { AppEnv } from '#src/web/context.ts';
import { renderPage } from '#src/web/layout.ts';
import { findActiveProductCard, listLatestArticles } from './queries.ts';
import { renderHomePage } from './views/home-page.ts';

export const homePage = new Hono<AppEnv>();

const FEATURED_COUNT = 8;

homePage.get('/', async (c) => {
  const { ctx } = c.var;
  tagPage(c, PRODUCT_LISTS, ARTICLE_LISTS);
  const [store, featured, tree, articles] = await Promise.all([
    settingsOf(ctx),
    listFeaturedProducts(ctx.db, FEATURED_COUNT),
    getCategoryTree(ctx.db),
    listLatestArticles(ctx.db, 3),
  ]);
  // A store that has picked no featured products yet still shows what is new.
  const isFallback = featured.length === 0;
  const products = isFallback
    ? (await listActiveProducts(ctx.db, { sort: 'newest', limit: FEATURED_COUNT })).items
    : featured;
  // The hero shows the product the operator chose, or else the first one anybody may buy.
  const spotlight =
    (await findActiveProductCard(ctx.db, store.heroProductSlug)) ??
    products.find((p) => p.accessClass === 'open') ??
    products[0];
  if (spotlight) tagPage(c, productTag(spotlight.slug));
  return c.html(
    renderPage({
      title: store.name,
      description: store.heroText || store.tagline || `Medical and aesthetic supplies from ${store.name}.`,
      store,
      baseUrl: ctx.config.baseUrl,
      section: 'home',
      canonicalPath: '/',
      jsonLd: {
        '@context': 'https://schema.org',
        '@type': 'Store',
        name: store.name,
        url: ctx.config.baseUrl,
        ...(store.phone ? { telephone: store.phone } : {}),
        ...(store.email ? { email: store.email } : {}),
      },
      body: renderHomePage({ store, products, isFallback, categories: tree, articles, spotlight }),
    }),
  );
});
