import type { ArticleSummary } from './queries.ts';
import { escapeXml } from './xml.ts';

/** How many of the newest articles the feed carries. */
export const FEED_SIZE = 20;

/**
 * The blog as an RSS 2.0 feed: the newest public articles, each with its excerpt and topics. Its build date is
 * the newest change among them, so the same articles always give the same bytes (and the same ETag).
 */
export function renderArticleFeed(o: { items: ArticleSummary[]; storeName: string; baseUrl: string }): string {
  const blogUrl = `${o.baseUrl}/blog`;
  const newest = o.items.reduce((max, a) => Math.max(max, a.publishedAt.getTime(), a.updatedAt.getTime()), 0);
  const items = o.items.map((a) => {
    const url = `${blogUrl}/${a.slug}`;
    return [
      '<item>',
      `<title>${escapeXml(a.title)}</title>`,
      `<link>${escapeXml(url)}</link>`,
      `<guid isPermaLink="true">${escapeXml(url)}</guid>`,
      `<pubDate>${a.publishedAt.toUTCString()}</pubDate>`,
      a.authorName ? `<dc:creator>${escapeXml(a.authorName)}</dc:creator>` : '',
      `<description>${escapeXml(a.excerpt)}</description>`,
      ...a.tags.map((tag) => `<category>${escapeXml(tag)}</category>`),
      '</item>',
    ]
      .filter(Boolean)
      .join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    `<title>${escapeXml(`${o.storeName} Blog`)}</title>`,
    `<link>${escapeXml(blogUrl)}</link>`,
    `<description>${escapeXml(`Articles and guides from ${o.storeName}`)}</description>`,
    '<language>en-us</language>',
    `<atom:link href="${escapeXml(`${blogUrl}/feed.xml`)}" rel="self" type="application/rss+xml"/>`,
    newest ? `<lastBuildDate>${new Date(newest).toUTCString()}</lastBuildDate>` : '',
    ...items,
    '</channel>',
    '</rss>',
  ]
    .filter(Boolean)
    .join('\n');
}
