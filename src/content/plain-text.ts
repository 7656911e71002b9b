import { markdownToPlainText } from '#src/lib/markdown-text.ts';
import { parseShortcode } from './shortcodes.ts';

/**
 * An article body as the plain text a reader sees, for search snippets: product cards say nothing of their own
 * and are left out; a coupon keeps its code and terms, a note its words.
 */
export function articleBodyToPlainText(body: string): string {
  return markdownToPlainText(body, {
    embed(inner) {
      const shortcode = parseShortcode(inner);
      if (!shortcode) return undefined;
      // Blank lines around the words keep them a paragraph of their own, as the rendered box is.
      switch (shortcode.kind) {
        case 'product':
          return '';
        case 'coupon':
          return `\nUse code ${shortcode.code}${shortcode.text ? `: ${shortcode.text}` : '.'}\n`;
        case 'callout':
          return `\n${shortcode.text}\n`;
      }
    },
  });
}
