import { findShortcodes } from '#src/lib/markdown.ts';

/**
 * Embeds an author can place on a line of their own in an article:
 *   [[product:slug]]        a product card
 *   [[coupon:CODE|text]]    a coupon callout
 *   [[callout:text]]        a note box
 */
export type Shortcode =
  | { kind: 'product'; slug: string }
  | { kind: 'coupon'; code: string; text: string }
  | { kind: 'callout'; text: string };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const COUPON_CODE = /^[A-Za-z0-9_-]{1,40}$/;
const MAX_TEXT = 500;

/** Reads the inner text of a `[[...]]` line; undefined when it is no shortcode we know, so it stays as text. */
export function parseShortcode(inner: string): Shortcode | undefined {
  const colon = inner.indexOf(':');
  if (colon < 0) return undefined;
  const kind = inner.slice(0, colon).trim().toLowerCase();
  const rest = inner.slice(colon + 1).trim();
  if (kind === 'product') {
    return SLUG.test(rest) ? { kind, slug: rest } : undefined;
  }
  if (kind === 'coupon') {
    const bar = rest.indexOf('|');
    const code = (bar < 0 ? rest : rest.slice(0, bar)).trim();
    const text = bar < 0 ? '' : rest.slice(bar + 1).trim();
    if (!COUPON_CODE.test(code) || text.length > MAX_TEXT) return undefined;
    return { kind, code: code.toUpperCase(), text };
  }
  if (kind === 'callout') {
    return rest && rest.length <= MAX_TEXT ? { kind, text: rest } : undefined;
  }
  return undefined;
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
