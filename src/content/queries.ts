import { and, count, desc, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { type Article, articleSlugRedirects, articles } from './schema.ts';

export type ArticleSummary = Pick<
  Article,
  'id' | 'slug' | 'title' | 'excerpt' | 'authorName' | 'coverImage' | 'tags' | 'updatedAt'
> & { publishedAt: Date };

// Public means published with a publication date that has come: a future date schedules the article.
const isPublic = and(eq(articles.status, 'published'), lte(articles.publishedAt, sql`now()`));

const SUMMARY_COLUMNS = {
  id: articles.id,
  slug: articles.slug,
  title: articles.title,
  excerpt: articles.excerpt,
  authorName: articles.authorName,
  coverImage: articles.coverImage,
  tags: articles.tags,
  publishedAt: articles.publishedAt,
  updatedAt: articles.updatedAt,
};

/** One page of public articles, newest first, with the total count for pagination. */
export async function listPublishedArticles(
  db: Db,
  options: { page: number; perPage: number },
): Promise<{ items: ArticleSummary[]; total: number }> {
  const [rows, [totals]] = await Promise.all([
    db
      .select(SUMMARY_COLUMNS)
      .from(articles)
      .where(isPublic)
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(options.perPage)
      .offset((options.page - 1) * options.perPage),
    db.select({ total: count() }).from(articles).where(isPublic),
  ]);
  // The filter guarantees a date; the column type cannot say so.
  const items = rows.map((row) => ({ ...row, publishedAt: row.publishedAt! }));
  return { items, total: totals?.total ?? 0 };
}

/** A public article by its current slug. */
export async function findPublishedArticle(
  db: Db,
  slug: string,
): Promise<(Article & { publishedAt: Date }) | undefined> {
  const [row] = await db
    .select()
    .from(articles)
    .where(and(eq(articles.slug, slug), isPublic));
  return row ? { ...row, publishedAt: row.publishedAt! } : undefined;
}

/** The current slug of a public article that once answered to `oldSlug`, for a permanent redirect. */
export async function findRenamedArticleSlug(db: Db, oldSlug: string): Promise<string | undefined> {
  const [row] = await db
    .select({ slug: articles.slug })
    .from(articleSlugRedirects)
    .innerJoin(articles, eq(articles.id, articleSlugRedirects.articleId))
    .where(and(eq(articleSlugRedirects.fromSlug, oldSlug), isPublic));
  return row?.slug;
}
