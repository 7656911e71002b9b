import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CSV_BYTES } from '#src/catalog/csv-import.ts';
import { products } from '#src/catalog/schema.ts';
import { createTestProduct } from '#src/catalog/test-factory.ts';
import { JOB_KINDS } from '#src/job-kinds.ts';
import { runDueJobs } from '#src/jobs/worker.ts';
import { createTestStaff } from '#src/licences/test-factory.ts';
import { auditLog } from '#src/staff/schema.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor, type Visitor } from '#test/support/visitor.ts';
import { runProductImport } from './product-import.ts';
import { productImports } from './schema.ts';

const HEADER = 'sku,slug,name,price,form,route,regulatory_status';

let store: TestStore;
let admin: Visitor;
let reader: Visitor;

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  admin = createVisitor(store);
  admin.cookies.set('staff_sid', (await createTestStaff(store.ctx.db, 'admin')).token);
  reader = createVisitor(store);
  reader.cookies.set('staff_sid', (await createTestStaff(store.ctx.db, 'staff')).token);
});
afterAll(() => store?.close());

const csv = (text: string | Uint8Array<ArrayBuffer>, name = 'products.csv') =>
  new File([text], name, { type: 'text/csv' });

/** Uploads a file and returns the address of its run, as the redirect gives it. */
async function upload(file: File, mode: 'dry-run' | 'import'): Promise<string> {
  const res = await admin.submit('/admin/import', { file, mode });
  expect(res.status).toBe(303);
  const location = res.headers.get('location')!;
  expect(location).toMatch(/^\/admin\/import\/[0-9a-f-]{36}$/);
  return location;
}

async function skuExists(sku: string): Promise<boolean> {
  return (await store.ctx.db.select().from(products).where(eq(products.sku, sku))).length > 0;
}

describe('the products import page', () => {
  it('runs the upload as a background job, showing progress and then the result', async () => {
    const existing = await createTestProduct(store.ctx, { name: 'Old Name Serum' });
    const file = csv(
      `${HEADER}\nIMP-1,imported-serum,Imported Serum,29.99,serum,topical,cosmetic\n` +
        `${existing.sku},${existing.slug},New Name Serum,10.00,serum,topical,cosmetic\n`,
    );
    const path = await upload(file, 'import');
    const waiting = await admin.page(path);
    expect(waiting).toContain('<meta http-equiv="refresh" content="2">');
    expect(waiting).toContain('Waiting for the job runner');
    expect(await skuExists('IMP-1')).toBe(false);

    await runDueJobs(store.ctx, JOB_KINDS);
    const done = await admin.page(path);
    expect(done).not.toContain('http-equiv="refresh"');
    expect(done).toContain('2 rows imported in');
    expect(done).toContain('1 created, 1 updated, 0 unchanged.');
    expect(await skuExists('IMP-1')).toBe(true);
    const [renamed] = await store.ctx.db.select().from(products).where(eq(products.id, existing.id));
    expect(renamed!.name).toBe('New Name Serum');
    // The file is not kept once the run is over; the audit log says who imported what.
    const [row] = await store.ctx.db
      .select()
      .from(productImports)
      .where(eq(productImports.id, path.split('/').pop()!));
    expect(row!.content).toBeNull();
    const audit = await store.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, row!.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['product-import.finish', 'product-import.start']);
    expect(await admin.page('/admin/import')).toContain(`href="${path}">products.csv</a>`);
  });

  it('shows rows done, the rate and the bar while a run is under way', async () => {
    const path = await upload(csv(`${HEADER}\nIMP-P,imp-p,P,1,serum,topical,cosmetic\n`), 'dry-run');
    const id = path.split('/').pop()!;
    await store.ctx.db
      .update(productImports)
      .set({
        status: 'running',
        phase: 'writing',
        // 200 rows per second over 200 s: a busy machine taking seconds to answer moves the rate only a little.
        rowsDone: 40_000,
        rowsTotal: 100_000,
        startedAt: new Date(Date.now() - 400_000),
        phaseStartedAt: new Date(Date.now() - 200_000),
      })
      .where(eq(productImports.id, id));
    const page = await admin.page(path);
    expect(page).toContain('<meta http-equiv="refresh" content="2">');
    expect(page).toMatch(
      /Writing rows:<\/label>\s*40000 of 100000 done, (19\d|200) rows per second, about 3[01]\d s left/,
    );
    expect(page).toContain('<progress id="import-progress" max="100000" value="40000">');
    await store.ctx.db.update(productImports).set({ status: 'queued' }).where(eq(productImports.id, id));
    await runDueJobs(store.ctx, JOB_KINDS);
  });

  it('checks every row in a dry run and changes nothing', async () => {
    const path = await upload(csv(`${HEADER}\nDRY-1,dry-one,Dry One,5,serum,topical,cosmetic\n`), 'dry-run');
    await runDueJobs(store.ctx, JOB_KINDS);
    const page = await admin.page(path);
    expect(page).toContain('1 rows checked in');
    expect(page).toContain('no problems found. Nothing was changed (dry run).');
    expect(await skuExists('DRY-1')).toBe(false);
  });

  it('lists every row problem, offers them as a CSV report, and imports none of the rows', async () => {
    const file = csv(
      `${HEADER}\nBAD-1,bad-one,Good Row,5,serum,topical,cosmetic\n` +
        'BAD-2,bad-two,Bad Price,ten,serum,topical,cosmetic\n' +
        'BAD-1,bad-three,Same SKU,5,serum,topical,cosmetic\n',
      'spring list.csv',
    );
    const path = await upload(file, 'import');
    await runDueJobs(store.ctx, JOB_KINDS);
    const page = await admin.page(path);
    expect(page).toContain('2 problems found; nothing was changed.');
    expect(page).toMatch(/<td class="num">3<\/td><td>price<\/td><td>must be an amount in dollars/);
    expect(page).toContain('SKU &quot;BAD-1&quot; is already on line 2');
    expect(await skuExists('BAD-1')).toBe(false);

    const report = await admin.request(`${path}/errors.csv`);
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(report.headers.get('content-disposition')).toBe('attachment; filename="spring-list-errors.csv"');
    const lines = (await report.text()).trim().split('\n');
    expect(lines[0]).toBe('line,column,message');
    expect(lines[1]).toMatch(/^3,price,"must be an amount in dollars/);
    expect(lines[2]).toBe('4,sku,"SKU ""BAD-1"" is already on line 2"');
  });

  it('says clearly what is wrong with a file it cannot read', async () => {
    const cases: [File, string][] = [
      [
        csv(
          new Uint8Array([
            ...Buffer.from(`${HEADER}\nENC-1,enc,Cr`),
            0xe8,
            ...Buffer.from('me,5,serum,topical,cosmetic\n'),
          ]),
        ),
        'is not UTF-8 text',
      ],
      [csv(`${HEADER},colour\nX-1,x-one,X,5,serum,topical,cosmetic,red\n`), 'unknown column &quot;colour&quot;'],
      [csv('sku,slug,name\nX-2,x-two,X\n'), 'missing required columns &quot;price&quot;'],
    ];
    for (const [file, message] of cases) {
      const path = await upload(file, 'import');
      await runDueJobs(store.ctx, JOB_KINDS);
      const page = await admin.page(path);
      expect(page).toContain(message);
      expect(page).toContain('Stopped: nothing was changed');
    }
    expect(await skuExists('ENC-1')).toBe(false);

    const empty = await admin.submit('/admin/import', { file: csv(''), mode: 'import' });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Choose a CSV file to upload');
    const huge = await admin.submit('/admin/import', {
      file: csv(new Uint8Array(MAX_CSV_BYTES + 512 * 1024).fill(0x41)),
      mode: 'dry-run',
    });
    expect(huge.status).toBe(413);
    expect(await huge.text()).toContain('larger than 50 MB');
  });

  it('marks a run whose worker stopped as interrupted when its job is claimed again', async () => {
    const path = await upload(csv(`${HEADER}\nINT-1,int-one,Int One,5,serum,topical,cosmetic\n`), 'import');
    const id = path.split('/').pop()!;
    await store.ctx.db.update(productImports).set({ status: 'running' }).where(eq(productImports.id, id));
    await runProductImport(store.ctx, id);
    const page = await admin.page(path);
    expect(page).toContain('The import was interrupted (the store restarted); nothing was changed.');
    const [row] = await store.ctx.db.select().from(productImports).where(eq(productImports.id, id));
    expect(row!.content).toBeNull();
    expect(await skuExists('INT-1')).toBe(false);
    await runDueJobs(store.ctx, JOB_KINDS);
  });

  it('is only for staff who manage the catalogue', async () => {
    expect((await reader.request('/admin/import')).status).toBe(403);
    expect(await reader.page('/admin')).not.toContain('href="/admin/import"');
    const [run] = await store.ctx.db.select({ id: productImports.id }).from(productImports).limit(1);
    expect((await reader.request(`/admin/import/${run!.id}`)).status).toBe(403);
    expect((await reader.request(`/admin/import/${run!.id}/errors.csv`)).status).toBe(403);
    expect((await admin.request('/admin/import/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
