import { productTag } from '#src/catalog/cache-tags.ts';
import { findProductSlugs } from './shortcodes.ts';

/** Tags pages with the article they show in full, and with each product it embeds. */
export function articleTags(article: { slug: string; body: string }): string[] {
  return [`article:${article.slug}`, ...findProductSlugs(article.body).map(productTag)];
}

/**
 * Tags pages that list articles: the blog and its category and tag pages, the feed, the sitemap, search, the
 * home page, and every article page (its related reading).
 */
export const ARTICLE_LISTS = 'article-lists';

/**
 * The pages an article write changes, to announce in its transaction: the article's page under its old and new
 * slug, and every list (a draft's first save changes none of them, but a cheap extra refresh beats a stale feed).
 */
export function articleChangeTags(...versions: ({ slug: string } | undefined)[]): string[] {
  const slugs = new Set(versions.flatMap((v) => (v ? [v.slug] : [])));
  return [...[...slugs].map((slug) => `article:${slug}`), ARTICLE_LISTS];
}
