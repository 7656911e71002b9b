import { asc } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { receiveTestLot } from '#src/admin/test-inventory.ts';
import { products } from '#src/catalog/schema.ts';
import { storeToday } from '#src/inventory/queries.ts';
import { setLotState } from '#src/inventory/service.ts';
import { addDays } from '#src/lib/dates.ts';
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

describeInBrowser('the inventory pages at phone and desktop widths', () => {
  let b: BrowserStore;
  let page: Page;
  let problems: string[] = [];
  let product: { id: string; name: string; sku: string };

  beforeAll(async () => {
    b = await openBrowserStore();
    await signInStaff(b, 'admin');
    ({ page, problems } = await openWatchedPage(b));
    const { ctx } = b.store;
    const today = await storeToday(ctx.db);
    const all = await ctx.db
      .select({ id: products.id, name: products.name, sku: products.sku })
      .from(products)
      .orderBy(asc(products.name));
    product = all[0]!;
    // Lots of every standing: expired, expiring soon, later, none, and one quarantined.
    await receiveTestLot(ctx, product.id, { lotNumber: 'EX-2025-118', expiresOn: addDays(today, -3), quantity: 4 });
    await receiveTestLot(ctx, product.id, { lotNumber: 'L2026-0412', expiresOn: addDays(today, 25), quantity: 12 });
    const later = await receiveTestLot(ctx, product.id, {
      lotNumber: 'L2026-0907',
      expiresOn: addDays(today, 420),
      quantity: 36,
    });
    await ctx.db.transaction((tx) =>
      setLotState({ tx, cache: ctx.cache }, { lotId: later.id, state: 'quarantined', reason: 'Cold chain check' }),
    );
    await receiveTestLot(ctx, product.id, { lotNumber: 'L2027-0102', expiresOn: addDays(today, 540), quantity: 48 });
    for (const [i, other] of all.slice(1, 6).entries()) {
      await receiveTestLot(ctx, other.id, { lotNumber: `B${i}-2026-03`, expiresOn: addDays(today, 40 + i * 90) });
      if (i % 2) await receiveTestLot(ctx, other.id, { lotNumber: `DEV-${i}`, expiresOn: null, quantity: 6 });
    }
  });

  afterAll(async () => {
    await b?.close();
  });

  it('lists stock with lots, expired ones marked and soon-expiring ones highlighted', async () => {
    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      await page.goto(`${b.url}/admin/inventory`);
      await page.getByRole('heading', { name: 'Inventory', level: 1 }).waitFor();
      await page.getByRole('link', { name: product.name, exact: true }).waitFor();
      await page.getByText('Expired', { exact: true }).first().waitFor();
      expect(await sidewaysOverflow(page)).toBe(0);
      await page.screenshot({ path: screenshotPath(`admin-inventory-${label}.png`), fullPage: true });
    }
  });

  it("shows a product's lots, forms and ledger", async () => {
    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      await page.goto(`${b.url}/admin/inventory/${product.id}`);
      await page.getByRole('heading', { name: product.name, level: 1 }).waitFor();
      await page.getByRole('heading', { name: 'Ledger' }).waitFor();
      expect(await sidewaysOverflow(page)).toBe(0);
      await page.screenshot({ path: screenshotPath(`admin-inventory-product-${label}.png`), fullPage: true });
    }
  });

  it('receives a lot and adjusts one through the forms, and shows a refusal where it happened', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${b.url}/admin/inventory/${product.id}`);
    await page.getByLabel('Lot number').fill('L2027-0555');
    await page.getByLabel('Expiry date').fill('2028-05-31');
    await page.getByLabel('Units received').fill('20');
    await page.getByRole('button', { name: 'Receive the lot' }).click();
    await page.getByText('Lot received.').waitFor();
    await page.getByRole('heading', { name: 'Lot L2027-0555' }).waitFor();

    const adjust = () =>
      page.locator('.lot-card', { hasText: 'Lot L2026-0412' }).locator('details', { hasText: 'Adjust the units' });
    await adjust().getByText('Adjust the units').click();
    await adjust().getByLabel('Change').fill('-50');
    await adjust().getByLabel('Reason').fill('Count');
    await adjust().getByRole('button', { name: 'Adjust lot L2026-0412' }).click();
    await page.getByRole('link', { name: 'Correct the form' }).waitFor();
    await page.getByRole('link', { name: 'Correct the form' }).click();
    await adjust().getByText('Must not take more than the 12 on hand.').waitFor();
    expect(await adjust().getByLabel('Change').inputValue()).toBe('-50');
    expect(await adjust().getByLabel('Reason').inputValue()).toBe('Count');
    await page
      .locator('.lot-card', { hasText: 'Lot L2026-0412' })
      .screenshot({ path: screenshotPath('admin-inventory-lot-error-390.png') });
    await adjust().getByLabel('Change').fill('-2');
    await adjust().getByRole('button', { name: 'Adjust lot L2026-0412' }).click();
    await page.getByText('Lot adjusted').waitFor();
  });

  it('loaded every stylesheet, image and script without an error', () => {
    expect(problems).toEqual([]);
  });
});
