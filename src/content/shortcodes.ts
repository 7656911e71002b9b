import { findShortcodes } from '#src/lib/markdown.ts';
import { type Comparison, parseComparison, parseTimeline, type Timeline } from './shortcode-blocks.ts';

/**
 * Embeds an author can place on a line of their own in an article (names in any case):
 *   [[product:slug]]        a product card with its live price, stock, badges and an add-to-cart button
 *   [[coupon:CODE|text]]    a coupon callout; the text after the bar is the offer's terms
 *   [[callout:text]]        a note box
 *   [[contact]]             the store's phone and a link to its contact page (or its email);
 *   [[contact:Heading]]     the same under the author's own heading
 *   [[timeline:Title]] ... [[/timeline]]   a care timeline, and
 *   [[compare:Title]] ... [[/compare]]     a treatment comparison: block syntax in shortcode-blocks.ts
 */
export type Shortcode =
  | { kind: 'product'; slug: string }
  | { kind: 'coupon'; code: string; text: string }
  | { kind: 'callout'; text: string }
  | { kind: 'contact'; title: string }
  | Timeline
  | Comparison;

/** What an author typed on a shortcode line: an embed to show, or why it cannot be shown. */
export type ShortcodeReading =
  | { ok: true; shortcode: Shortcode }
  | { ok: false; problem: string /** Line of the block's body at fault; 0 is the opening line. */; bodyLine: number };

export const EMBED_KINDS = ['product', 'coupon', 'callout', 'contact', 'timeline', 'compare'] as const;
const BLOCK_KINDS = new Set(['timeline', 'compare']);

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** What a coupon code may look like; whether one exists is the promotions' answer, not the text's. */
export const COUPON_CODE = /^[A-Za-z0-9_-]{1,40}$/;
const MAX_TEXT = 500;

const fail = (problem: string, bodyLine = 0): ShortcodeReading => ({ ok: false, problem, bodyLine });
const found = (shortcode: Shortcode): ShortcodeReading => ({ ok: true, shortcode });

/**
 * Reads the inner text of a `[[...]]` line (and a block's body): the embed it names, or what is wrong with it.
 * Whether a product or coupon exists is not known here (embed-problems.ts asks).
 */
export function readShortcode(inner: string, body?: string): ShortcodeReading {
  const colon = inner.indexOf(':');
  const kind = (colon < 0 ? inner : inner.slice(0, colon)).trim().toLowerCase();
  const rest = colon < 0 ? '' : inner.slice(colon + 1).trim();
  if (kind.startsWith('/')) return fail(`"[[${kind}]]" closes a block that was never opened.`);
  if (BLOCK_KINDS.has(kind) && body === undefined) return fail(`This ${kind} has no closing [[/${kind}]] line.`);
  switch (kind) {
    case 'product':
      return SLUG.test(rest) ? found({ kind, slug: rest }) : fail('Write a product as [[product:its-slug]].');
    case 'coupon': {
      const bar = rest.indexOf('|');
      const code = (bar < 0 ? rest : rest.slice(0, bar)).trim();
      const text = bar < 0 ? '' : rest.slice(bar + 1).trim();
      if (!COUPON_CODE.test(code)) return fail('A coupon code is 1 to 40 letters, digits, dashes or underscores.');
      if (text.length > MAX_TEXT) return fail(`A coupon's terms are at most ${MAX_TEXT} characters.`);
      return found({ kind, code: code.toUpperCase(), text });
    }
    case 'callout':
      if (!rest) return fail('A note needs its text: [[callout:What to say]].');
      return rest.length <= MAX_TEXT ? found({ kind, text: rest }) : fail(`A note is at most ${MAX_TEXT} characters.`);
    case 'contact':
      return rest.length <= MAX_TEXT ? found({ kind, title: rest }) : fail('The heading is too long.');
    case 'timeline':
    case 'compare': {
      const parsed = kind === 'timeline' ? parseTimeline(rest, body!) : parseComparison(rest, body!);
      return 'problem' in parsed ? fail(parsed.problem, parsed.bodyLine) : found(parsed);
    }
    default:
      return fail(`There is no "${kind}" embed. Embeds: ${EMBED_KINDS.join(', ')}.`);
  }
}

/** The embed a shortcode line names; undefined when it is no embed or a broken one. */
export function parseShortcode(inner: string, body?: string): Shortcode | undefined {
  const reading = readShortcode(inner, body);
  return reading.ok ? reading.shortcode : undefined;
}

/**
 * Slugs of the products an article embeds, in order of first appearance, each once. Read with the same
 * parser that renders them, so every `[[product:...]]` that renders a card (`[[Product:...]]` too) has its
 * product looked up, and nothing else does.
 */
export function findProductSlugs(body: string): string[] {
  const slugs = new Set<string>();
  for (const inner of findShortcodes(body)) {
    const shortcode = parseShortcode(inner);
    if (shortcode?.kind === 'product') slugs.add(shortcode.slug);
  }
  return [...slugs];
}
