import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.ts';

/**
 * Security headers on every answer. The Content-Security-Policy allows no inline script at all (a nonce would
 * differ per request and defeat the page cache); scripts come from /assets only.
 */
export function securityHeaders(isHttps: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set(
      'Content-Security-Policy',
      [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ].join('; '),
    );
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('X-Frame-Options', 'DENY');
    h.set('Referrer-Policy', 'strict-origin-when-cross-origin');
    h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    if (isHttps) h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  };
}
