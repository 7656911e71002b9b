import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { setCookie } from 'hono/cookie';
import { AppError } from '#src/lib/errors.ts';
import { createToken } from '#src/lib/tokens.ts';
import type { AppEnv } from './context.ts';
import { cookieOf, secureCookieOptions } from './cookies.ts';
import { readFormBody } from './form-body.ts';
import { isSharedRender, type PersonalPart } from './personal-parts.ts';

const COOKIE = 'csrf';
export const CSRF_FIELD = '_csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const issued = new WeakMap<Request, string>();
// A page with a form on every line (the cart) asks once per form; the token is signed once per request.
const signedFor = new WeakMap<Request, string>();

function sign(secret: string, value: string): string {
  return createHmac('sha256', secret).update(`csrf:${value}`).digest('base64url');
}

/**
 * The token a form must send back in its `_csrf` field. It is the HMAC of a random cookie, so a page on another
 * site can neither read nor forge it. Only pages with forms call this, so cached catalogue pages set no cookie.
 */
export function csrfToken(c: Context<AppEnv>): string {
  // The page shared by every visitor gets a marker instead (csrfTokenPart), filled in for each visitor.
  if (isSharedRender(c)) throw new Error('A CSRF token cannot go into a page shared by every visitor');
  const signed = signedFor.get(c.req.raw);
  if (signed !== undefined) return signed;
  // A page with several forms asks several times; all of them must get the cookie this answer sets.
  let value = issued.get(c.req.raw) ?? cookieOf(c, COOKIE);
  if (!value || value.length < 32) {
    value = createToken();
    issued.set(c.req.raw, value);
    setCookie(c, COOKIE, value, secureCookieOptions(c));
  }
  const token = sign(c.get('ctx').config.sessionSecret, value);
  signedFor.set(c.req.raw, token);
  return token;
}

/** A form's CSRF token as a personal part: every visitor's own, so a page with a form is never served as is. */
export const csrfTokenPart: PersonalPart = { fill: (c) => csrfToken(c) };

function isValidFormToken(c: Context<AppEnv>, sent: unknown): boolean {
  const value = cookieOf(c, COOKIE);
  if (!value || typeof sent !== 'string') return false;
  const expected = Buffer.from(sign(c.var.ctx.config.sessionSecret, value));
  const given = Buffer.from(sent);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function isCrossSite(c: Context<AppEnv>): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') return true;
  const origin = c.req.header('origin');
  // "null" is an opaque origin (a sandboxed frame, a data: or file: page, a redirect across sites): whoever
  // sent it, it was not a page of ours, so it counts as cross-site like any other foreign origin.
  return origin !== undefined && origin !== new URL(c.var.ctx.config.baseUrl).origin;
}

/**
 * Whether the browser itself says a form was posted from a page of this store: Fetch Metadata where the browser
 * sends it, else the Origin header every current browser sends with a POST. A request with neither proves nothing.
 */
function isSameOriginForm(c: Context<AppEnv>): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined) return site === 'same-origin';
  const origin = c.req.header('origin');
  return origin !== undefined && origin === new URL(c.var.ctx.config.baseUrl).origin;
}

/**
 * Refuses state changes that another site could have triggered.
 * Pages: every unsafe form post carries a valid `_csrf` token; the few forms on pages shared by every visitor
 * (`sameOriginForms`: "add to cart" on cached product pages, which can hold no visitor's token without costing
 * every anonymous visitor a personalised page and a cookie) may instead prove their origin with the browser's
 * own headers (OWASP's Fetch Metadata and standard-header checks).
 * API: a request authenticated by cookie must come from our own origin, and its body must be JSON (which a
 * cross-site form cannot send); a request with a bearer token carries no ambient credentials and needs neither.
 */
export function csrfProtection(o: { sameOriginForms?: readonly string[] } = {}): MiddlewareHandler<AppEnv> {
  const sameOriginForms = new Set(o.sameOriginForms ?? []);
  return async (c, next) => {
    if (!UNSAFE.has(c.req.method)) return next();
    const path = c.req.path;
    if (path === '/api' || path.startsWith('/api/')) {
      if (c.req.header('authorization')?.startsWith('Bearer ')) return next();
      if (isCrossSite(c)) throw new AppError('FORBIDDEN', 'Cross-site requests are refused.');
      const type = c.req.header('content-type') ?? '';
      const hasBody = c.req.header('content-length') !== '0' && (c.req.header('content-length') || type);
      if (hasBody && !type.startsWith('application/json') && !type.startsWith('multipart/form-data')) {
        throw new AppError('BAD_REQUEST', 'Send the request body as application/json.');
      }
      if (type.startsWith('multipart/form-data') && !c.req.header('origin')) {
        throw new AppError('FORBIDDEN', 'Uploads need an Origin header from this store, or a bearer token.');
      }
      return next();
    }
    const type = c.req.header('content-type') ?? '';
    let sent: unknown;
    if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
      sent = (await readFormBody(c))[CSRF_FIELD];
    }
    if (!isValidFormToken(c, sent) && !(sameOriginForms.has(path) && isSameOriginForm(c))) {
      throw new AppError(
        'FORBIDDEN',
        'This form has expired or was sent from another site. Please go back, reload the page and try again.',
      );
    }
    return next();
  };
}
