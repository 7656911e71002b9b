import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { CookieOptions } from 'hono/utils/cookie';
import { isHttpsRequest } from './client-address.ts';
import type { AppEnv } from './context.ts';

/**
 * A cookie this request sent. The header is parsed once per request, however many parts of a page ask: a
 * signed-in visitor's cached page asks several times, and parsing was a visible share of its cost.
 */
export function cookieOf(c: Context<AppEnv>, name: string): string | undefined {
  let cookies = c.get('cookies');
  if (!cookies) {
    cookies = getCookie(c);
    c.set('cookies', cookies);
  }
  return cookies[name];
}

/**
 * HttpOnly, SameSite=Lax, Secure when the store is served over https (BASE_URL says so, or this request came over
 * TLS or through a trusted proxy that saw https); persistent only when asked.
 */
export function secureCookieOptions(c: Context<AppEnv>, maxAgeSeconds?: number): CookieOptions {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.get('ctx').config.baseUrl.startsWith('https:') || isHttpsRequest(c),
    ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}),
  };
}
