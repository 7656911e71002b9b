import type { Context } from 'hono';
import { AppError, type FieldErrors } from '#src/lib/errors.ts';
import type { AppEnv } from '#src/web/context.ts';

export type FormStatus = 400 | 409 | 422 | 429;
export type Refusal = { status: FormStatus; errors: FieldErrors };

// Refusals a person can act on by changing what they typed or by waiting; anything else goes to onError.
const SHOWN_ON_FORM = new Set(['BAD_REQUEST', 'VALIDATION', 'UNAUTHORIZED', 'CONFLICT', 'RATE_LIMITED']);

/**
 * Turns a service's refusal into errors for the form that was sent, so the form is shown again with what
 * was typed; copies headers such as Retry-After. Rethrows anything else.
 */
export function refusalOf(c: Context<AppEnv>, err: unknown): Refusal {
  if (!(err instanceof AppError) || !SHOWN_ON_FORM.has(err.code)) throw err;
  for (const [name, value] of Object.entries(err.headers ?? {})) c.header(name, value);
  const status: FormStatus =
    err.code === 'RATE_LIMITED' ? 429 : err.code === 'CONFLICT' ? 409 : err.code === 'BAD_REQUEST' ? 400 : 422;
  return { status, errors: { _: err.message, ...err.fields } };
}

/** Runs a service call for a form; a refusal comes back as a value, the result otherwise. */
export async function attempt<T>(
  c: Context<AppEnv>,
  work: () => Promise<T>,
): Promise<{ ok: true; value: T } | ({ ok: false } & Refusal)> {
  try {
    return { ok: true, value: await work() };
  } catch (err) {
    return { ok: false, ...refusalOf(c, err) };
  }
}

/** A form that failed its schema, in the same shape as a refused attempt. */
export function invalid(errors: FieldErrors): { ok: false } & Refusal {
  return { ok: false, status: 422, errors };
}

/** The values typed into a form, minus every password field: those are never sent back to the browser. */
export function keptValues(values: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (!/password/i.test(k) && k !== 'token') kept[k] = v;
  return kept;
}
