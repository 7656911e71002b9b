import type { CookieOptions } from 'hono/utils/cookie';
import type { Config } from '#src/config.ts';

/** HttpOnly, SameSite=Lax, Secure when the store is served over https; persistent only when asked. */
export function secureCookieOptions(config: Config, maxAgeSeconds?: number): CookieOptions {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: config.baseUrl.startsWith('https:'),
    ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}),
  };
}
