import { lt, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { deleteCounting } from '#src/db/delete-counting.ts';
import { defineDailyJob } from '#src/jobs/definition.ts';
import { rateLimitHits } from './schema.ts';

/**
 * Removes rate-limit windows that started over a day ago, longer than any limit's window, so no limit still in
 * force loses its count. The database limiter also drops them now and then as it counts; this daily run clears
 * what an instance that stopped counting left behind.
 */
export async function sweepRateLimitWindows(db: Db): Promise<{ windows: number }> {
  return {
    windows: await deleteCounting(db, rateLimitHits, lt(rateLimitHits.windowStart, sql`now() - interval '1 day'`)),
  };
}

export const rateLimitSweepJob = defineDailyJob({
  kind: 'rate-limit-sweep',
  async run(ctx) {
    ctx.log.info(await sweepRateLimitWindows(ctx.db), 'swept old rate-limit windows');
  },
});
