import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.ts';

/**
 * Security headers on every answer. The Content-Security-Policy allows no inline script at all (a nonce would
 * differ per request and defeat the page cache); scripts come from /assets only.
 */
export function securityHeadersOf(isHttps: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': [
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
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  if (isHttps) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}

/** Sets `headers` on every answer, whatever the handler returned. */
export function securityHeaders(headers: Record<string, string>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    for (const name in headers) c.res.headers.set(name, headers[name]!);
  };
}
