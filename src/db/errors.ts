import { DrizzleQueryError } from 'drizzle-orm';
import { AppError } from '#src/lib/errors.ts';

// PostgreSQL text cannot hold a NUL character; a value carrying one fails the whole statement with this code.
const NUL_IN_TEXT = '22021';

function sqlStateOf(err: unknown): string | undefined {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ('code' in e && typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

/** Whether a database failure is a unique-key clash (PostgreSQL 23505), however deep the driver wrapped it. */
export function isUniqueViolation(err: unknown): boolean {
  return sqlStateOf(err) === '23505';
}

/**
 * The input error a database failure stands for, when the client caused it; undefined for the store's own
 * failures. The transaction has been rolled back by then, so nothing was changed.
 */
export function inputErrorOf(err: unknown): AppError | undefined {
  if (sqlStateOf(err) === NUL_IN_TEXT) {
    return new AppError(
      'BAD_REQUEST',
      'Some text you sent contains a null character, which cannot be stored. Remove it and try again.',
    );
  }
  return undefined;
}

/**
 * What the log keeps of an unexpected error. A failed query keeps its statement and the database's reason but
 * not the values bound to it, which may be password hashes, token hashes or a customer's personal details;
 * PostgreSQL quotes a refused value in its own message, so those are blanked there too.
 */
export function loggableError(err: unknown): unknown {
  if (!(err instanceof DrizzleQueryError)) return err;
  const values = err.params.map((p) => String(p)).filter((v) => v.length > 0);
  const blank = (text: string) => values.reduce((t, v) => t.replaceAll(v, '[value]'), text);
  const message = `Failed query: ${err.query}`;
  const cause = err.cause as (Error & { code?: unknown }) | undefined;
  return {
    type: 'DrizzleQueryError',
    message,
    stack: err.stack?.replace(err.message, message),
    ...(cause ? { cause: { type: cause.name, message: blank(cause.message), code: cause.code } } : {}),
  };
}
