import { STATUS_CODES } from 'node:http';
import type { Context } from 'hono';
import type { FieldErrors } from '#src/lib/errors.ts';

/** An RFC 9457 problem document; `code` and `errors` are extension members clients can branch on. */
export function problemJson(
  c: Context,
  status: number,
  detail: string,
  extra: { code?: string; errors?: FieldErrors; headers?: Record<string, string> } = {},
): Response {
  const body = {
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    instance: c.req.path,
    ...(extra.code ? { code: extra.code } : {}),
    ...(extra.errors ? { errors: Object.entries(extra.errors).map(([field, message]) => ({ field, message })) } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json', ...extra.headers },
  });
}

export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}
