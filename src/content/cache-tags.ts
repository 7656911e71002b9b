import { productTag } from '#src/catalog/cache-tags.ts';
import { findProductSlugs } from './shortcodes.ts';

/** Tags pages with the article they show in full, and with each product it embeds. */
export function articleTags(article: { slug: string; body: string }): string[] {
  return [`article:${article.slug}`, ...findProductSlugs(article.body).map(productTag)];
}

/** Tags pages that list articles: the blog, search, the home page. */
export const ARTICLE_LISTS = 'article-lists';
