import { raw } from 'hono/html';

// ts_headline wraps matches in these control characters: they cannot appear in store text (the queries strip
// them first), so after escaping they can be swapped for <mark> safely.
export const MARK_START = '\u0001';
export const MARK_STOP = '\u0002';
export const HEADLINE_OPTIONS =
  `StartSel=${MARK_START}, StopSel=${MARK_STOP}, MaxWords=30, MinWords=12, ShortWord=3, MaxFragments=2, ` +
  'FragmentDelimiter=" ... "';
/** Markdown punctuation and the marker characters, removed from text before it is headlined. */
export const HEADLINE_STRIP_PATTERN = `[${MARK_START}${MARK_STOP}#*_\`>|\\[\\]]+`;
/**
 * Article embeds: a product card line says nothing a reader should see in a snippet, and the kind of a coupon or
 * callout is markup, not text. Removed before the punctuation above.
 */
export const HEADLINE_EMBED_PATTERN = String.raw`\[\[\s*product:[^\]\n]*\]\]|\[\[\s*(coupon|callout):`;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

/** A headline as HTML: everything escaped, then each marked match wrapped in <mark>. */
// The markers are control characters on purpose: no text in the store contains them.
export function renderHighlighted(headline: string) {
  const escaped = escapeHtml(headline)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the markers search puts around each match
    .replace(/\u0001([^\u0001\u0002]*)\u0002/g, '<mark>$1</mark>')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the same markers, unpaired
    .replace(/[\u0001\u0002]/g, '');
  return raw(escaped);
}

/** A headline as plain text, without markers. */
export function stripMarkers(headline: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the markers search puts around each match
  return headline.replace(/[\u0001\u0002]/g, '');
}
