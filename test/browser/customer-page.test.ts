import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestCustomer } from '#src/licences/test-factory.ts';
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

describeInBrowser("a customer's admin page at phone and desktop widths", () => {
  let b: BrowserStore;
  let page: Page;
  let problems: string[] = [];

  beforeAll(async () => {
    b = await openBrowserStore();
    await signInStaff(b, 'admin');
    ({ page, problems } = await openWatchedPage(b));
  });

  afterAll(async () => {
    await b?.close();
  });

  it('opens a business from the customer list and grants it invoice terms', async () => {
    await page.setViewportSize(PHONE);
    await createTestCustomer(b.store.ctx.db, { name: 'Dr. Priya Raman', companyName: 'Saguaro Skin & Hair Clinic' });
    await page.goto(`${b.url}/admin/customers?q=Saguaro`);
    await page.getByRole('link', { name: 'Dr. Priya Raman' }).click();
    await page.getByRole('heading', { name: 'Dr. Priya Raman, Saguaro Skin & Hair Clinic', level: 1 }).waitFor();
    await page.getByLabel('Credit limit in US dollars').fill('2,500');
    await page.getByRole('button', { name: 'Save the credit limit' }).click();
    await page.getByText('Credit limit saved.').waitFor();
    await page.getByText('$2,500.00').waitFor();
    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      expect(await sidewaysOverflow(page)).toBe(0);
      await page.screenshot({ path: screenshotPath(`admin-customer-${label}.png`), fullPage: true });
    }
    expect(problems).toEqual([]);
  });

  it('points at the amount to correct, keeping what was typed', async () => {
    await page.setViewportSize(PHONE);
    await page.getByLabel('Credit limit in US dollars').fill('lots');
    await page.getByRole('button', { name: 'Save the credit limit' }).click();
    await page.getByText('Enter an amount in dollars').first().waitFor();
    expect(await page.getByLabel('Credit limit in US dollars').inputValue()).toBe('lots');
    await page.screenshot({ path: screenshotPath('admin-customer-errors-390.png'), fullPage: true });
  });
});
