import { eq, sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { defineDailyJob, defineJob, type JobContext } from './definition.ts';
import { claimDueJob, enqueueJob } from './queue.ts';
import { jobs } from './schema.ts';
import { runDueJobs, scheduleDailyJobs } from './worker.ts';

let store: TestStore;
beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
});
afterAll(() => store.close());

const jobsOfKind = (kind: string) => store.ctx.db.select().from(jobs).where(eq(jobs.kind, kind));

function capturedLog() {
  const lines: string[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
  return { log, text: () => lines.join('\n') };
}

describe('the job queue', () => {
  it('runs each job exactly once when two workers drain the queue at the same time', async () => {
    const total = 40;
    const seen: number[] = [];
    const count = defineJob({
      kind: 'count',
      payload: z.object({ n: z.int() }),
      async run(_ctx, payload) {
        seen.push(payload.n);
        // Yield so the other worker claims while this one still holds its job.
        await new Promise((resolve) => setTimeout(resolve, 2));
      },
    });
    for (let i = 0; i < total; i++) await enqueueJob(store.ctx.db, count, { n: i });
    const [a, b] = await Promise.all([runDueJobs(store.ctx, [count]), runDueJobs(store.ctx, [count])]);
    expect(a + b).toBe(total);
    expect(seen.toSorted((x, y) => x - y)).toEqual([...Array(total).keys()]);
    const done = await jobsOfKind('count');
    expect(done.every((j) => j.doneAt !== null && j.attempts === 1)).toBe(true);
  });

  it('retries a failing job later with back-off, and gives up after its last attempt', async () => {
    const flaky = defineJob({
      kind: 'flaky',
      payload: z.object({}),
      maxAttempts: 2,
      async run() {
        throw new Error('the remote service is down');
      },
    });
    await enqueueJob(store.ctx.db, flaky, {});
    expect(await runDueJobs(store.ctx, [flaky])).toBe(1);
    let [job] = await jobsOfKind('flaky');
    expect(job!.failedAt).toBeNull();
    expect(job!.lastError).toBe('the remote service is down');
    // The retry waits about 30 seconds: nothing is due right now.
    expect(job!.runAt.getTime() - Date.now()).toBeGreaterThan(20_000);
    expect(await runDueJobs(store.ctx, [flaky])).toBe(0);

    await store.ctx.db.update(jobs).set({ runAt: new Date() }).where(eq(jobs.id, job!.id));
    expect(await runDueJobs(store.ctx, [flaky])).toBe(1);
    [job] = await jobsOfKind('flaky');
    expect(job!.failedAt).not.toBeNull();
    expect(job!.attempts).toBe(2);
  });

  it('enqueues a daily job once a day, however many instances schedule it', async () => {
    const nightly = [defineDailyJob({ kind: 'nightly', run: async () => {} })];
    const day = new Date('2026-11-27T08:00:00Z');
    await Promise.all([scheduleDailyJobs(store.ctx.db, nightly, day), scheduleDailyJobs(store.ctx.db, nightly, day)]);
    await scheduleDailyJobs(store.ctx.db, nightly, new Date('2026-11-27T23:00:00Z'));
    expect(await store.ctx.db.$count(jobs, eq(jobs.kind, 'nightly'))).toBe(1);
    await scheduleDailyJobs(store.ctx.db, nightly, new Date('2026-11-28T00:30:00Z'));
    expect(await store.ctx.db.$count(jobs, eq(jobs.kind, 'nightly'))).toBe(2);
  });
});

describe('a job whose query fails', () => {
  it('keeps and logs the statement and reason, never the values bound to it', async () => {
    const secret = 'customer-secret-value-7731';
    const badQuery = defineJob({
      kind: 'bad-query',
      payload: z.object({}),
      maxAttempts: 1,
      async run(ctx) {
        await ctx.db.execute(sql`select ${secret}::int`);
      },
    });
    await enqueueJob(store.ctx.db, badQuery, {});
    const { log, text } = capturedLog();
    await runDueJobs({ ...store.ctx, log }, [badQuery]);
    const [job] = await jobsOfKind('bad-query');
    expect(job!.failedAt).not.toBeNull();
    expect(job!.lastError).toContain('Failed query');
    expect(job!.lastError).not.toContain(secret);
    expect(text()).toContain('job failed');
    expect(text()).not.toContain(secret);
  });
});

describe('job payloads', () => {
  const received: string[] = [];
  const notify = defineJob({
    kind: 'notify',
    payload: z.object({ customerId: z.uuid(), email: z.email() }),
    async run(_ctx, payload) {
      received.push(payload.email);
    },
  });

  it('are checked when a job is claimed: one that does not fit fails at once, and the worker goes on', async () => {
    // A row the helper would refuse, as an older version of the store or a hand-made insert could leave.
    const personal = 'dana.reyes.private@example.com';
    await store.ctx.db
      .insert(jobs)
      .values({ kind: 'notify', payload: { customerId: personal, email: 42 }, runAt: new Date(Date.now() - 1000) });
    await enqueueJob(store.ctx.db, notify, { customerId: crypto.randomUUID(), email: 'ok@example.com' });
    const { log, text } = capturedLog();

    expect(await runDueJobs({ ...store.ctx, log }, [notify])).toBe(2);
    expect(received).toEqual(['ok@example.com']);
    const [bad, good] = (await jobsOfKind('notify')).toSorted((x, y) => x.runAt.getTime() - y.runAt.getTime());
    expect(good!.doneAt).not.toBeNull();
    // No retry can mend a payload: failed on the first attempt, with a reason naming fields, not values.
    expect(bad!.failedAt).not.toBeNull();
    expect(bad!.attempts).toBe(1);
    expect(bad!.doneAt).toBeNull();
    expect(bad!.lastError).toContain('notify job');
    expect(bad!.lastError).toContain('customerId');
    expect(bad!.lastError).toContain('email');
    expect(bad!.lastError).not.toContain(personal);
    expect(text()).toContain('job payload invalid');
    expect(text()).not.toContain(personal);
    expect(text()).not.toContain('dana.reyes');
  });

  it('are checked when a job is enqueued, and nothing is queued for a payload that does not fit', async () => {
    const before = await store.ctx.db.$count(jobs);
    await expect(
      // @ts-expect-error the payload's type comes from the job kind, and this one lacks the email
      enqueueJob(store.ctx.db, notify, { customerId: 'not-an-id' }),
    ).rejects.toThrow(
      'Cannot enqueue: payload does not fit the notify job (customerId: invalid_format; email: invalid_type)',
    );
    expect(await store.ctx.db.$count(jobs)).toBe(before);
  });
});

describe('a job kind with its own lock time', () => {
  it('is taken again after its lock lapses when its worker died; a kind with a long lock is not', async () => {
    const ran: string[] = [];
    const kinds = (['short-lock', 'long-lock'] as const).map((kind) =>
      defineJob<JobContext, z.ZodObject>({
        kind,
        payload: z.object({}),
        lockSeconds: kind === 'short-lock' ? 1 : 60 * 60,
        async run() {
          ran.push(kind);
        },
      }),
    );
    for (const kind of kinds) await enqueueJob(store.ctx.db, kind, {});
    // A worker claims both and dies before finishing either.
    const locks = Object.fromEntries(kinds.map((k) => [k.kind, k.lockSeconds]));
    const claimed = [await claimDueJob(store.ctx.db, locks), await claimDueJob(store.ctx.db, locks)];
    expect(claimed.map((j) => j?.kind).sort()).toEqual(['long-lock', 'short-lock']);
    expect(await runDueJobs(store.ctx, kinds)).toBe(0);

    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(await runDueJobs(store.ctx, kinds)).toBe(1);
    expect(ran).toEqual(['short-lock']);
    const [short] = await jobsOfKind('short-lock');
    expect(short).toMatchObject({ attempts: 2, lockedUntil: null });
    expect(short!.doneAt).not.toBeNull();
    const [long] = await jobsOfKind('long-lock');
    expect(long).toMatchObject({ attempts: 1, doneAt: null });
    expect(long!.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(55 * 60_000);
  });
});
