import type { Context } from 'hono';
import type { CookieOptions } from 'hono/utils/cookie';
import { isHttpsRequest } from './client-address.ts';
import type { AppEnv } from './context.ts';

/**
 * HttpOnly, SameSite=Lax, Secure when the store is served over https (BASE_URL says so, or this request came over
 * TLS or through a trusted proxy that saw https); persistent only when asked.
 */
export function secureCookieOptions(c: Context<AppEnv>, maxAgeSeconds?: number): CookieOptions {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.var.ctx.config.baseUrl.startsWith('https:') || isHttpsRequest(c),
    ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}),
  };
}
