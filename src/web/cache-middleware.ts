import type { Context, MiddlewareHandler } from 'hono';
import type { AppContext, AppEnv } from './context.ts';
import { cookieOf } from './cookies.ts';
import { routeOf } from './metrics.ts';
import type { CachedPage } from './page-cache.ts';
import { anonymousBodyOf, fillPersonalParts, splitPersonalParts, withPartCookies } from './personal-parts.ts';
import { isApiPath } from './problem.ts';
import { hasSessionCredentials } from './sessions.ts';

// Stored, but checked with the server (a 304 when unchanged) before each reuse: a price change is never missed.
const PUBLIC = 'public, max-age=0, must-revalidate';
// An answer with a visitor's own parts must not be kept by a CDN or proxy and shown to the next visitor.
const PRIVATE = 'private, no-cache';
// Shared caches may keep an answer for visitors without a session only.
const VARY = 'Cookie, Authorization';

/** Tags what the page being rendered shows, so that a write to any of it invalidates the page (page-cache.ts). */
export function tagPage(c: Context<AppEnv>, ...tags: string[]): void {
  c.set('cacheTags', [...(c.var.cacheTags ?? []), ...tags]);
}

function isPrivate(cacheControl: string | null): boolean {
  return cacheControl !== null && /(?:^|,)\s*(?:private|no-store)\b/i.test(cacheControl);
}

function isReadOnly(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}

// An API answer stored for everyone is never given to a client with credentials: it gets its own.
function isSharedAnswerFor(c: Context<AppEnv>): boolean {
  return !(isApiPath(c.req.path) && hasSessionCredentials(c));
}

function keyOf(c: Context<AppEnv>): string {
  return c.req.url.slice(c.req.url.indexOf('/', 8));
}

/**
 * Answers requests for stored pages before the rest of the middleware runs: a stored page is answered with the
 * bytes and headers its first answer had (`headers`: the ones every answer carries), filled in for this visitor.
 * This is most of the traffic, and the middleware that only matters for a render was a large share of its cost
 * (ADR 0003). Pages that are not stored go on to their module's `cachePublicAnswers()`.
 */
export function serveStoredAnswers(ctx: AppContext, headers: Record<string, string>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!isReadOnly(c.req.method)) return next();
    const entry = ctx.cache.pages.get(keyOf(c));
    if (!entry || !isSharedAnswerFor(c)) return next();
    c.set('ctx', ctx);
    c.set('route', entry.route);
    // The headers go to Node as a plain object: a Headers instance costs more to build and to read back than
    // the rest of answering a stored page (ADR 0003).
    const own = { ...headers, 'X-Request-Id': c.get('requestId') ?? '' };
    c.res = await answer(
      c,
      entry,
      'hit',
      (status, body, more) => new Response(body, { status, headers: { ...own, ...more } }),
    );
    return c.res;
  };
}

/**
 * Renders and stores GETs of public pages and store API answers in the in-process cache. A page is rendered once
 * for everyone, with markers where the personal parts go (personal-parts.ts); each answer fills them in for its
 * visitor. A visitor without a session gets the stored bytes as they are, with an ETag so that browsers and CDNs
 * revalidate instead of downloading again. API answers hold no personal parts: a request with credentials gets
 * its own answer. Only 200 answers are stored.
 */
export function cachePublicAnswers(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // `/products/*` also matches `/products`: a second pass must neither store the page the first one filled in
    // nor add its headers again.
    const isHandledAlready = c.var.isSharedRender !== undefined;
    if (!isReadOnly(c.req.method) || isHandledAlready) return next();
    if (!isSharedAnswerFor(c)) {
      // This client's own answer, never shared; marked so that a second pass leaves it alone.
      c.set('isSharedRender', false);
      await next();
      if (!c.res.headers.has('cache-control')) c.header('Cache-Control', PRIVATE);
      c.header('Vary', VARY, { append: true });
      return;
    }
    const pages = c.var.ctx.cache.pages;
    const key = keyOf(c);
    // Stored by a request that rendered it while this one passed serveStoredAnswers().
    const entry = pages.get(key);
    if (entry) return answer(c, entry, 'hit');

    const version = pages.version;
    c.set('isSharedRender', true);
    try {
      await next();
    } finally {
      c.set('isSharedRender', false);
    }
    const res = c.res;
    const contentType = res.headers.get('content-type') ?? '';
    const isStorable =
      res.status === 200 && !res.headers.has('set-cookie') && !isPrivate(res.headers.get('cache-control'));
    if (!isStorable && !contentType.startsWith('text/html')) return;
    const body = await res.text();
    const page = { body, contentType, status: res.status, tags: c.var.cacheTags ?? [], route: routeOf(c) };
    if (!isStorable) {
      // An error page or a refusal, rendered as for everyone: it still needs this visitor's parts.
      const filled = await fillPersonalParts(c, splitPersonalParts(body));
      c.res = undefined;
      c.res = withPartCookies(c, new Response(filled, { status: res.status, headers: res.headers }));
      return;
    }
    const stored = pages.set(key, { ...page, anonymousBody: anonymousBodyOf(body) }, version);
    c.res = undefined;
    c.res = await answer(c, stored, 'miss');
  };
}

type Respond = (status: 200 | 304, body: Uint8Array<ArrayBuffer> | null, headers: Record<string, string>) => Response;

async function answer(
  c: Context<AppEnv>,
  entry: CachedPage,
  cacheStatus: 'hit' | 'miss',
  respond: Respond = (status, body, headers) =>
    body === null ? c.body(null, status, headers) : c.body(body, 200, headers),
): Promise<Response> {
  const isHead = c.req.method === 'HEAD';
  if (entry.anonymous && !entry.template.cookies.some((name) => cookieOf(c, name) !== undefined)) {
    const headers = { ETag: entry.etag!, 'Cache-Control': PUBLIC, Vary: VARY };
    if (c.req.header('if-none-match') === entry.etag) return respond(304, null, headers);
    const more = { ...headers, 'Content-Type': entry.contentType, 'X-Cache': cacheStatus };
    return respond(200, isHead ? null : entry.anonymous, more);
  }
  const body = await fillPersonalParts(c, entry.template);
  const res = respond(200, isHead ? null : body, {
    'Content-Type': entry.contentType,
    'Cache-Control': PRIVATE,
    Vary: VARY,
    'X-Cache': cacheStatus,
  });
  return withPartCookies(c, res);
}
