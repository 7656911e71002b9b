import { lt, or, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { deleteCounting } from '#src/db/delete-counting.ts';
import { defineDailyJob } from '#src/jobs/definition.ts';
import { customerSessions, customerTokens } from '../schema.ts';

// A used or expired link is kept a week, so that someone who opens an old mail is told the link was used or has
// expired rather than that it is not a valid link.
export const DEAD_LINK_RETENTION_DAYS = 7;

/** Removes customer sessions past their expiry and emailed links used or expired a week ago. */
export async function sweepCustomerAccess(db: Db): Promise<{ sessions: number; links: number }> {
  const weekAgo = sql`now() - make_interval(days => ${DEAD_LINK_RETENTION_DAYS})`;
  return {
    sessions: await deleteCounting(db, customerSessions, lt(customerSessions.expiresAt, sql`now()`)),
    links: await deleteCounting(
      db,
      customerTokens,
      or(lt(customerTokens.usedAt, weekAgo), lt(customerTokens.expiresAt, weekAgo))!,
    ),
  };
}

export const customerAccessSweepJob = defineDailyJob({
  kind: 'customer-access-sweep',
  async run(ctx) {
    ctx.log.info(await sweepCustomerAccess(ctx.db), 'swept expired customer sessions and links');
  },
});
