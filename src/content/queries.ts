import { and, asc, count, desc, eq, inArray, lte, ne, type SQL, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import {
  type Article,
  type ArticleCategory,
  articleCategories,
  articleCategoryLinks,
  articleSlugRedirects,
  articles,
} from './schema.ts';

export type ArticleSummary = Pick<
  Article,
  'id' | 'slug' | 'title' | 'excerpt' | 'authorName' | 'coverImage' | 'tags' | 'updatedAt'
> & { publishedAt: Date };

/** An article list narrowed to one category (by id) or one tag (by its address, tagSlug). */
export type ArticleFilter = { categoryId?: string; tagSlug?: string };

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

/**
 * A tag's address: lowercase letters and digits joined by dashes ("Hair loss" is hair-loss). Written the same
 * way in SQL (tagSlugSql) so a tag page finds the articles whose tag has that address, in any spelling.
 */
export function tagSlug(tag: string): string {
  return tag
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const tagSlugSql = (value: SQL) => sql`trim(both '-' from regexp_replace(lower(${value}), '[^a-z0-9]+', '-', 'g'))`;

function hasTag(slug: string): SQL {
  return sql`exists (select 1 from jsonb_array_elements_text(${articles.tags}) as tag(name) where ${tagSlugSql(sql`tag.name`)} = ${slug})`;
}

function inCategory(categoryId: string): SQL {
  return sql`exists (select 1 from ${articleCategoryLinks} where ${articleCategoryLinks.articleId} = ${articles.id} and ${articleCategoryLinks.categoryId} = ${categoryId})`;
}

function publicWhere(filter: ArticleFilter = {}) {
  return and(
    isPublic,
    filter.categoryId ? inCategory(filter.categoryId) : undefined,
    filter.tagSlug !== undefined ? hasTag(filter.tagSlug) : undefined,
  );
}

// A cover is shown only from this store's own paths or over https: never a javascript: or data: address, whatever
// reached the column.
const SAFE_IMAGE_SRC = /^(\/(?!\/)|https:\/\/)/i;
const safeCover = (cover: Article['coverImage'] | undefined) =>
  cover && typeof cover.src === 'string' && SAFE_IMAGE_SRC.test(cover.src.trim()) ? cover : null;

// The filter guarantees a date; the column type cannot say so.
const withDate = <T extends { publishedAt: Date | null; coverImage?: Article['coverImage'] }>(row: T) => ({
  ...row,
  publishedAt: row.publishedAt!,
  ...('coverImage' in row ? { coverImage: safeCover(row.coverImage) } : {}),
});

/** One page of public articles, newest first, with the total count for pagination. */
export async function listPublishedArticles(
  db: Db,
  options: { page: number; perPage: number } & ArticleFilter,
): Promise<{ items: ArticleSummary[]; total: number }> {
  const where = publicWhere(options);
  const [rows, [totals]] = await Promise.all([
    db
      .select(SUMMARY_COLUMNS)
      .from(articles)
      .where(where)
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(options.perPage)
      .offset((options.page - 1) * options.perPage),
    db.select({ total: count() }).from(articles).where(where),
  ]);
  return { items: rows.map(withDate), total: totals?.total ?? 0 };
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
  return row ? withDate(row) : undefined;
}

/** The current slug of a public article that once answered to `oldSlug`, for a permanent redirect. */
export async function findRenamedArticleSlug(db: Db, oldSlug: string): Promise<string | undefined> {
  const [row] = await db
    .select({ slug: articleSlugRedirects.fromSlug, current: articles.slug })
    .from(articleSlugRedirects)
    .innerJoin(articles, eq(articles.id, articleSlugRedirects.articleId))
    .where(and(eq(articleSlugRedirects.fromSlug, oldSlug), isPublic));
  return row?.current;
}

export type CategoryWithCount = ArticleCategory & { articleCount: number };

/** The blog's categories in the order staff gave them, each with its number of public articles. */
export async function listArticleCategories(db: Db): Promise<CategoryWithCount[]> {
  const counts = db
    .select({ categoryId: articleCategoryLinks.categoryId, n: count().as('n') })
    .from(articleCategoryLinks)
    .innerJoin(articles, eq(articles.id, articleCategoryLinks.articleId))
    .where(isPublic)
    .groupBy(articleCategoryLinks.categoryId)
    .as('counts');
  const rows = await db
    .select({ category: articleCategories, n: counts.n })
    .from(articleCategories)
    .leftJoin(counts, eq(counts.categoryId, articleCategories.id))
    .orderBy(asc(articleCategories.position), asc(articleCategories.name));
  return rows.map((r) => ({ ...r.category, articleCount: Number(r.n ?? 0) }));
}

/** The categories an article is filed under, in the blog's order. */
export async function listCategoriesOfArticle(db: Db, articleId: string): Promise<ArticleCategory[]> {
  const rows = await db
    .select({ category: articleCategories })
    .from(articleCategoryLinks)
    .innerJoin(articleCategories, eq(articleCategories.id, articleCategoryLinks.categoryId))
    .where(eq(articleCategoryLinks.articleId, articleId))
    .orderBy(asc(articleCategories.position), asc(articleCategories.name));
  return rows.map((r) => r.category);
}

/**
 * Up to `limit` other public articles to read next: those sharing more categories and tags first (a shared
 * category counts twice), then the newest. An article with nothing in common still gets the newest ones.
 */
export async function findRelatedArticles(
  db: Db,
  o: { id: string; categoryIds: string[]; tags: string[]; limit: number },
): Promise<ArticleSummary[]> {
  const tagSlugs = o.tags.map(tagSlug).filter(Boolean);
  const sharedCategories = o.categoryIds.length
    ? sql`(select count(*) from ${articleCategoryLinks} where ${articleCategoryLinks.articleId} = ${articles.id} and ${inArray(articleCategoryLinks.categoryId, o.categoryIds)})`
    : sql`0`;
  const sharedTags = tagSlugs.length
    ? sql`(select count(*) from jsonb_array_elements_text(${articles.tags}) as tag(name) where ${tagSlugSql(sql`tag.name`)} in (${sql.join(
        tagSlugs.map((s) => sql`${s}`),
        sql`, `,
      )}))`
    : sql`0`;
  const rows = await db
    .select(SUMMARY_COLUMNS)
    .from(articles)
    .where(and(isPublic, ne(articles.id, o.id)))
    .orderBy(desc(sql`${sharedCategories} * 2 + ${sharedTags}`), desc(articles.publishedAt), desc(articles.id))
    .limit(o.limit);
  return rows.map(withDate);
}

/** Every public article's address and dates, newest first, for the sitemap and the feed. */
export async function listPublicArticleDates(db: Db): Promise<{ slug: string; publishedAt: Date; updatedAt: Date }[]> {
  const rows = await db
    .select({ slug: articles.slug, publishedAt: articles.publishedAt, updatedAt: articles.updatedAt })
    .from(articles)
    .where(isPublic)
    .orderBy(desc(articles.publishedAt), desc(articles.id));
  return rows.map(withDate);
}
