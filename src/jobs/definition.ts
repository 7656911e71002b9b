import type { Logger } from 'pino';
import { z } from 'zod';
import type { Db } from '#src/db/client.ts';

/** What the worker itself needs of the context it hands to every job; the server passes its whole context. */
export type JobContext = { db: Db; log: Logger };

// Long enough for any job run today to finish; a kind whose run can take longer declares its own.
export const DEFAULT_LOCK_SECONDS = 5 * 60;
export const DEFAULT_MAX_ATTEMPTS = 5;

/**
 * One kind of background work: its name, the payload it accepts, and how the queue treats it. Domains declare
 * their kinds beside the code that runs them; the server gathers them, so the queue knows no domain.
 */
export type JobDefinition<Ctx extends JobContext = JobContext, Schema extends z.ZodType = z.ZodType> = {
  kind: string;
  /** Checked when the job is enqueued and again when it is claimed. */
  payload: Schema;
  /** How long a claimed job stays locked before another worker may take it again (its worker presumed dead). */
  lockSeconds: number;
  maxAttempts: number;
  /** Enqueued once a UTC day, however many instances run. */
  isDaily: boolean;
  run(ctx: Ctx, payload: z.output<Schema>): Promise<void>;
};

type KindOptions = { kind: string; lockSeconds?: number; maxAttempts?: number };

/** Declares a job kind enqueued by the domain's own code with a payload of `payload`'s shape. */
export function defineJob<Ctx extends JobContext, Schema extends z.ZodType>(
  o: KindOptions & { payload: Schema; run(ctx: Ctx, payload: z.output<Schema>): Promise<void> },
): JobDefinition<Ctx, Schema> {
  return {
    kind: o.kind,
    payload: o.payload,
    lockSeconds: o.lockSeconds ?? DEFAULT_LOCK_SECONDS,
    maxAttempts: o.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    isDaily: false,
    run: o.run,
  };
}

const NO_PAYLOAD = z.object({});

/** Declares a job kind without payload that the worker enqueues once a day. */
export function defineDailyJob<Ctx extends JobContext>(
  o: KindOptions & { run(ctx: Ctx): Promise<void> },
): JobDefinition<Ctx, typeof NO_PAYLOAD> {
  return { ...defineJob({ ...o, payload: NO_PAYLOAD, run: (ctx: Ctx) => o.run(ctx) }), isDaily: true };
}
