import { raw } from 'hono/html';

// ts_headline wraps matches in these control characters: they cannot appear in store text (stripMarkers removes
// them before the text is headlined), so after escaping they can be swapped for <mark> safely.
export const MARK_START = '\u0001';
export const MARK_STOP = '\u0002';
/** ts_headline options that return the whole text with every matched word marked. */
export const HIGHLIGHT_ALL_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_STOP}, HighlightAll=true`;

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

/** A headline as plain text, without markers; also makes store text safe to headline. */
export function stripMarkers(headline: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the markers search puts around each match
  return headline.replace(/[\u0001\u0002]/g, '');
}
