import { sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { type Job, jobs } from './schema.ts';

export type NewJob = {
  kind: string;
  payload?: Record<string, unknown>;
  /** A job with the same key is enqueued only once, ever (e.g. a daily run keyed by its date). */
  uniqueKey?: string;
  runAt?: Date;
  maxAttempts?: number;
};

/** Adds a job; pass the caller's transaction as `db` so the job exists only if the caller's work commits. */
export async function enqueueJob(db: Db, job: NewJob): Promise<void> {
  await db
    .insert(jobs)
    .values({
      kind: job.kind,
      payload: job.payload ?? {},
      uniqueKey: job.uniqueKey,
      runAt: job.runAt ?? new Date(),
      maxAttempts: job.maxAttempts ?? 5,
    })
    .onConflictDoNothing();
}

// One statement claims one due job, so two workers never take the same one (SKIP LOCKED), and a job whose
// worker died is taken again once its lock lapses.
export async function claimDueJob(db: Db): Promise<Job | undefined> {
  const result = await db.execute(sql`
    UPDATE jobs SET attempts = attempts + 1, locked_until = now() + interval '5 minutes'
    WHERE id = (
      SELECT id FROM jobs
      WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= now()
        AND (locked_until IS NULL OR locked_until < now())
      ORDER BY run_at
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, kind, payload, attempts, max_attempts AS "maxAttempts"`);
  const row = result.rows[0] as Pick<Job, 'id' | 'kind' | 'payload' | 'attempts' | 'maxAttempts'> | undefined;
  return row as Job | undefined;
}

export async function completeJob(db: Db, id: string): Promise<void> {
  await db.execute(sql`UPDATE jobs SET done_at = now(), locked_until = NULL WHERE id = ${id}`);
}

/** Retries with exponential back-off (30 s, 1 min, 2 min, ...) until maxAttempts, then marks the job failed. */
export async function failJob(db: Db, job: Pick<Job, 'id' | 'attempts' | 'maxAttempts'>, error: string): Promise<void> {
  if (job.attempts >= job.maxAttempts) {
    await db.execute(
      sql`UPDATE jobs SET failed_at = now(), locked_until = NULL, last_error = ${error} WHERE id = ${job.id}`,
    );
    return;
  }
  const delaySeconds = 30 * 2 ** (job.attempts - 1);
  await db.execute(sql`
    UPDATE jobs SET locked_until = NULL, last_error = ${error},
      run_at = now() + make_interval(secs => ${delaySeconds})
    WHERE id = ${job.id}`);
}
