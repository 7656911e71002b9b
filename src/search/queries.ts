import { type AnyColumn, and, desc, eq, lte, type SQL, sql } from 'drizzle-orm';
import { PRODUCT_CARD_COLUMNS } from '#src/catalog/card-columns.ts';
import { products } from '#src/catalog/schema.ts';
import { articleBodyToPlainText } from '#src/content/plain-text.ts';
import { articles } from '#src/content/schema.ts';
import type { Db } from '#src/db/client.ts';
import { markdownToPlainText } from '#src/lib/markdown-text.ts';
import { nearSpellingText, toTsQuery } from '#src/lib/tsquery.ts';
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

/**
 * How a row matched, as SQL for the WHERE clause and the rank. Rows the full-text query finds (words as typed, or
 * their beginnings) keep its rank, plus 1 for a match in the name or title and 2 more when the whole name is the
 * query. Rows found only because their name is a near spelling of the query (`nearIds`, a function of the
 * search migration that uses the trigram index) rank below every one of them: their rank is pg_trgm's word
 * similarity minus 1, between -0.55 and 0.
 */
function matching(
  q: string,
  query: SQL,
  columns: { id: AnyColumn; search: AnyColumn; name: AnyColumn },
  nearIds: SQL | undefined,
) {
  const { id, search, name } = columns;
  const fullText = sql`(${search} @@ ${query})`;
  // The name's own words are the document's weight A: filtered from the stored document instead of parsing the
  // name again for each of the thousands of rows a common word matches in a large catalogue.
  const nameMatch = sql`(ts_filter(${search}, '{a}') @@ ${query})`;
  const exactName = sql`(lower(${name}) = ${q.trim().toLowerCase()})`;
  const textRank = sql`(ts_rank_cd(${search}, ${query}) + case when ${nameMatch} then 1 else 0 end + case when ${exactName} then 2 else 0 end)`;
  const near = nearSpellingText(q);
  if (!near || !nearIds) return { where: fullText, rank: sql<number>`${textRank}` };
  return {
    // "= any(array(...))" rather than "in (select ...)": PostgreSQL can then OR the full-text index with the
    // primary key (a BitmapOr) instead of testing every active row.
    where: sql`(${fullText} or ${id} = any(array(select ${nearIds}(${near}::text))))`,
    rank: sql<number>`(case when ${fullText} then ${textRank} else word_similarity(${near}::text, ${name}) - 1 end)`,
  };
}

/**
 * Rows found by the words as typed, and only when they do not fill the page, by near spellings as well: those rank
 * below every match of the words, so they could not be shown, and looking for them costs most for a common word
 * (thousands of names are spelled close to "biotin" in a large catalogue). `total` then counts the words' matches.
 */
async function withNearSpellings<Row>(
  q: string,
  limit: number,
  find: (nearIds: SQL | undefined) => PromiseLike<Row[]>,
  nearIds: SQL,
): Promise<Row[]> {
  const rows = await find(undefined);
  if (rows.length >= limit || !nearSpellingText(q)) return rows;
  return find(nearIds);
}

export type ProductHit = Awaited<ReturnType<typeof searchProducts>>['items'][number];
export type ArticleHit = Awaited<ReturnType<typeof searchArticles>>['items'][number];

/**
 * Active products matching a visitor's text, best first, each with a snippet of its summary and description. A
 * match in the name outranks any number of matches in the description; a name close to the query in spelling
 * comes after every match of its words; ties fall back to the name.
 */
export async function searchProducts(db: Db, q: string, limit: number) {
  const query = toTsQuery(q);
  const columns = { id: products.id, search: products.search, name: products.name };
  const find = (nearIds: SQL | undefined) => {
    const { where, rank } = matching(q, query, columns, nearIds);
    return db
      .select({
        ...PRODUCT_CARD_COLUMNS,
        rank,
        total: sql<number>`count(*) over ()`.mapWith(Number),
        description: products.description,
      })
      .from(products)
      .where(and(eq(products.status, 'active'), where))
      .orderBy(desc(rank), products.name, products.id)
      .limit(limit);
  };
  const rows = await withNearSpellings(q, limit, find, sql.raw('products_named_near'));
  const texts = rows.map((row) => markdownToPlainText(`${row.summary}\n\n${row.description}`));
  const snippets = await snippetsOf(db, query, texts, PRODUCT_SNIPPET_LENGTH);
  const items = rows.map(({ description: _, ...row }, i) => ({ ...row, snippet: snippets[i]! }));
  return { items, total: rows[0]?.total ?? 0 };
}

/** Published articles matching a visitor's text, best first, each with a snippet of its excerpt and text. */
export async function searchArticles(db: Db, q: string, limit: number) {
  const query = toTsQuery(q);
  const columns = { id: articles.id, search: articles.search, name: articles.title };
  const find = (nearIds: SQL | undefined) => {
    const { where, rank } = matching(q, query, columns, nearIds);
    return db
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
      .where(and(eq(articles.status, 'published'), lte(articles.publishedAt, sql`now()`), where))
      .orderBy(desc(rank), desc(articles.publishedAt), articles.id)
      .limit(limit);
  };
  const rows = await withNearSpellings(q, limit, find, sql.raw('articles_titled_near'));
  const texts = rows.map((row) => `${markdownToPlainText(row.excerpt)}\n${articleBodyToPlainText(row.body)}`);
  const snippets = await snippetsOf(db, query, texts, ARTICLE_SNIPPET_LENGTH);
  const items = rows.map(({ body: _, ...row }, i) => ({ ...row, snippet: snippets[i]! }));
  return { items, total: rows[0]?.total ?? 0 };
}
