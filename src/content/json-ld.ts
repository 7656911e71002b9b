import { type Crumb, toBreadcrumbJsonLd } from '#src/catalog/views/breadcrumbs.ts';
import type { Article } from './schema.ts';

/**
 * schema.org data of an article page for search engines: the Article (image URLs made absolute, as the
 * vocabulary expects) and the page's BreadcrumbList.
 */
export function buildArticleJsonLd(o: {
  article: Pick<
    Article,
    'slug' | 'title' | 'excerpt' | 'seoDescription' | 'authorName' | 'coverImage' | 'updatedAt'
  > & {
    publishedAt: Date;
  };
  storeName: string;
  baseUrl: string;
  crumbs: Crumb[];
}) {
  const a = o.article;
  const url = `${o.baseUrl}/blog/${a.slug}`;
  const article = {
    '@type': 'Article',
    headline: a.title,
    description: a.seoDescription || a.excerpt,
    datePublished: a.publishedAt.toISOString(),
    dateModified: new Date(Math.max(a.updatedAt.getTime(), a.publishedAt.getTime())).toISOString(),
    author: a.authorName ? { '@type': 'Person', name: a.authorName } : { '@type': 'Organization', name: o.storeName },
    publisher: { '@type': 'Organization', name: o.storeName, url: o.baseUrl },
    ...(a.coverImage ? { image: [new URL(a.coverImage.src, o.baseUrl).toString()] } : {}),
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
  };
  return { '@context': 'https://schema.org', '@graph': [article, toBreadcrumbJsonLd(o.crumbs, o.baseUrl)] };
}
