import { type Crumb, toBreadcrumbJsonLd } from '#src/catalog/views/breadcrumbs.ts';
import { largestSrcOf } from '#src/media/image-files.ts';
import type { FaqEntry } from './article-outline.ts';
import type { Article } from './schema.ts';

/**
 * schema.org data of an article page for search engines: the Article (image URLs made absolute, as the
 * vocabulary expects), the page's BreadcrumbList, and a FAQPage when the article has a questions section
 * (article-outline.ts, findFaq).
 */
export function buildArticleJsonLd(o: {
  article: Pick<
    Article,
    'slug' | 'title' | 'excerpt' | 'seoDescription' | 'authorName' | 'coverImage' | 'updatedAt' | 'tags'
  > & {
    publishedAt: Date;
  };
  storeName: string;
  baseUrl: string;
  crumbs: Crumb[];
  section?: string;
  wordCount?: number;
  faq?: FaqEntry[];
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
    ...(a.coverImage ? { image: [new URL(largestSrcOf(a.coverImage), o.baseUrl).toString()] } : {}),
    ...(o.section ? { articleSection: o.section } : {}),
    ...(a.tags.length ? { keywords: a.tags.join(', ') } : {}),
    ...(o.wordCount ? { wordCount: o.wordCount } : {}),
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
  };
  const faq = o.faq?.length
    ? [
        {
          '@type': 'FAQPage',
          url,
          mainEntity: o.faq.map((entry) => ({
            '@type': 'Question',
            name: entry.question,
            acceptedAnswer: { '@type': 'Answer', text: entry.answer },
          })),
        },
      ]
    : [];
  return {
    '@context': 'https://schema.org',
    '@graph': [article, toBreadcrumbJsonLd(o.crumbs, o.baseUrl), ...faq],
  };
}
