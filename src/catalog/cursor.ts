import { z } from 'zod';
import { AppError } from '#src/lib/errors.ts';
import { PRODUCT_SORTS, type ProductSort } from './validators.ts';

/** Where a keyset page ends: the sort it belongs to, the last row's sort value and its id (the tie-breaker). */
export type ProductCursor = { sort: ProductSort; value: string; id: string };

const cursorSchema = z
  .object({
    s: z.enum(PRODUCT_SORTS),
    v: z.string().max(300),
    id: z.uuid(),
  })
  .strict();

/** Cursors are opaque to clients: base64url JSON, so nobody builds them by hand. */
export function encodeCursor(cursor: ProductCursor): string {
  return Buffer.from(JSON.stringify({ s: cursor.sort, v: cursor.value, id: cursor.id })).toString('base64url');
}

/** Reads a cursor from a request; a damaged one, or one made for another sort order, is a 400 naming `cursor`. */
export function decodeCursor(text: string, sort: ProductSort): ProductCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success) {
    throw new AppError('BAD_REQUEST', 'The cursor is not valid; use the nextCursor of a previous answer.', {
      fields: { cursor: 'is not a valid cursor' },
    });
  }
  if (!isValueOfSort(result.data.s, result.data.v)) {
    throw new AppError('BAD_REQUEST', 'The cursor is not valid; use the nextCursor of a previous answer.', {
      fields: { cursor: 'is not a valid cursor' },
    });
  }
  if (result.data.s !== sort) {
    throw new AppError('BAD_REQUEST', `The cursor was made for sort=${result.data.s}, not sort=${sort}.`, {
      fields: { cursor: `belongs to sort=${result.data.s}` },
    });
  }
  return { sort, value: result.data.v, id: result.data.id };
}

// The largest value of a PostgreSQL integer, the type of the price column.
const MAX_INT4 = 2_147_483_647;

// The value goes into SQL as a typed parameter, so it must be one the column could hold: anything else would
// fail in the database (a 500) instead of being refused here. Anyone can decode and re-encode a cursor.
function isValueOfSort(sort: ProductSort, value: string): boolean {
  if (sort === 'price-asc' || sort === 'price-desc') return /^\d{1,10}$/.test(value) && Number(value) <= MAX_INT4;
  if (sort === 'newest') {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(value)) return false;
    // PostgreSQL has no year 0 (JavaScript does): the first year a timestamp can hold is 1.
    if (value.startsWith('0000-')) return false;
    // A round trip rejects dates JavaScript silently rolls over (February 31st) but PostgreSQL refuses.
    const time = Date.parse(value);
    return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 23) === value.slice(0, 23);
  }
  // Names are text, which cannot hold a NUL character.
  return !value.includes('\u0000');
}
