import { loggableError } from '#src/db/errors.ts';
import type { AppContext } from '#src/web/context.ts';
import { claimDueJob, completeJob, enqueueJob, failJob } from './queue.ts';

export type JobHandler = (ctx: AppContext, payload: Record<string, unknown>) => Promise<void>;

/** A job kind run once a day; the date in its unique key makes it run once however many instances there are. */
export type DailyJob = { kind: string };

export type Worker = { stop(): Promise<void> };

/** Runs every due job now, one after another; returns how many ran. Tests call this to drain the queue. */
export async function runDueJobs(ctx: AppContext, handlers: Record<string, JobHandler>): Promise<number> {
  let ran = 0;
  for (;;) {
    const job = await claimDueJob(ctx.db);
    if (!job) return ran;
    ran++;
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      await handler(ctx, job.payload);
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

/** Enqueues today's run of each daily job, once across all instances. */
export async function scheduleDailyJobs(ctx: AppContext, daily: DailyJob[], now = new Date()): Promise<void> {
  const day = now.toISOString().slice(0, 10);
  for (const { kind } of daily) await enqueueJob(ctx.db, { kind, uniqueKey: `${kind}:${day}` });
}

/** Polls for due jobs in the background of the server process. */
export function startWorker(
  ctx: AppContext,
  handlers: Record<string, JobHandler>,
  daily: DailyJob[],
  intervalMs = 2000,
): Worker {
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = (async () => {
      try {
        await scheduleDailyJobs(ctx, daily);
        await runDueJobs(ctx, handlers);
      } catch (err) {
        ctx.log.error({ err }, 'job worker tick failed');
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
