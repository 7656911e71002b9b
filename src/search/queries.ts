import { and, desc, eq, lte, type SQL, sql } from 'drizzle-orm';
import { PRODUCT_CARD_COLUMNS } from '#src/catalog/card-columns.ts';
import { products } from '#src/catalog/schema.ts';
import { articleBodyToPlainText } from '#src/content/plain-text.ts';
import { articles } from '#src/content/schema.ts';
import type { Db } from '#src/db/client.ts';
import { markdownToPlainText } from '#src/lib/markdown-text.ts';
import { toTsQuery } from '#src/lib/tsquery.ts';
import { HIGHLIGHT_ALL_OPTIONS, stripMarkers } from './highlight.ts';
import { buildSnippet } from './snippet.ts';

// Longest snippet, in characters: three or four lines beside a product's picture, a little more for an article.
const PRODUCT_SNIPPET_LENGTH = 200;
const ARTICLE_SNIPPET_LENGTH = 240;

/**
 * Snippets for plain texts, in order. PostgreSQL marks every word the query matches (with the same stemming and
 * prefixes that found the row); choosing and cutting the passage is buildSnippet's work.
 */
async function snippetsOf(db: Db, query: SQL, texts: string[], maxLength: number): Promise<string[]> {
  if (texts.length === 0) return [];
  const values = sql.join(
    texts.map((text, i) => sql`(${i}::int, ${stripMarkers(text)}::text)`),
    sql`, `,
  );
  const { rows } = await db.execute<{ marked: string }>(
    sql`select ts_headline('english', t, ${query}, ${HIGHLIGHT_ALL_OPTIONS}) as marked
      from (values ${values}) as v(n, t) order by n`,
  );
  return rows.map((row) => buildSnippet(row.marked, maxLength));
}

export type ProductHit = Awaited<ReturnType<typeof searchProducts>>['items'][number];
export type ArticleHit = Awaited<ReturnType<typeof searchArticles>>['items'][number];

/**
 * Active products matching a visitor's text, best first, each with a snippet of its summary and description. A
 * match in the name outranks any number of matches in the description; ties fall back to the name.
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
      description: products.description,
    })
    .from(products)
    .where(and(eq(products.status, 'active'), sql`${products.search} @@ ${query}`))
    .orderBy(desc(rank), products.name, products.id)
    .limit(limit);
  const texts = rows.map((row) => markdownToPlainText(`${row.summary}\n\n${row.description}`));
  const snippets = await snippetsOf(db, query, texts, PRODUCT_SNIPPET_LENGTH);
  const items = rows.map(({ description: _, ...row }, i) => ({ ...row, snippet: snippets[i]! }));
  return { items, total: rows[0]?.total ?? 0 };
}

/** Published articles matching a visitor's text, best first, each with a snippet of its excerpt and text. */
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
      body: articles.body,
    })
    .from(articles)
    .where(
      and(eq(articles.status, 'published'), lte(articles.publishedAt, sql`now()`), sql`${articles.search} @@ ${query}`),
    )
    .orderBy(desc(rank), desc(articles.publishedAt), articles.id)
    .limit(limit);
  const texts = rows.map((row) => `${markdownToPlainText(row.excerpt)}\n${articleBodyToPlainText(row.body)}`);
  const snippets = await snippetsOf(db, query, texts, ARTICLE_SNIPPET_LENGTH);
  const items = rows.map(({ body: _, ...row }, i) => ({ ...row, snippet: snippets[i]! }));
  return { items, total: rows[0]?.total ?? 0 };
}
