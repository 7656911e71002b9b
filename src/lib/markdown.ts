import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import type MarkdownIt from 'markdown-it';
import type sanitizeHtml from 'sanitize-html';

// markdown-it and sanitize-html (with the HTML and CSS parsers it brings) took a tenth of a start to load: they
// load, synchronously, with the first text rendered.
const require = createRequire(import.meta.url);
/** How a text's pictures offer other widths: `srcsetOf` a picture's address, undefined for one it does not know. */
export type ResponsiveImages = { srcsetOf(src: string): string | undefined; sizes: string };
type RenderEnv = { images?: ResponsiveImages };
type Renderers = { md: InstanceType<typeof MarkdownIt>; sanitize: typeof sanitizeHtml };
let loaded: Renderers | undefined;
function renderers(): Renderers {
  if (!loaded) {
    const MarkdownItClass = require('markdown-it') as typeof MarkdownIt;
    // Raw HTML is off: authors write Markdown, and anything HTML-looking is shown as text.
    const md = new MarkdownItClass({ html: false, linkify: true, typographer: true });
    const renderImage = md.renderer.rules.image!;
    // A picture the caller knows more widths of (an uploaded one) offers them, so a phone loads the small one.
    md.renderer.rules.image = (tokens, idx, options, env, self) => {
      const token = tokens[idx]!;
      const images = (env as RenderEnv | undefined)?.images;
      const srcset = images?.srcsetOf(String(token.attrGet('src') ?? ''));
      if (srcset && images) {
        token.attrSet('srcset', srcset);
        token.attrSet('sizes', images.sizes);
      }
      token.attrSet('loading', 'lazy');
      return renderImage(tokens, idx, options, env, self);
    };
    loaded = { md, sanitize: require('sanitize-html') as typeof sanitizeHtml };
  }
  return loaded;
}

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'br',
    'ul',
    'ol',
    'li',
    'a',
    'strong',
    'em',
    's',
    'blockquote',
    'code',
    'pre',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'hr',
    'img',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    // srcset, sizes and loading come from the image rule above: with raw HTML off, an author cannot write them.
    img: ['src', 'alt', 'title', 'srcset', 'sizes', 'loading'],
    ol: ['start'],
    code: ['class'],
  },
  allowedClasses: { code: ['language-*'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  // Images load from our own host or over https only: no data: payloads, no mixed content.
  allowedSchemesByTag: { img: ['https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // An image whose source was refused would be an empty box.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  transformTags: {
    // The page's title is its only h1, so headings in a body start one level down.
    h1: 'h2',
    a: (tagName, attribs) => {
      const out: sanitizeHtml.Attributes = {};
      if (attribs.href !== undefined) out.href = attribs.href;
      if (attribs.title) out.title = attribs.title;
      // Links leaving the store must not get a handle on our window.
      if (attribs.href && /^https?:/i.test(attribs.href)) out.rel = 'noopener';
      return { tagName, attribs: out };
    },
  },
};

/**
 * A whole-line `[[...]]` shortcode's inner text turned into trusted HTML; undefined leaves the line as text. A
 * block shortcode (an opening `[[name...]]` line, lines of its own syntax, a closing `[[/name]]` line) also
 * receives the lines between as `body`.
 */
export type EmbedRenderer = (shortcode: string, body?: string) => string | undefined;

/** A shortcode as it stands in a text: its first and last line (0-based; equal for a one-line shortcode). */
export type ShortcodeAt = { start: number; end: number; inner: string; body?: string };

const SHORTCODE_LINE = /^ {0,3}\[\[([^\n]+?)\]\]\s*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// The name a block opens with, e.g. `timeline` in `[[timeline:Title]]`; blocks close with `[[/timeline]]`.
const BLOCK_NAME = /^([a-z][a-z-]*)\s*(?::|$)/i;

function closingLineOf(lines: string[], from: number, name: string): number {
  for (let j = from; j < lines.length; j++) {
    const closing = SHORTCODE_LINE.exec(lines[j]!);
    if (closing && closing[1]!.replace(/\s+/g, '').toLowerCase() === `/${name}`) return j;
  }
  return -1;
}
// Rendering and sanitising a product description was the largest cost of an uncached product page after its
// queries. The output depends on the text alone, so keying by the text can never serve a stale description;
// the oldest entries go first once the bound is reached (texts are at most 50,000 characters, so a few tens
// of MB in the worst case and far less in practice).
const MEMO_ENTRIES = 256;
const memo = new Map<string, string>();

function renderPlain(source: string): string {
  let rendered = memo.get(source);
  if (rendered === undefined) {
    const { md, sanitize } = renderers();
    rendered = sanitize(md.render(source), SANITIZE_OPTIONS);
    if (memo.size >= MEMO_ENTRIES) memo.delete(memo.keys().next().value!);
    memo.set(source, rendered);
  }
  return rendered;
}

/**
 * The whole-line `[[...]]` shortcodes of a text outside code fences, blocks with their body: exactly what
 * renderMarkdown offers to `embed`.
 */
function* shortcodeLines(lines: string[]): Generator<ShortcodeAt> {
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (!fence) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (fence) continue;
    const shortcode = SHORTCODE_LINE.exec(line);
    if (!shortcode) continue;
    const inner = shortcode[1]!.trim();
    const name = BLOCK_NAME.exec(inner)?.[1]?.toLowerCase();
    const end = name ? closingLineOf(lines, i + 1, name) : -1;
    if (end < 0) {
      yield { start: i, end: i, inner };
      continue;
    }
    yield { start: i, end, inner, body: lines.slice(i + 1, end).join('\n') };
    i = end;
  }
}

const splitLines = (source: string) => source.split(/\r\n?|\n/);

/**
 * The text with every whole-line shortcode outside code fences replaced by what `replace` returns for its inner
 * text; undefined leaves the line as it is.
 */
export function replaceShortcodeLines(source: string, replace: EmbedRenderer): string {
  const lines = splitLines(source);
  for (const at of [...shortcodeLines(lines)]) {
    const replacement = replace(at.inner, at.body);
    if (replacement === undefined) continue;
    lines[at.start] = replacement;
    for (let j = at.start + 1; j <= at.end; j++) lines[j] = '';
  }
  return lines.join('\n');
}

/** The markdown-it block tokens of a text, read with the same settings that render it. */
export function parseMarkdown(source: string) {
  return renderers().md.parse(source, {});
}

/**
 * One line of Markdown (a note or a coupon's terms) as safe inline HTML: links and emphasis, no paragraphs, and
 * the same allowlist as a body.
 */
export function renderInlineMarkdown(source: string): string {
  const { md, sanitize } = renderers();
  return sanitize(md.renderInline(source), SANITIZE_OPTIONS);
}

/** The inner text of every shortcode renderMarkdown would offer to `embed`, in order. */
export function findShortcodes(source: string): string[] {
  return [...shortcodeLines(splitLines(source))].map((at) => at.inner);
}

/** Every shortcode renderMarkdown would offer to `embed`, with where it stands, for reports on a draft. */
export function findShortcodesAt(source: string): ShortcodeAt[] {
  return [...shortcodeLines(splitLines(source))];
}

/**
 * Markdown to safe HTML: rendered by markdown-it, then filtered through a strict allowlist. Without `embed` it
 * needs nothing but the text (product descriptions use it that way).
 */
export function renderMarkdown(
  source: string,
  options: { embed?: EmbedRenderer; images?: ResponsiveImages } = {},
): string {
  if (!options.embed && !options.images) return renderPlain(source);
  // Embeds become placeholder paragraphs that pass through Markdown and the sanitiser untouched, and are
  // swapped for their HTML afterwards. The nonce changes per render, so an author cannot forge one.
  const nonce = randomBytes(8).toString('hex');
  const embeds: string[] = [];
  const lines = splitLines(source);
  for (const at of options.embed ? [...shortcodeLines(lines)] : []) {
    const rendered = options.embed?.(at.inner, at.body);
    if (rendered === undefined) continue;
    lines[at.start] = `\nMDEMBED${nonce}N${embeds.length}\n`;
    for (let j = at.start + 1; j <= at.end; j++) lines[j] = '';
    embeds.push(rendered);
  }
  const { md, sanitize } = renderers();
  const env: RenderEnv = options.images ? { images: options.images } : {};
  const safe = sanitize(md.render(lines.join('\n'), env), SANITIZE_OPTIONS);
  const placeholder = new RegExp(`<p>MDEMBED${nonce}N(\\d+)</p>\\n?`, 'g');
  return safe.replace(placeholder, (_, index: string) => embeds[Number(index)] ?? '');
}
