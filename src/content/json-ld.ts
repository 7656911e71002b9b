import type { Article } from './schema.ts';

/** schema.org Article data for search engines; image URLs are made absolute as the vocabulary expects. */
export function buildArticleJsonLd(o: {
  article: Pick<
    Article,
    'slug' | 'title' | 'excerpt' | 'seoDescription' | 'authorName' | 'coverImage' | 'updatedAt'
  > & {
    publishedAt: Date;
  };
  storeName: string;
  baseUrl: string;
}) {
  const a = o.article;
  const url = `${o.baseUrl}/blog/${a.slug}`;
  return {
    '@context': 'https://schema.org',
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
}
