import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestProduct } from '#src/catalog/test-factory.ts';
import { lowStockAlert } from '#src/inventory/low-stock.ts';
import { JOB_KINDS } from '#src/job-kinds.ts';
import { jobs } from '#src/jobs/schema.ts';
import { runDueJobs } from '#src/jobs/worker.ts';
import { createTestStaff } from '#src/licences/test-factory.ts';
import { outbox } from '#src/mail/schema.ts';
import { staffUsers } from '#src/staff/schema.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { LOW_STOCK_MAIL_KIND, lowStockMailJob } from './low-stock-mail.ts';
import { allocateTestStock, NO_STOCK, receiveTestLot } from './test-inventory.ts';

let store: TestStore;
let keepers: string[];
let others: string[];

async function alertJobsFor(productId: string) {
  const all = await store.ctx.db.select().from(jobs).where(eq(jobs.kind, lowStockAlert.kind));
  return all.filter((j) => (j.payload as { productId: string }).productId === productId);
}

async function mailsAbout(sku: string) {
  return store.ctx.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.kind, LOW_STOCK_MAIL_KIND), like(outbox.subject, `%(${sku})%`)));
}

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  const owner = await createTestStaff(store.ctx.db, 'owner');
  const admin = await createTestStaff(store.ctx.db, 'admin');
  const desk = await createTestStaff(store.ctx.db, 'staff');
  const gone = await createTestStaff(store.ctx.db, 'admin');
  await store.ctx.db.update(staffUsers).set({ isActive: false }).where(eq(staffUsers.id, gone.staff.id));
  keepers = [owner.staff.email, admin.staff.email].sort();
  others = [desk.staff.email, gone.staff.email];
});
afterAll(async () => {
  await store?.close();
});

describe('the low-stock mail', () => {
  it('is a job kind the worker runs', () => {
    expect(JOB_KINDS).toContain(lowStockMailJob);
    expect(lowStockMailJob.kind).toBe(lowStockAlert.kind);
  });

  it('goes once per dip to every active staff member who keeps stock, and a receipt re-arms it', async () => {
    const product = await createTestProduct(store.ctx, { ...NO_STOCK, name: 'PEP Factor Test Serum' });
    await receiveTestLot(store.ctx, product.id, { quantity: 10 });

    await allocateTestStock(store.ctx, product.id, 4); // 6 left: above the threshold of 5
    expect(await alertJobsFor(product.id)).toHaveLength(0);
    await allocateTestStock(store.ctx, product.id, 2); // 4 left
    await allocateTestStock(store.ctx, product.id, 1); // 3 left
    await allocateTestStock(store.ctx, product.id, 3); // sold out
    expect(await alertJobsFor(product.id)).toHaveLength(1);

    await runDueJobs(store.ctx, JOB_KINDS);
    const [job] = await alertJobsFor(product.id);
    expect(job!.doneAt).not.toBeNull();
    expect(job!.lastError).toBe('');
    const mails = await mailsAbout(product.sku);
    expect(mails.map((m) => m.to).sort()).toEqual(keepers);
    for (const email of others) expect(mails.map((m) => m.to)).not.toContain(email);
    const [mail] = mails;
    expect(mail!.subject).toContain('PEP Factor Test Serum');
    expect(mail!.text).toContain(`SKU ${product.sku}`);
    // Written when the job runs: the product sold out after the dip began.
    expect(mail!.text).toContain('has no units left to sell');
    expect(mail!.text).toContain(`http://store.test/admin/inventory/${product.id}`);
    // Delivered as the store keeps mail without SMTP.
    expect(mails.every((m) => m.status === 'kept')).toBe(true);

    // A receipt re-arms the alert: the next dip mails again, once.
    await receiveTestLot(store.ctx, product.id, { quantity: 8 });
    await allocateTestStock(store.ctx, product.id, 2); // 6 left
    expect(await alertJobsFor(product.id)).toHaveLength(1);
    await allocateTestStock(store.ctx, product.id, 4); // 2 left
    await allocateTestStock(store.ctx, product.id, 1); // 1 left
    expect(await alertJobsFor(product.id)).toHaveLength(2);
    await runDueJobs(store.ctx, JOB_KINDS);
    const after = await mailsAbout(product.sku);
    expect(after).toHaveLength(keepers.length * 2);
    expect(after.filter((m) => m.text.includes('1 unit is available to sell'))).toHaveLength(keepers.length);
  });
});
