import { sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { queryWords } from '#src/lib/tsquery.ts';
import { searchArticles, searchProducts } from './queries.ts';

// pg_trgm's similarity of a typed word and a word of the catalogue, from 0 to 1. Below this, the two share too
// little to offer one for the other ("qwzxv" is close to nothing).
const MIN_WORD_SIMILARITY = 0.3;
// Words this short are left as typed: a few letters have near spellings everywhere.
const MIN_CORRECTED_LENGTH = 3;

/**
 * The words shoppers can find: those of active products' names and brands and of published articles' titles,
 * each typed word paired with the closest of them (or with nothing). Read only for a query without hits.
 */
async function closestWords(db: Db, words: string[]): Promise<(string | null)[]> {
  const typed = sql.join(
    words.map((w) => sql`${w}::text`),
    sql`, `,
  );
  const { rows } = await db.execute<{ best: string | null }>(sql`
    with vocabulary as (
      select distinct lower(w) as word
        from products, regexp_split_to_table(products.name || ' ' || products.brand, '[^[:alnum:]]+') as w
        where products.status = 'active' and length(w) >= ${MIN_CORRECTED_LENGTH}
      union
      select lower(w)
        from articles, regexp_split_to_table(articles.title, '[^[:alnum:]]+') as w
        where articles.status = 'published' and articles.published_at <= now() and length(w) >= ${MIN_CORRECTED_LENGTH}
    )
    select (
      select v.word from vocabulary v
        where similarity(v.word, t.word) >= ${MIN_WORD_SIMILARITY}
        order by similarity(v.word, t.word) desc, v.word
        limit 1
    ) as best
    from unnest(array[${typed}]) with ordinality as t(word, n)
    order by t.n`);
  return rows.map((row) => row.best);
}

/**
 * A corrected spelling of a query that found nothing ("did you mean …"): each word replaced by the closest word
 * of the catalogue and blog titles. Offered only when it differs from the query and itself finds something, so
 * a shopper who follows it never lands on another empty page. Null when there is nothing sensible to offer.
 */
export async function suggestSpelling(db: Db, q: string): Promise<string | null> {
  const words = queryWords(q);
  if (!words) return null;
  const closest = await closestWords(db, words);
  const corrected = words.map((w, i) => (w.length >= MIN_CORRECTED_LENGTH ? (closest[i] ?? w) : w));
  if (corrected.every((w, i) => w === words[i])) return null;
  const suggestion = corrected.join(' ');
  const [products, articles] = await Promise.all([
    searchProducts(db, suggestion, 1),
    searchArticles(db, suggestion, 1),
  ]);
  return products.total + articles.total > 0 ? suggestion : null;
}
