import { markdownToPlainText } from '#src/lib/markdown-text.ts';
import { parseShortcode } from './shortcodes.ts';

/**
 * An article body as the plain text a reader sees, for search snippets and reading time: product cards and the
 * contact box say nothing of their own and are left out; a coupon keeps its code and terms, a note its words, a
 * timeline its steps and a comparison its rows.
 */
export function articleBodyToPlainText(body: string): string {
  return markdownToPlainText(body, {
    embed(inner, block) {
      const shortcode = parseShortcode(inner, block);
      // A broken embed shows nothing to a reader.
      if (!shortcode) return '';
      // Blank lines around the words keep them a paragraph of their own, as the rendered box is.
      switch (shortcode.kind) {
        case 'product':
          return '';
        case 'coupon':
          return `\nUse code ${shortcode.code}${shortcode.text ? `: ${shortcode.text}` : '.'}\n`;
        case 'callout':
          return `\n${shortcode.text}\n`;
        case 'contact':
          return '';
        case 'timeline':
          return `\n${shortcode.phases
            .flatMap((phase) => phase.steps.map((step) => `- ${step.when}: ${step.text}`))
            .join('\n')}\n`;
        case 'compare':
          return `\n${shortcode.rows.map((row) => `- ${row.join(' — ')}`).join('\n')}\n`;
      }
    },
  });
}
