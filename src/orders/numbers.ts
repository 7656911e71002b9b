import { sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { orderNumberSeq } from './schema.ts';

/** What every order number starts with, so a number read aloud or typed in a search is recognised as one. */
export const ORDER_NUMBER_PREFIX = 'FMS-';
const NUMBER_SHAPE = /^FMS-(\d{5,9})$/;

/**
 * Takes the next order number from the database sequence. Checkout takes it before allocating stock, so that the
 * ledger's allocation rows name the order they are for; a rolled-back checkout leaves a gap, never a duplicate.
 */
export async function nextOrderNumber(tx: Db): Promise<string> {
  const { rows } = await tx.execute<{ seq: number }>(
    sql`select nextval(${sql.raw(`'${orderNumberSeq.seqName}'`)})::int as seq`,
  );
  return `${ORDER_NUMBER_PREFIX}${Number(rows[0]!.seq)}`;
}

/** The sequence value of a well-formed number, or undefined for anything else (which is then no order's). */
export function seqOfNumber(number: string): number | undefined {
  const match = NUMBER_SHAPE.exec(number.trim().toUpperCase());
  return match ? Number(match[1]) : undefined;
}
