import { asc, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { productImports } from '#src/admin/schema.ts';
import { receiveTestLot } from '#src/admin/test-inventory.ts';
import { type Product, products } from '#src/catalog/schema.ts';
import { storeToday } from '#src/inventory/queries.ts';
import { JOB_KINDS } from '#src/job-kinds.ts';
import { runDueJobs } from '#src/jobs/worker.ts';
import { addDays, startOfDayInZone } from '#src/lib/dates.ts';
import { createTestCustomer, createTestLicence } from '#src/licences/test-factory.ts';
import { orders } from '#src/orders/schema.ts';
import { placeTestOrder } from '#src/orders/test-factory.ts';
import {
  type BrowserStore,
  describeInBrowser,
  openBrowserStore,
  openWatchedPage,
  PHONE,
  SIZES,
  screenshotPath,
  sidewaysOverflow,
  signInStaff,
} from './harness.ts';

describeInBrowser('the admin dashboard and the import page at phone and desktop widths', () => {
  let b: BrowserStore;
  let page: Page;
  let problems: string[] = [];

  beforeAll(async () => {
    b = await openBrowserStore();
    await signInStaff(b, 'admin');
    ({ page, problems } = await openWatchedPage(b));
    const { ctx } = b.store;
    const today = await storeToday(ctx.db);
    const all: Product[] = await ctx.db
      .select()
      .from(products)
      .where(eq(products.status, 'active'))
      .orderBy(asc(products.sku));
    const onSale = all.slice(0, 8);
    for (const product of onSale) {
      await receiveTestLot(ctx, product.id, { quantity: 400, expiresOn: addDays(today, 700) });
    }
    // A month of orders, a few a day, some days busier than others.
    for (let day = 0; day < 30; day++) {
      const count = 1 + ((day * 7) % 4);
      for (let i = 0; i < count; i++) {
        const product = onSale[(day + i * 3) % onSale.length]!;
        const { order } = await placeTestOrder(ctx, { lines: [{ product, quantity: 1 + ((day + i) % 3) }] });
        const placedAt = new Date(startOfDayInZone(addDays(today, -day), 'UTC').getTime() + (9 + i) * 3_600_000);
        const status = day > 6 ? 'delivered' : day > 2 ? 'shipped' : i === 0 ? 'paid' : 'pending_payment';
        await ctx.db.update(orders).set({ placedAt, status }).where(eq(orders.id, order.id));
      }
    }
    await receiveTestLot(ctx, all[8]!.id, { lotNumber: 'EX-2026-118', expiresOn: addDays(today, -2), quantity: 3 });
    await receiveTestLot(ctx, all[9]!.id, { lotNumber: 'L2026-0412', expiresOn: addDays(today, 12), quantity: 2 });
    await receiveTestLot(ctx, all[10]!.id, { lotNumber: 'L2026-0530', expiresOn: addDays(today, 41), quantity: 24 });
    for (const name of ['Dana Reyes', 'Marcus Lee']) {
      const customer = await createTestCustomer(ctx.db, { name });
      await createTestLicence(ctx.db, customer.id, { status: 'pending' });
    }
  });

  afterAll(async () => {
    await b?.close();
  });

  it('shows every panel with its chart and figures, legible on a phone', async () => {
    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      await page.goto(`${b.url}/admin`);
      await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
      await page.getByRole('img', { name: 'Sales by day, last 30 days' }).waitFor();
      await page.getByRole('img', { name: 'Orders by state' }).waitFor();
      await page.getByRole('link', { name: 'Awaiting payment' }).waitFor();
      await page.getByText('Dana Reyes').waitFor();
      await page.getByText('L2026-0412').waitFor();
      expect(await sidewaysOverflow(page)).toBe(0);
      // The smallest text in any chart, as drawn on the screen.
      const smallest = await page.evaluate(() =>
        Math.min(...[...document.querySelectorAll('svg.chart text')].map((t) => t.getBoundingClientRect().height)),
      );
      expect(smallest).toBeGreaterThanOrEqual(size === PHONE ? 10 : 12);
      await page.screenshot({ path: screenshotPath(`admin-dashboard-${label}.png`), fullPage: true });
    }
    await page.getByRole('link', { name: '90 days' }).click();
    await page.getByRole('img', { name: 'Sales by day, last 90 days' }).waitFor();
    await page.getByText('Sales of each day as a table').click();
    await page.getByRole('cell', { name: '$0.00' }).first().waitFor();
    expect(problems).toEqual([]);
  });

  it('uploads a file, shows the run in progress, then the result and the problems', async () => {
    const header = 'sku,slug,name,price,form,route,regulatory_status';
    const rows = Array.from(
      { length: 40 },
      (_, i) => `BULK-${i + 1},bulk-serum-${i + 1},Bulk Serum ${i + 1},${10 + i}.50,serum,topical,cosmetic`,
    );
    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      await page.goto(`${b.url}/admin/import`);
      await page.getByRole('heading', { name: 'Import products', level: 1 }).waitFor();
      await page.getByLabel('CSV file').setInputFiles({
        name: `bulk-${label}.csv`,
        mimeType: 'text/csv',
        buffer: Buffer.from(`${header}\n${rows.join('\n')}\n`),
      });
      await page.getByLabel('Import: create and update').check();
      expect(await sidewaysOverflow(page)).toBe(0);
      await page.screenshot({ path: screenshotPath(`admin-import-form-${label}.png`), fullPage: true });
      await page.getByRole('button', { name: 'Upload and start' }).click();
      await page.getByText('Waiting for the job runner').waitFor();

      // The run as it looks part way through writing (the worker of a served test store does not poll).
      const id = new URL(page.url()).pathname.split('/').pop()!;
      const now = Date.now();
      await b.store.ctx.db
        .update(productImports)
        .set({
          status: 'running',
          phase: 'writing',
          rowsDone: 16,
          rowsTotal: 40,
          startedAt: new Date(now - 3000),
          phaseStartedAt: new Date(now - 2000),
        })
        .where(eq(productImports.id, id));
      await page.reload();
      await page.getByText('16 of 40 done').waitFor();
      await page.screenshot({ path: screenshotPath(`admin-import-progress-${label}.png`), fullPage: true });
      await b.store.ctx.db.update(productImports).set({ status: 'queued' }).where(eq(productImports.id, id));
      await runDueJobs(b.store.ctx, JOB_KINDS);
      // The page reloads itself until the run ends.
      await page.getByText(/40 rows imported in|0 created, 0 updated, 40 unchanged/).waitFor();
      expect(await sidewaysOverflow(page)).toBe(0);
      await page.screenshot({ path: screenshotPath(`admin-import-result-${label}.png`), fullPage: true });
    }

    await page.goto(`${b.url}/admin/import`);
    await page.getByLabel('CSV file').setInputFiles({
      name: 'mistakes.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `${header}\nBAD-1,bad-one,Bad One,ten,serum,topical,cosmetic\nBAD-2,bad-two,Bad Two,5,jar,topical,cosmetic\n`,
      ),
    });
    await page.getByRole('button', { name: 'Upload and start' }).click();
    await page.getByText('Waiting for the job runner').waitFor();
    await runDueJobs(b.store.ctx, JOB_KINDS);
    await page.getByRole('link', { name: 'Download the error report' }).waitFor();
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: screenshotPath('admin-import-problems-390.png'), fullPage: true });
    expect(problems).toEqual([]);
  });
});
