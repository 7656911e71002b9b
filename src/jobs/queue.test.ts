import { eq, sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { enqueueJob } from './queue.ts';
import { jobs } from './schema.ts';
import { runDueJobs, scheduleDailyJobs } from './worker.ts';

let store: TestStore;
beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
});
afterAll(() => store.close());

describe('the job queue', () => {
  it('runs each job exactly once when two workers drain the queue at the same time', async () => {
    const total = 40;
    for (let i = 0; i < total; i++) await enqueueJob(store.ctx.db, { kind: 'count', payload: { n: i } });
    const seen: number[] = [];
    const handlers = {
      async count(_ctx: unknown, payload: Record<string, unknown>) {
        seen.push(Number(payload.n));
        // Yield so the other worker claims while this one still holds its job.
        await new Promise((resolve) => setTimeout(resolve, 2));
      },
    };
    const [a, b] = await Promise.all([runDueJobs(store.ctx, handlers), runDueJobs(store.ctx, handlers)]);
    expect(a + b).toBe(total);
    expect(seen.toSorted((x, y) => x - y)).toEqual([...Array(total).keys()]);
    const done = await store.ctx.db.select().from(jobs).where(eq(jobs.kind, 'count'));
    expect(done.every((j) => j.doneAt !== null && j.attempts === 1)).toBe(true);
  });

  it('retries a failing job later with back-off, and gives up after its last attempt', async () => {
    await enqueueJob(store.ctx.db, { kind: 'flaky', maxAttempts: 2 });
    const handlers = {
      async flaky() {
        throw new Error('the remote service is down');
      },
    };
    expect(await runDueJobs(store.ctx, handlers)).toBe(1);
    let [job] = await store.ctx.db.select().from(jobs).where(eq(jobs.kind, 'flaky'));
    expect(job!.failedAt).toBeNull();
    expect(job!.lastError).toBe('the remote service is down');
    // The retry waits about 30 seconds: nothing is due right now.
    expect(job!.runAt.getTime() - Date.now()).toBeGreaterThan(20_000);
    expect(await runDueJobs(store.ctx, handlers)).toBe(0);

    await store.ctx.db.update(jobs).set({ runAt: new Date() }).where(eq(jobs.id, job!.id));
    expect(await runDueJobs(store.ctx, handlers)).toBe(1);
    [job] = await store.ctx.db.select().from(jobs).where(eq(jobs.kind, 'flaky'));
    expect(job!.failedAt).not.toBeNull();
    expect(job!.attempts).toBe(2);
  });

  it('enqueues a daily job once a day, however many instances schedule it', async () => {
    const day = new Date('2026-11-27T08:00:00Z');
    await Promise.all([
      scheduleDailyJobs(store.ctx, [{ kind: 'nightly' }], day),
      scheduleDailyJobs(store.ctx, [{ kind: 'nightly' }], day),
    ]);
    await scheduleDailyJobs(store.ctx, [{ kind: 'nightly' }], new Date('2026-11-27T23:00:00Z'));
    expect(await store.ctx.db.$count(jobs, eq(jobs.kind, 'nightly'))).toBe(1);
    await scheduleDailyJobs(store.ctx, [{ kind: 'nightly' }], new Date('2026-11-28T00:30:00Z'));
    expect(await store.ctx.db.$count(jobs, eq(jobs.kind, 'nightly'))).toBe(2);
  });
});

describe('a job whose query fails', () => {
  it('keeps and logs the statement and reason, never the values bound to it', async () => {
    const secret = 'customer-secret-value-7731';
    await enqueueJob(store.ctx.db, { kind: 'bad-query', maxAttempts: 1 });
    const lines: string[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => lines.push(line) });
    const handlers = {
      async 'bad-query'(ctx: { db: typeof store.ctx.db }) {
        await ctx.db.execute(sql`select ${secret}::int`);
      },
    };
    await runDueJobs({ ...store.ctx, log }, handlers);
    const [job] = await store.ctx.db.select().from(jobs).where(eq(jobs.kind, 'bad-query'));
    expect(job!.failedAt).not.toBeNull();
    expect(job!.lastError).toContain('Failed query');
    expect(job!.lastError).not.toContain(secret);
    expect(lines.join('\n')).toContain('job failed');
    expect(lines.join('\n')).not.toContain(secret);
  });
});
