import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_KINDS } from '#src/job-kinds.ts';
import { jobs } from '#src/jobs/schema.ts';
import { runDueJobs, scheduleDailyJobs } from '#src/jobs/worker.ts';
import { addDays, todayUtc } from '#src/lib/dates.ts';
import { outbox } from '#src/mail/schema.ts';
import { auditLog } from '#src/staff/schema.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { licenceExpiryJob, runLicenceExpiry } from './expiry-job.ts';
import { reviewLicence } from './review.ts';
import { licences } from './schema.ts';
import { createTestCustomer, createTestLicence, createTestStaff } from './test-factory.ts';

let store: TestStore;
const today = todayUtc();

async function statusOf(id: string) {
  const [row] = await store.ctx.db.select().from(licences).where(eq(licences.id, id));
  return row!;
}

async function mailKindsTo(email: string) {
  return (await store.ctx.db.select().from(outbox).where(eq(outbox.to, email))).map((m) => m.kind).sort();
}

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
});

afterAll(async () => {
  await store?.close();
});

describe('the daily licence job', () => {
  it('expires lapsed approvals and reminds 30 days ahead, once each, however often it runs', async () => {
    const db = store.ctx.db;
    const a = await createTestCustomer(db);
    const b = await createTestCustomer(db);
    const c = await createTestCustomer(db);
    const lapsed = await createTestLicence(db, a.id, { status: 'approved', expiresOn: addDays(today, -1) });
    const lastDay = await createTestLicence(db, a.id, { type: 'MD', status: 'approved', expiresOn: today });
    const soon = await createTestLicence(db, b.id, { status: 'approved', expiresOn: addDays(today, 30) });
    const later = await createTestLicence(db, b.id, { type: 'MD', status: 'approved', expiresOn: addDays(today, 31) });
    const pendingLapsed = await createTestLicence(db, c.id, { status: 'pending', expiresOn: addDays(today, -5) });
    const pendingSoon = await createTestLicence(db, c.id, {
      type: 'PA',
      status: 'pending',
      expiresOn: addDays(today, 10),
    });

    expect(await runLicenceExpiry(store.ctx, today)).toEqual({ expired: 1, reminded: 2 });
    expect((await statusOf(lapsed.id)).status).toBe('expired');
    expect((await statusOf(lastDay.id)).status).toBe('approved');
    expect((await statusOf(lastDay.id)).reminderSentAt).not.toBeNull();
    expect((await statusOf(soon.id)).reminderSentAt).not.toBeNull();
    expect((await statusOf(later.id)).reminderSentAt).toBeNull();
    expect((await statusOf(pendingLapsed.id)).status).toBe('pending');
    expect((await statusOf(pendingSoon.id)).reminderSentAt).toBeNull();
    expect(await mailKindsTo(a.email)).toEqual(['licence-expired', 'licence-expiry-reminder']);
    expect(await mailKindsTo(b.email)).toEqual(['licence-expiry-reminder']);
    expect(await mailKindsTo(c.email)).toEqual([]);
    const [mail] = await db.select().from(outbox).where(eq(outbox.to, b.email));
    expect(mail!.text).toContain(addDays(today, 30));

    const [entry] = await db.select().from(auditLog).where(eq(auditLog.entityId, lapsed.id));
    expect(entry).toMatchObject({ action: 'licence.expire', actorEmail: 'daily licence job' });
    expect(entry!.before).toMatchObject({ status: 'approved' });
    expect(entry!.after).toMatchObject({ status: 'expired' });

    expect(await runLicenceExpiry(store.ctx, today)).toEqual({ expired: 0, reminded: 0 });
    expect(await mailKindsTo(a.email)).toHaveLength(2);

    // A day later the licence that ran through today has lapsed, and it was already reminded.
    expect(await runLicenceExpiry(store.ctx, addDays(today, 1))).toEqual({ expired: 1, reminded: 1 });
    expect((await statusOf(lastDay.id)).status).toBe('expired');
    expect((await statusOf(later.id)).reminderSentAt).not.toBeNull();
  });

  it('does not remind a customer who already sent the renewal', async () => {
    const db = store.ctx.db;
    const d = await createTestCustomer(db);
    const old = await createTestLicence(db, d.id, { type: 'NP', status: 'approved', expiresOn: addDays(today, 12) });
    await createTestLicence(db, d.id, { type: 'NP', status: 'pending', expiresOn: addDays(today, 700) });
    await runLicenceExpiry(store.ctx, today);
    expect((await statusOf(old.id)).reminderSentAt).toBeNull();
    expect(await mailKindsTo(d.email)).toEqual([]);
  });

  it('approval mail promises a month of notice only when there is a month left', async () => {
    const db = store.ctx.db;
    const staff = { id: (await createTestStaff(db)).staff.id, email: 'desk@example.com' };
    const soon = await createTestCustomer(db);
    const soonLicence = await createTestLicence(db, soon.id, { expiresOn: addDays(today, 20) });
    const later = await createTestCustomer(db);
    const laterLicence = await createTestLicence(db, later.id, { expiresOn: addDays(today, 200) });
    await reviewLicence(store.ctx, staff, { licenceId: soonLicence.id, action: 'approve' });
    await reviewLicence(store.ctx, staff, { licenceId: laterLicence.id, action: 'approve' });
    const textTo = async (email: string) =>
      (await db.select().from(outbox).where(eq(outbox.to, email))).map((m) => m.text).join('');
    expect(await textTo(soon.email)).toContain('less than a month from now. Submit the renewed licence');
    expect(await textTo(soon.email)).not.toContain('We will remind you');
    expect(await textTo(later.email)).toContain('We will remind you a month before then.');
  });

  it('is scheduled once a day and run by the worker', async () => {
    expect(JOB_KINDS).toContain(licenceExpiryJob);
    await scheduleDailyJobs(store.ctx.db, JOB_KINDS);
    await scheduleDailyJobs(store.ctx.db, JOB_KINDS);
    const scheduled = await store.ctx.db.select().from(jobs).where(eq(jobs.kind, licenceExpiryJob.kind));
    expect(scheduled).toHaveLength(1);
    await runDueJobs(store.ctx, JOB_KINDS);
    const [done] = await store.ctx.db.select().from(jobs).where(eq(jobs.kind, licenceExpiryJob.kind));
    expect(done!.doneAt).not.toBeNull();
    expect(done!.lastError).toBe('');
  });
});
