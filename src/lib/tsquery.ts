import { type SQL, sql } from 'drizzle-orm';

export const MAX_QUERY_LENGTH = 200;
const MAX_PREFIX_WORDS = 8;
// Shorter fragments would match half the dictionary as prefixes.
const MIN_PREFIX_LENGTH = 3;

// websearch syntax a shopper may use on purpose: quoted phrases, exclusions, "or". A prefix rewrite would lose
// their meaning, so such queries run as typed.
const OPERATOR_PATTERN = /["]|(?:^|\s)-\S|\bor\b/i;

/**
 * Prefix terms for the words of a query ("gumm" -> gumm:*), so partly typed words still match. Only runs of
 * letters and digits are kept, so nothing a visitor types can reach tsquery syntax; the result is a bound
 * parameter, never spliced into SQL.
 */
export function buildPrefixQuery(q: string): string | null {
  const words = queryWords(q);
  if (!words) return null;
  return words.map((w) => (w.length >= MIN_PREFIX_LENGTH ? `${w}:*` : w)).join(' & ');
}

// Shorter texts share trigrams with too many names to say anything about a misspelling.
const MIN_NEAR_LENGTH = 4;

/**
 * The words of a query, lowercased and joined by single spaces, for trigram matching of a near spelling
 * ("minoxidl", "lazer comb"); null for a query with websearch operators, whose words are meant as typed.
 */
export function nearSpellingText(q: string): string | null {
  const words = queryWords(q);
  if (!words) return null;
  const text = words.join(' ');
  return text.length >= MIN_NEAR_LENGTH ? text : null;
}

/** The words of a query without websearch operators, lowercased; null when it has operators or no words. */
export function queryWords(q: string): string[] | null {
  if (OPERATOR_PATTERN.test(q)) return null;
  const words = (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_PREFIX_WORDS);
  return words.length ? words : null;
}

/**
 * The tsquery for a visitor's text: PostgreSQL's websearch parser (which never raises on odd input), widened
 * with prefix matches of the same words.
 */
export function toTsQuery(q: string): SQL {
  const prefix = buildPrefixQuery(q);
  const exact = sql`websearch_to_tsquery('english', ${q})`;
  return prefix ? sql`(${exact} || to_tsquery('english', ${prefix}))` : exact;
}
