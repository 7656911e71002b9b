import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { tryGetContext } from 'hono/context-storage';
import { setCookie } from 'hono/cookie';
import { raw } from 'hono/html';
import { type CookieOptions, serialize } from 'hono/utils/cookie';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { AppEnv } from './context.ts';

/**
 * A piece of a page that differs from one visitor to the next: the header's account links, a form's CSRF token,
 * whether this customer may order a product. Pages are rendered once for everyone with a marker where each part
 * goes, and every answer fills the markers in for its own visitor (see cache-middleware.ts), so a shared page
 * never holds anything personal and a signed-in visitor is served nearly as fast as an anonymous one.
 */
export type PersonalPart = {
  /** The part's HTML for this request's visitor; it must be cheap (no query on the common path). */
  fill(c: Context<AppEnv>, arg: string): string | Promise<string>;
  /** The part as every visitor without a session sees it; absent when even theirs is their own (a token). */
  anonymous?(arg: string): string;
  /** The cookies that make a visitor's part differ from the anonymous one (a session cookie). */
  cookies?: readonly string[];
};

export type PageTemplate = {
  /** The page's text between the parts, encoded; one more than there are parts. */
  segments: Uint8Array<ArrayBuffer>[];
  parts: { name: string; arg: string }[];
  /** Cookies whose presence makes a visitor's page differ from the anonymous one. */
  cookies: string[];
  size: number;
};

const parts = new Map<string, PersonalPart>();
// The marker carries a secret of this process, so no text from the database or a visitor can forge one.
const NONCE = randomBytes(8).toString('hex');
const MARKER = new RegExp(`<!--personal-${NONCE}:([a-z-]+):([^>]*)-->`, 'g');
const encoder = new TextEncoder();

/** Declares a personal part; each domain defines its own and the app registers them once at start. */
export function definePersonalPart(name: string, part: PersonalPart): void {
  if (!/^[a-z-]+$/.test(name)) throw new Error(`Personal part names are lower-case words: ${name}`);
  parts.set(name, part);
}

function partNamed(name: string): PersonalPart {
  const part = parts.get(name);
  if (!part) throw new Error(`No personal part "${name}" is defined`);
  return part;
}

/** Whether this request renders the page shared by all visitors, so nothing personal may go into it. */
export function isSharedRender(c: Context<AppEnv> | undefined = tryGetContext<AppEnv>()): boolean {
  return c?.get('isSharedRender') === true;
}

/**
 * Where a view shows a personal part: a marker while the shared page is rendered, the visitor's own part
 * otherwise (pages that are never shared, such as the account pages).
 */
export async function personalPart(
  name: string,
  arg = '',
  c: Context<AppEnv> | undefined = tryGetContext<AppEnv>(),
): Promise<HtmlEscapedString> {
  if (!c) throw new Error('Personal parts are rendered inside a request');
  if (isSharedRender(c)) return raw(`<!--personal-${NONCE}:${name}:${encodeURIComponent(arg)}-->`);
  return raw(await partNamed(name).fill(c, arg));
}

/** Cuts a shared page at its personal parts. */
export function splitPersonalParts(body: string): PageTemplate {
  const segments: Uint8Array<ArrayBuffer>[] = [];
  const found: PageTemplate['parts'] = [];
  let last = 0;
  for (const match of body.matchAll(MARKER)) {
    segments.push(encoder.encode(body.slice(last, match.index)));
    found.push({ name: match[1]!, arg: decodeURIComponent(match[2]!) });
    last = match.index + match[0].length;
  }
  segments.push(encoder.encode(body.slice(last)));
  const cookies = [...new Set(found.flatMap(({ name }) => partNamed(name).cookies ?? []))];
  return { segments, parts: found, cookies, size: segments.reduce((sum, s) => sum + s.length, 0) };
}

/** The shared page as a visitor without a session sees it, or undefined if a part of it is personal to all. */
export function anonymousBodyOf(body: string): string | undefined {
  let isShared = true;
  const filled = body.replace(MARKER, (_, name: string, arg: string) => {
    const anonymous = partNamed(name).anonymous;
    if (!anonymous) isShared = false;
    return anonymous?.(decodeURIComponent(arg)) ?? '';
  });
  return isShared ? filled : undefined;
}

/**
 * Sets a cookie from a part's fill (a one-time notice that clears itself). A stored page's answer is built apart
 * from the context's own response, so there the cookie waits for `withPartCookies` to add it.
 */
export function setCookieFromPart(c: Context<AppEnv>, name: string, value: string, options: CookieOptions): void {
  const pending = c.get('partCookies');
  if (pending) pending.push(serialize(name, value, { path: '/', ...options }));
  else setCookie(c, name, value, options);
}

/** Adds to a stored page's answer the cookies its parts set while it was filled in. */
export function withPartCookies(c: Context<AppEnv>, res: Response): Response {
  for (const cookie of c.get('partCookies') ?? []) res.headers.append('Set-Cookie', cookie);
  return res;
}

// Most visitors' parts are alike (every signed-in customer's header says "Your account"; most carts hold nothing):
// a page filled in for one set of parts is kept for the next visitor with the same, within a budget of bytes.
const FILLED_BUDGET_BYTES = 8 * 1024 * 1024;
const filled = new Map<string, Uint8Array<ArrayBuffer>>();
let filledBytes = 0;
const templateIds = new WeakMap<PageTemplate, number>();
let lastTemplateId = 0;

function keepFilled(key: string, body: Uint8Array<ArrayBuffer>): void {
  filled.set(key, body);
  filledBytes += body.length;
  for (const [oldest, old] of filled) {
    if (filledBytes <= FILLED_BUDGET_BYTES) break;
    filled.delete(oldest);
    filledBytes -= old.length;
  }
}

/** The page for this request's visitor. */
export async function fillPersonalParts(c: Context<AppEnv>, template: PageTemplate): Promise<Uint8Array<ArrayBuffer>> {
  if (template.parts.length === 0) return template.segments[0]!;
  c.set('partCookies', []);
  const fills: string[] = [];
  for (const { name, arg } of template.parts) fills.push(await partNamed(name).fill(c, arg));
  let id = templateIds.get(template);
  if (id === undefined) {
    id = ++lastTemplateId;
    templateIds.set(template, id);
  }
  const key = `${id}\u0000${fills.join('\u0000')}`;
  const kept = filled.get(key);
  if (kept) return kept;
  const pieces: Uint8Array[] = [template.segments[0]!];
  for (let i = 0; i < fills.length; i++) pieces.push(encoder.encode(fills[i]!), template.segments[i + 1]!);
  const body = Buffer.concat(pieces) as Uint8Array<ArrayBuffer>;
  keepFilled(key, body);
  return body;
}
