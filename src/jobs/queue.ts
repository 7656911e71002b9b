import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '#src/db/client.ts';
import { DEFAULT_LOCK_SECONDS, type JobDefinition } from './definition.ts';
import { checkPayload } from './payload.ts';
import { type Job, jobs } from './schema.ts';

export type EnqueueOptions = {
  /** A job with the same key is enqueued only once, ever (e.g. a daily run keyed by its date). */
  uniqueKey?: string;
  runAt?: Date;
};

/**
 * Adds a job of the given kind; the payload's type comes from the kind, and it is checked here too, so a wrong
 * payload fails the caller at once rather than a worker later. Pass the caller's transaction as `db` so the job
 * exists only if the caller's work commits.
 */
export async function enqueueJob<Schema extends z.ZodType>(
  db: Db,
  definition: Pick<JobDefinition<never, Schema>, 'kind' | 'payload' | 'maxAttempts'>,
  payload: z.input<Schema>,
  options: EnqueueOptions = {},
): Promise<void> {
  const checked = checkPayload(definition, payload);
  if (!checked.isValid) throw new Error(`Cannot enqueue: ${checked.reason}`);
  await db
    .insert(jobs)
    .values({
      kind: definition.kind,
      payload: checked.value as Record<string, unknown>,
      uniqueKey: options.uniqueKey,
      runAt: options.runAt ?? new Date(),
      maxAttempts: definition.maxAttempts,
    })
    .onConflictDoNothing();
}

export type ClaimedJob = Pick<Job, 'id' | 'kind' | 'payload' | 'attempts' | 'maxAttempts'>;

// One statement claims one due job, so two workers never take the same one (SKIP LOCKED), and a job whose
// worker died is taken again once its lock lapses. Each kind's lock time comes from the claiming worker's own
// definitions (a kind it does not know gets the default), so changing one needs no migration of queued rows.
export async function claimDueJob(db: Db, lockSecondsByKind: Record<string, number>): Promise<ClaimedJob | undefined> {
  const result = await db.execute(sql`
    UPDATE jobs SET attempts = attempts + 1,
      locked_until = now() + make_interval(secs => coalesce(
        (${JSON.stringify(lockSecondsByKind)}::jsonb ->> kind)::float8, ${DEFAULT_LOCK_SECONDS}::float8))
    WHERE id = (
      SELECT id FROM jobs
      WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= now()
        AND (locked_until IS NULL OR locked_until < now())
      ORDER BY run_at
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, kind, payload, attempts, max_attempts AS "maxAttempts"`);
  return result.rows[0] as ClaimedJob | undefined;
}

export async function completeJob(db: Db, id: string): Promise<void> {
  await db.execute(sql`UPDATE jobs SET done_at = now(), locked_until = NULL WHERE id = ${id}`);
}

/** Marks a job failed for good, without further attempts: for a job no retry can mend (its payload is wrong). */
export async function abandonJob(db: Db, id: string, error: string): Promise<void> {
  await db.execute(sql`UPDATE jobs SET failed_at = now(), locked_until = NULL, last_error = ${error} WHERE id = ${id}`);
}

/** Retries with exponential back-off (30 s, 1 min, 2 min, ...) until maxAttempts, then marks the job failed. */
export async function failJob(db: Db, job: Pick<Job, 'id' | 'attempts' | 'maxAttempts'>, error: string): Promise<void> {
  if (job.attempts >= job.maxAttempts) return abandonJob(db, job.id, error);
  const delaySeconds = 30 * 2 ** (job.attempts - 1);
  await db.execute(sql`
    UPDATE jobs SET locked_until = NULL, last_error = ${error},
      run_at = now() + make_interval(secs => ${delaySeconds})
    WHERE id = ${job.id}`);
}
