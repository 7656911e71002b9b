import { lt, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { deleteCounting } from '#src/db/delete-counting.ts';
import { defineDailyJob } from '#src/jobs/definition.ts';
import { IDEMPOTENCY_KEY_HOURS } from './idempotency.ts';
import { idempotencyKeys } from './schema.ts';

/**
 * Removes idempotency keys past their 24 hours. A request with an expired key that is still stored takes the
 * row over (idempotency.ts), so the sweep only keeps the table small; it never decides what a key means.
 */
export async function sweepIdempotencyKeys(db: Db): Promise<{ keys: number }> {
  const expired = lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${IDEMPOTENCY_KEY_HOURS})`);
  return { keys: await deleteCounting(db, idempotencyKeys, expired) };
}

export const idempotencyKeySweepJob = defineDailyJob({
  kind: 'idempotency-key-sweep',
  async run(ctx) {
    ctx.log.info(await sweepIdempotencyKeys(ctx.db), 'swept expired idempotency keys');
  },
});
