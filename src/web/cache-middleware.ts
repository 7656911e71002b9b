import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.ts';

// Stored, but checked with the server (a 304 when unchanged) before each reuse: a price change is never missed.
const PUBLIC = 'public, max-age=0, must-revalidate';
// Visitors with a session see per-user parts; only anonymous requests share cached answers.
const SESSION_COOKIE = /(?:^|;\s*)(?:sid|staff_sid)=/;

/**
 * Serves anonymous GETs of public pages and store API answers from the in-process cache, with an ETag so that
 * browsers and CDNs revalidate instead of downloading again. Only 200 answers are stored.
 */
export function cachePublicAnswers(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const method = c.req.method;
    // A bearer token signs an API client in just as a cookie does.
    const isSignedIn = SESSION_COOKIE.test(c.req.header('cookie') ?? '') || c.req.header('authorization') !== undefined;
    if (method !== 'GET' && method !== 'HEAD') return next();
    if (isSignedIn) {
      await next();
      // A page made for one visitor must not be kept by a CDN or proxy and shown to the next one.
      if (!c.res.headers.has('cache-control')) c.header('Cache-Control', 'private, no-cache');
      c.header('Vary', 'Cookie, Authorization', { append: true });
      return;
    }
    const pages = c.var.ctx.cache.pages;
    const key = c.req.url.slice(c.req.url.indexOf('/', 8));
    let entry = pages.get(key);
    if (!entry) {
      const generation = pages.generation;
      await next();
      const res = c.res;
      const contentType = res.headers.get('content-type') ?? '';
      if (res.status !== 200 || res.headers.has('set-cookie') || res.headers.get('cache-control') === 'no-store') {
        return;
      }
      entry = pages.set(key, { body: await res.text(), contentType, status: res.status }, generation);
      c.res = undefined;
      c.res = new Response(entry.bytes, { status: res.status, headers: res.headers });
      c.header('ETag', entry.etag);
      c.header('Cache-Control', PUBLIC);
      c.header('Vary', 'Cookie, Authorization');
      c.header('X-Cache', 'miss');
      return;
    }
    if (c.req.header('if-none-match') === entry.etag) {
      return c.body(null, 304, { ETag: entry.etag, 'Cache-Control': PUBLIC, Vary: 'Cookie, Authorization' });
    }
    return new Response(method === 'HEAD' ? null : entry.bytes, {
      status: 200,
      headers: {
        'Content-Type': entry.contentType,
        ETag: entry.etag,
        'Cache-Control': PUBLIC,
        // Shared caches may keep this answer for visitors without a session only.
        Vary: 'Cookie, Authorization',
        'X-Cache': 'hit',
      },
    });
  };
}
