import { lt, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { deleteCounting } from '#src/db/delete-counting.ts';
import { defineDailyJob } from '#src/jobs/definition.ts';
import { staffSessions } from './schema.ts';

/** Removes staff sessions past their expiry; nobody can sign in with them any more. */
export async function sweepStaffSessions(db: Db): Promise<{ sessions: number }> {
  return { sessions: await deleteCounting(db, staffSessions, lt(staffSessions.expiresAt, sql`now()`)) };
}

export const staffSessionSweepJob = defineDailyJob({
  kind: 'staff-session-sweep',
  async run(ctx) {
    ctx.log.info(await sweepStaffSessions(ctx.db), 'swept expired staff sessions');
  },
});
