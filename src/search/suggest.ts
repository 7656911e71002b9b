import { sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { queryWords } from '#src/lib/tsquery.ts';
import { searchArticles, searchProducts } from './queries.ts';

// pg_trgm's similarity of a typed word and a word of a name or title, from 0 to 1. Below this, the two share too
// little to offer one for the other ("qwzxv" is close to nothing). The same as the word similarity the
// migration's functions use to find the names and titles to look in.
const MIN_WORD_SIMILARITY = 0.3;
// Words this short are left as typed: a few letters have near spellings everywhere.
const MIN_CORRECTED_LENGTH = 3;

/**
 * Each typed word paired with the closest word of an active product's name or a published article's title, or
 * with nothing. The names and titles to split into words come from the trigram index (functions of the search
 * migration), so the cost follows the few names that look alike, not the size of the catalogue.
 */
async function closestWords(db: Db, words: string[]): Promise<(string | null)[]> {
  const typed = sql.join(
    words.map((w) => sql`${w}::text`),
    sql`, `,
  );
  const { rows } = await db.execute<{ best: string | null }>(sql`
    select (
      select lower(v.word) from (
        select product_names_near_word(t.word) as text
        union
        select article_titles_near_word(t.word)
      ) as found, regexp_split_to_table(found.text, '[^[:alnum:]]+') as v(word)
        where length(v.word) >= ${MIN_CORRECTED_LENGTH} and similarity(v.word, t.word) >= ${MIN_WORD_SIMILARITY}
        order by similarity(v.word, t.word) desc, lower(v.word)
        limit 1
    ) as best
    from unnest(array[${typed}]) with ordinality as t(word, n)
    order by t.n`);
  return rows.map((row) => row.best);
}

/**
 * A corrected spelling of a query that found nothing ("did you mean …"): each word replaced by the closest word
 * of product names and article titles. Offered only when it differs from the query and itself finds something, so
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
