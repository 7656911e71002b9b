import { and, desc, eq, lte, sql } from 'drizzle-orm';
import { PRODUCT_CARD_COLUMNS, type ProductCardData } from '#src/catalog/card-columns.ts';
import { products } from '#src/catalog/schema.ts';
import { articles } from '#src/content/schema.ts';
import type { Db } from '#src/db/client.ts';

/** The newest published articles (title, excerpt, cover), for teasers that link to the blog. */
export async function listLatestArticles(db: Db, limit = 3) {
  return (
    db
      .select({
        slug: articles.slug,
        title: articles.title,
        excerpt: articles.excerpt,
        coverImage: articles.coverImage,
        publishedAt: articles.publishedAt,
      })
      .from(articles)
      // Scheduled articles (published in the future) stay hidden until their time comes.
      .where(and(eq(articles.status, 'published'), lte(articles.publishedAt, sql`now()`)))
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(limit)
  );
}

export type ArticleTeaser = Awaited<ReturnType<typeof listLatestArticles>>[number];

/** An active product by its slug, as a card shows it; undefined when there is none. */
export async function findActiveProductCard(db: Db, slug: string): Promise<ProductCardData | undefined> {
  if (!slug) return undefined;
  const [row] = await db
    .select(PRODUCT_CARD_COLUMNS)
    .from(products)
    .where(and(eq(products.slug, slug), eq(products.status, 'active')));
  return row;
}
