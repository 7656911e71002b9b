import { and, isNotNull, lt, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '#src/db/client.ts';
import { deleteCounting } from '#src/db/delete-counting.ts';
import { defineDailyJob } from './definition.ts';
import { jobs } from './schema.ts';

// Finished jobs are kept a week, enough to see what ran lately; failed ones a month, so that staff and operators
// can still read why a mail or a daily run gave up long after it happened.
export const DONE_JOB_RETENTION_DAYS = 7;
export const FAILED_JOB_RETENTION_DAYS = 30;

const olderThan = (column: PgColumn, days: number) =>
  and(isNotNull(column), lt(column, sql`now() - make_interval(days => ${days})`))!;

/** Removes finished jobs past their retention; jobs still waiting or running are never touched. */
export async function sweepJobs(db: Db): Promise<{ done: number; failed: number }> {
  return {
    done: await deleteCounting(db, jobs, olderThan(jobs.doneAt, DONE_JOB_RETENTION_DAYS)),
    failed: await deleteCounting(db, jobs, olderThan(jobs.failedAt, FAILED_JOB_RETENTION_DAYS)),
  };
}

export const jobsSweepJob = defineDailyJob({
  kind: 'jobs-sweep',
  async run(ctx) {
    ctx.log.info(await sweepJobs(ctx.db), 'swept finished jobs');
  },
});
