import type { Db } from '#src/db/client.ts';
import { loggableError } from '#src/db/errors.ts';
import { todayUtc } from '#src/lib/dates.ts';
import type { JobContext, JobDefinition } from './definition.ts';
import { checkPayload } from './payload.ts';
import { abandonJob, claimDueJob, completeJob, enqueueJob, failJob } from './queue.ts';

export type Worker = { stop(): Promise<void> };

/** Runs every due job now, one after another; returns how many were claimed. Tests call this to drain the queue. */
export async function runDueJobs<Ctx extends JobContext>(
  ctx: Ctx,
  definitions: readonly JobDefinition<Ctx>[],
): Promise<number> {
  const byKind = new Map(definitions.map((d) => [d.kind, d]));
  const lockSecondsByKind = Object.fromEntries(definitions.map((d) => [d.kind, d.lockSeconds]));
  let ran = 0;
  for (;;) {
    const job = await claimDueJob(ctx.db, lockSecondsByKind);
    if (!job) return ran;
    ran++;
    const definition = byKind.get(job.kind);
    try {
      if (!definition) throw new Error(`no handler for job kind "${job.kind}"`);
      const payload = checkPayload(definition, job.payload);
      if (!payload.isValid) {
        // No retry can mend a payload, so the job fails now; the reason names fields, never their values.
        ctx.log.warn({ jobId: job.id, kind: job.kind, reason: payload.reason }, 'job payload invalid');
        await abandonJob(ctx.db, job.id, payload.reason);
        continue;
      }
      await definition.run(ctx, payload.value);
      await completeJob(ctx.db, job.id);
    } catch (err) {
      // Kept and logged without a failed query's bound values, which may be personal data or hashes.
      const safe = loggableError(err);
      const message = safe instanceof Error ? safe.message : String((safe as { message?: unknown }).message ?? safe);
      ctx.log.warn({ jobId: job.id, kind: job.kind, attempt: job.attempts, err: safe }, 'job failed');
      await failJob(ctx.db, job, message.slice(0, 2000));
    }
  }
}

/** Enqueues today's run of each daily job kind, once across all instances. */
export async function scheduleDailyJobs(
  db: Db,
  definitions: readonly JobDefinition<never>[],
  now = new Date(),
): Promise<void> {
  const day = todayUtc(now);
  for (const definition of definitions) {
    if (definition.isDaily) await enqueueJob(db, definition, {}, { uniqueKey: `${definition.kind}:${day}` });
  }
}

/** Polls for due jobs in the background of the server process. */
export function startWorker<Ctx extends JobContext>(
  ctx: Ctx,
  definitions: readonly JobDefinition<Ctx>[],
  intervalMs = 2000,
): Worker {
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = (async () => {
      try {
        await scheduleDailyJobs(ctx.db, definitions);
        await runDueJobs(ctx, definitions);
      } catch (err) {
        ctx.log.error({ err: loggableError(err) }, 'job worker tick failed');
      } finally {
        running = undefined;
      }
    })();
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
