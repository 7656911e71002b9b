import { parseShortcode } from '../shortcodes.ts';

/** A paragraph of an article as sentences, with the products embedded on the lines right before and after it. */
export type TextBlock = { sentences: string[]; nearbySlugs: string[] };

const EMBED_LINE = /^\s*\[\[([^\]]*)\]\]\s*$/;

// Markup that is not words: headings, list marks, emphasis, links (their text stays), images, inline code marks.
function plainOf(line: string): string {
  return line
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/[*_`]+/g, '')
    .trim();
}

/** Splits running text after `.`, `!` or `?` followed by a space and a capital, digit or quote. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?]["”’)]?)\s+(?=["“(]?[A-Z0-9])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The paragraphs of a Markdown body; a list item or heading is a paragraph of its own. */
export function blocksOf(body: string): TextBlock[] {
  type Part = { kind: 'text'; lines: string[] } | { kind: 'embed'; slug: string | undefined };
  const parts: Part[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) parts.push({ kind: 'text', lines: current });
    current = [];
  };
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    const embed = EMBED_LINE.exec(line);
    if (embed) {
      flush();
      const code = parseShortcode(embed[1] ?? '');
      parts.push({ kind: 'embed', slug: code?.kind === 'product' ? code.slug : undefined });
    } else if (!line.trim()) {
      flush();
    } else if (/^\s{0,3}(?:#{1,6}\s|[-*+]\s|\d+[.)]\s)/.test(line)) {
      flush();
      current.push(line);
      flush();
    } else {
      current.push(line);
    }
  }
  flush();
  const blocks: TextBlock[] = [];
  parts.forEach((part, i) => {
    if (part.kind !== 'text') return;
    const nearbySlugs = [parts[i - 1], parts[i + 1]].flatMap((p) => (p?.kind === 'embed' && p.slug ? [p.slug] : []));
    blocks.push({ sentences: sentencesOf(part.lines.map(plainOf).join(' ')), nearbySlugs });
  });
  return blocks;
}
