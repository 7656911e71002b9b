import { and, desc, eq, lte, type SQL, sql } from 'drizzle-orm';
import { PRODUCT_CARD_COLUMNS } from '#src/catalog/card-columns.ts';
import { products } from '#src/catalog/schema.ts';
import { articles } from '#src/content/schema.ts';
import type { Db } from '#src/db/client.ts';
import { toTsQuery } from '#src/lib/tsquery.ts';
import { HEADLINE_EMBED_PATTERN, HEADLINE_OPTIONS, HEADLINE_STRIP_PATTERN } from './highlight.ts';

function headline(text: SQL, query: SQL) {
  const withoutEmbeds = sql`regexp_replace(${text}, ${HEADLINE_EMBED_PATTERN}, ' ', 'g')`;
  return sql<string>`ts_headline('english', regexp_replace(${withoutEmbeds}, ${HEADLINE_STRIP_PATTERN}, ' ', 'g'), ${query}, ${HEADLINE_OPTIONS})`;
}

export type ProductHit = Awaited<ReturnType<typeof searchProducts>>['items'][number];
export type ArticleHit = Awaited<ReturnType<typeof searchArticles>>['items'][number];

/**
 * Active products matching a visitor's text, best first. A match in the name outranks any number of matches
 * in the description; ties fall back to the name. The headline is computed only for the rows returned,
 * because PostgreSQL evaluates costly select-list functions after ORDER BY ... LIMIT.
 */
export async function searchProducts(db: Db, q: string, limit: number) {
  const query = toTsQuery(q);
  const nameMatch = sql`(to_tsvector('english', ${products.name}) @@ ${query})`;
  const rank = sql<number>`(ts_rank_cd(${products.search}, ${query}) + case when ${nameMatch} then 1 else 0 end)`;
  const rows = await db
    .select({
      ...PRODUCT_CARD_COLUMNS,
      rank,
      total: sql<number>`count(*) over ()`.mapWith(Number),
      snippet: headline(sql`${products.summary} || ' ' || ${products.description}`, query),
    })
    .from(products)
    .where(and(eq(products.status, 'active'), sql`${products.search} @@ ${query}`))
    .orderBy(desc(rank), products.name, products.id)
    .limit(limit);
  return { items: rows, total: rows[0]?.total ?? 0 };
}

/** Published articles matching a visitor's text, best first, with a highlighted excerpt. */
export async function searchArticles(db: Db, q: string, limit: number) {
  const query = toTsQuery(q);
  const titleMatch = sql`(to_tsvector('english', ${articles.title}) @@ ${query})`;
  const rank = sql<number>`(ts_rank_cd(${articles.search}, ${query}) + case when ${titleMatch} then 1 else 0 end)`;
  const rows = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      excerpt: articles.excerpt,
      coverImage: articles.coverImage,
      publishedAt: articles.publishedAt,
      rank,
      total: sql<number>`count(*) over ()`.mapWith(Number),
      snippet: headline(sql`${articles.excerpt} || ' ' || ${articles.body}`, query),
    })
    .from(articles)
    .where(
      and(eq(articles.status, 'published'), lte(articles.publishedAt, sql`now()`), sql`${articles.search} @@ ${query}`),
    )
    .orderBy(desc(rank), desc(articles.publishedAt), articles.id)
    .limit(limit);
  return { items: rows, total: rows[0]?.total ?? 0 };
}
