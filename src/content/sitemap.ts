import { asc, eq } from 'drizzle-orm';
import { categories, products } from '#src/catalog/schema.ts';
import type { Db } from '#src/db/client.ts';
import { hasStorePage, STORE_PAGES, type StorePageSource } from '#src/web/store-pages.ts';
import { listArticleCategories, listPublicArticleDates } from './queries.ts';
import { escapeXml } from './xml.ts';

type SitemapEntry = { path: string; modified?: Date };

/**
 * Every public page a search engine should know: the home page, the shop and its categories, each product on
 * sale, the store's own pages, the blog, its categories with articles and each public article. Drafts, scheduled
 * articles and products not on sale are not listed.
 */
export async function listSitemapEntries(db: Db, store: StorePageSource): Promise<SitemapEntry[]> {
  const [productRows, categoryRows, articleRows, blogCategories] = await Promise.all([
    db
      .select({ slug: products.slug, updatedAt: products.updatedAt })
      .from(products)
      .where(eq(products.status, 'active'))
      .orderBy(asc(products.slug)),
    db
      .select({ slug: categories.slug, updatedAt: categories.updatedAt })
      .from(categories)
      .orderBy(asc(categories.position)),
    listPublicArticleDates(db),
    listArticleCategories(db),
  ]);
  const latest = (a: { publishedAt: Date; updatedAt: Date }) =>
    new Date(Math.max(a.publishedAt.getTime(), a.updatedAt.getTime()));
  return [
    { path: '/' },
    { path: '/products' },
    ...categoryRows.map((c) => ({ path: `/categories/${c.slug}`, modified: c.updatedAt })),
    ...productRows.map((p) => ({ path: `/products/${p.slug}`, modified: p.updatedAt })),
    ...STORE_PAGES.filter((p) => hasStorePage(store, p.key)).map((p) => ({ path: p.path })),
    { path: '/blog', modified: articleRows[0] ? latest(articleRows[0]) : undefined },
    ...blogCategories.filter((c) => c.articleCount > 0).map((c) => ({ path: `/blog/category/${c.slug}` })),
    ...articleRows.map((a) => ({ path: `/blog/${a.slug}`, modified: latest(a) })),
  ];
}

/** The sitemaps.org XML of the entries, with absolute addresses. */
export function renderSitemap(entries: SitemapEntry[], baseUrl: string): string {
  const urls = entries.map(
    (e) =>
      `<url><loc>${escapeXml(`${baseUrl}${e.path}`)}</loc>${e.modified ? `<lastmod>${e.modified.toISOString()}</lastmod>` : ''}</url>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    '</urlset>',
  ].join('\n');
}
