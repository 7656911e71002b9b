import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerSessions, customers, customerTokens } from '#src/accounts/schema.ts';
import { JOB_KINDS } from '#src/job-kinds.ts';
import { jobs } from '#src/jobs/schema.ts';
import { runDueJobs, scheduleDailyJobs } from '#src/jobs/worker.ts';
import { rateLimitHits } from '#src/security/schema.ts';
import { staffSessions, staffUsers } from '#src/staff/schema.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(Date.now() - ms);
const ahead = (ms: number) => new Date(Date.now() + ms);

let store: TestStore;
beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
});
afterAll(() => store.close());

async function seedCustomerAccess() {
  const db = store.ctx.db;
  const [customer] = await db.insert(customers).values({ email: 'sweep@example.com', name: 'Dana' }).returning();
  const customerId = customer!.id;
  await db.insert(customerSessions).values([
    { tokenHash: 'session-expired', customerId, expiresAt: ago(HOUR) },
    { tokenHash: 'session-live', customerId, expiresAt: ahead(HOUR), createdAt: ago(29 * DAY) },
  ]);
  await db.insert(customerTokens).values([
    { tokenHash: 'link-waiting', customerId, purpose: 'verify-email', expiresAt: ahead(47 * HOUR) },
    { tokenHash: 'link-used-lately', customerId, purpose: 'reset-password', expiresAt: ahead(HOUR), usedAt: ago(1) },
    { tokenHash: 'link-expired-lately', customerId, purpose: 'reset-password', expiresAt: ago(6 * DAY) },
    // Sent eight and a half days ago with 48 hours to run, and opened at once.
    {
      tokenHash: 'link-used-long-ago',
      customerId,
      purpose: 'verify-email',
      expiresAt: ago(6.5 * DAY),
      usedAt: ago(8 * DAY),
    },
    { tokenHash: 'link-expired-long-ago', customerId, purpose: 'change-email', expiresAt: ago(8 * DAY) },
  ]);
}

async function seedStaffSessions() {
  const db = store.ctx.db;
  const [staff] = await db
    .insert(staffUsers)
    .values({ email: 'desk@example.com', passwordHash: 'not-a-hash', name: 'Desk' })
    .returning();
  await db.insert(staffSessions).values([
    { tokenHash: 'staff-expired', staffId: staff!.id, expiresAt: ago(1000) },
    { tokenHash: 'staff-live', staffId: staff!.id, expiresAt: ahead(11 * HOUR) },
  ]);
}

async function seedRateLimitWindows() {
  await store.ctx.db.insert(rateLimitHits).values([
    { key: 'sign-in-ip:203.0.113.9', windowStart: ago(2 * DAY), count: 3 },
    { key: 'sign-in-ip:203.0.113.9', windowStart: ago(10 * 60 * 1000), count: 2 },
  ]);
}

async function seedJobs() {
  const job = (tag: string, o: Partial<typeof jobs.$inferInsert>) => ({
    kind: 'send-mail',
    payload: { outboxId: randomUUID() },
    uniqueKey: tag,
    createdAt: ago(60 * DAY),
    runAt: ago(60 * DAY),
    ...o,
  });
  await store.ctx.db.insert(jobs).values([
    job('done-long-ago', { doneAt: ago(8 * DAY) }),
    job('done-lately', { doneAt: ago(6 * DAY) }),
    job('failed-long-ago', { failedAt: ago(31 * DAY) }),
    job('failed-lately', { failedAt: ago(8 * DAY) }),
    // Old, but still waiting for its next attempt: never swept.
    job('waiting', { runAt: ahead(HOUR), attempts: 3 }),
  ]);
}

describe('the daily sweep', () => {
  it('removes expired sessions, dead links, old rate-limit windows and old finished jobs, and keeps the rest', async () => {
    await seedCustomerAccess();
    await seedStaffSessions();
    await seedRateLimitWindows();
    await seedJobs();

    await scheduleDailyJobs(store.ctx.db, JOB_KINDS);
    await runDueJobs(store.ctx, JOB_KINDS);
    const sweeps = ['customer-access-sweep', 'staff-session-sweep', 'rate-limit-sweep', 'jobs-sweep'];
    const ran = await store.ctx.db.select().from(jobs).where(inArray(jobs.kind, sweeps));
    expect(ran.map((j) => j.kind).sort()).toEqual(sweeps.toSorted());
    expect(ran.every((j) => j.doneAt !== null && j.lastError === '')).toBe(true);

    const sessions = await store.ctx.db.select({ tokenHash: customerSessions.tokenHash }).from(customerSessions);
    expect(sessions.map((s) => s.tokenHash)).toEqual(['session-live']);
    const links = await store.ctx.db.select({ tokenHash: customerTokens.tokenHash }).from(customerTokens);
    expect(links.map((l) => l.tokenHash).sort()).toEqual(['link-expired-lately', 'link-used-lately', 'link-waiting']);
    const staff = await store.ctx.db.select({ tokenHash: staffSessions.tokenHash }).from(staffSessions);
    expect(staff.map((s) => s.tokenHash)).toEqual(['staff-live']);
    const windows = await store.ctx.db.select().from(rateLimitHits);
    expect(windows.map((w) => w.count)).toEqual([2]);
    const left = await store.ctx.db.select({ key: jobs.uniqueKey }).from(jobs).where(eq(jobs.kind, 'send-mail'));
    expect(left.map((j) => j.key).sort()).toEqual(['done-lately', 'failed-lately', 'waiting']);
    // The customer and staff member themselves are untouched.
    expect(await store.ctx.db.$count(customers)).toBe(1);
    expect(await store.ctx.db.$count(staffUsers)).toBe(1);
  });
});
