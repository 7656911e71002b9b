import { parseMarkdown, replaceShortcodeLines } from '#src/lib/markdown.ts';
import { articleBodyToPlainText } from './plain-text.ts';

type Token = ReturnType<typeof parseMarkdown>[number];

/** A heading of the body as the table of contents lists it; `id` is its anchor on the page. */
export type OutlineHeading = { level: 2 | 3; id: string; text: string };
export type FaqEntry = { question: string; answer: string };

/** Lowercase letters and digits joined by single dashes: an anchor, or a tag's address. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name: string) => ENTITIES[name]!);

/**
 * Gives every plain h2 and h3 of sanitised article HTML an anchor id made from its words (a number added when
 * two headings read the same), and lists them for the table of contents. Embeds' own headings carry a class
 * and are left alone.
 */
export function anchorHeadings(html: string): { html: string; headings: OutlineHeading[] } {
  const headings: OutlineHeading[] = [];
  const used = new Set<string>();
  const out = html.replace(/<h([23])>([\s\S]*?)<\/h\1>/g, (_, level: string, inner: string) => {
    const text = decode(inner.replace(/<[^>]*>/g, '')).trim();
    const base = slugify(text) || 'section';
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    headings.push({ level: Number(level) as 2 | 3, id, text });
    return `<h${level} id="${id}">${inner}</h${level}>`;
  });
  return { html: out, headings };
}

/**
 * A questions section, for FAQPage data: a heading that reads "Frequently asked questions", "FAQ", "FAQs",
 * "Questions", "Questions and answers" or "Common questions" (any case, a closing colon allowed) opens it, and
 * the next heading of the same or a higher level closes it. Inside it, each question is either
 *   - a lower heading (`### Does it hurt?`), answered by the blocks up to the next question, or
 *   - a paragraph that opens with bold text ending in a question mark (`**Does it hurt?** Very little.`),
 *     answered by the rest of that paragraph and the blocks up to the next question.
 * A question with no answer is left out.
 */
const QUESTIONS_HEADING = /^(frequently asked questions|faqs?|questions|questions and answers|common questions)$/i;

function inlineText(token: Token | undefined): string {
  return (token?.children ?? [])
    .map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : c.type.endsWith('break') ? ' ' : ''))
    .join('')
    .trim();
}

// "**Question?** answer" as [question, the rest]; undefined when the paragraph does not open with a bold question.
function boldQuestion(inline: Token): [string, string] | undefined {
  // markdown-it may open the line with an empty text token.
  const children = (inline.children ?? []).filter((c) => !(c.type === 'text' && c.content === ''));
  if (children[0]?.type !== 'strong_open') return undefined;
  const close = children.findIndex((c) => c.type === 'strong_close');
  if (close < 0) return undefined;
  const question = children
    .slice(1, close)
    .map((c) => c.content)
    .join('')
    .trim();
  if (!question.endsWith('?')) return undefined;
  const rest = { ...inline, children: children.slice(close + 1) } as Token;
  return [question, inlineText(rest)];
}

export function findFaq(body: string): FaqEntry[] {
  const tokens = parseMarkdown(replaceShortcodeLines(body, () => ''));
  const entries: { question: string; answer: string[] }[] = [];
  let sectionLevel = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'heading_open') {
      const level = Number(token.tag.slice(1));
      const text = inlineText(tokens[i + 1])
        .replace(/[:.]$/, '')
        .trim();
      if (sectionLevel && level <= sectionLevel) sectionLevel = 0;
      if (!sectionLevel && QUESTIONS_HEADING.test(text)) sectionLevel = level;
      else if (sectionLevel && level > sectionLevel) entries.push({ question: text, answer: [] });
      i += 2;
      continue;
    }
    if (!sectionLevel || token.type !== 'inline') continue;
    const bold =
      tokens[i - 1]?.type === 'paragraph_open' && tokens[i - 2]?.type !== 'list_item_open'
        ? boldQuestion(token)
        : undefined;
    if (bold) entries.push({ question: bold[0], answer: bold[1] ? [bold[1]] : [] });
    else entries.at(-1)?.answer.push(inlineText(token));
  }
  return entries
    .map((e) => ({ question: e.question, answer: e.answer.filter(Boolean).join(' ') }))
    .filter((e) => e.question && e.answer);
}

const WORDS_PER_MINUTE = 220;

/** Words a reader reads in the body, embeds' own words included. */
export function countWords(body: string): number {
  return articleBodyToPlainText(body).split(/\s+/).filter(Boolean).length;
}

/** Minutes an adult needs to read so many words, at least one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
