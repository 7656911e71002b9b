import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { quoteShipping } from '#src/shipping/methods.ts';
import { quoteTax } from '#src/tax/rates.ts';
import {
  type BrowserStore,
  DESKTOP,
  describeInBrowser,
  openBrowserStore,
  openWatchedPage,
  PHONE,
  SIZES,
  screenshotPath,
  sidewaysOverflow,
  signInStaff,
} from './harness.ts';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
}

describeInBrowser('the shipping and tax settings at phone and desktop widths', () => {
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

  it('moves between the store, shipping and tax settings', async () => {
    await page.setViewportSize(DESKTOP);
    await page.goto(`${b.url}/admin/settings`);
    const tabs = page.getByRole('navigation', { name: 'Settings pages' });
    await tabs.getByRole('link', { name: 'Shipping' }).click();
    await page.getByRole('heading', { name: 'Shipping', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Settings pages' }).getByRole('link', { name: 'Tax' }).click();
    await page.getByRole('heading', { name: 'Tax', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Settings pages' }).getByRole('link', { name: 'Store' }).click();
    await page.getByRole('heading', { name: 'Store settings', level: 1 }).waitFor();
  });

  it('shows the shipping methods so they fit the screen, and saves a change', async () => {
    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      await page.goto(`${b.url}/admin/settings/shipping`);
      await page.getByRole('group', { name: /Refrigerated overnight/ }).waitFor();
      expect(await sidewaysOverflow(page)).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: screenshotPath(`admin-shipping-${label}.png`), fullPage: true });
      await page
        .locator('#shipping-refrigerated')
        .screenshot({ path: screenshotPath(`admin-shipping-refrigerated-${label}.png`) });
    }
    await page.setViewportSize(PHONE);
    await page.locator('#f-standard-rate').fill('-2');
    await page.getByRole('button', { name: 'Save shipping' }).click();
    await page.getByText('Please correct the highlighted fields.').waitFor();
    await page.getByText('Enter an amount of 0 or more: it cannot be negative.').waitFor();
    expect(await page.locator('#f-standard-rate').inputValue()).toBe('-2');
    expect(await sidewaysOverflow(page)).toBe(0);
    await page.locator('#shipping-standard').screenshot({ path: screenshotPath('admin-shipping-errors-390.png') });
    await page.locator('#f-standard-rate').fill('6.50');
    await page.locator('#f-refrigerated-surcharge').fill('20');
    await page.getByLabel('Same-day cut-off').selectOption('12');
    await page.getByRole('button', { name: 'Save shipping' }).click();
    await page.getByText('Saved. Checkout uses the new rates from now on.').waitFor();
    expect(await page.getByLabel('Same-day cut-off').inputValue()).toBe('12');
    const db = b.store.ctx.db;
    expect(await quoteShipping(db, { code: 'standard', subtotalCents: 1000, hasRefrigerated: false })).toMatchObject({
      cents: 650,
    });
    expect(await quoteShipping(db, { code: 'refrigerated', subtotalCents: 1000, hasRefrigerated: true })).toMatchObject(
      {
        cents: 2000,
      },
    );
  });

  it('shows the tax rates so they fit the screen, and sets a state', async () => {
    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      await page.goto(`${b.url}/admin/settings/tax`);
      await page.getByRole('table', { name: /Rates by state/ }).waitFor();
      expect(await sidewaysOverflow(page)).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: screenshotPath(`admin-tax-${label}.png`), fullPage: true });
      await page.locator('#tax-form').screenshot({ path: screenshotPath(`admin-tax-form-${label}.png`) });
      await page.locator('.tax-table').scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`admin-tax-table-${label}.png`) });
    }
    await page.setViewportSize(PHONE);
    await page.getByLabel('State', { exact: true }).selectOption('NV');
    await page.getByLabel('Rate, in %').fill('25');
    await page.getByRole('button', { name: 'Save the rate' }).click();
    await page.getByText(/Enter at most 20 %/).waitFor();
    expect(await page.getByLabel('Rate, in %').inputValue()).toBe('25');
    expect(await page.getByLabel('State', { exact: true }).inputValue()).toBe('NV');
    await page.locator('#tax-form').screenshot({ path: screenshotPath('admin-tax-errors-390.png') });
    await page.getByLabel('Rate, in %').fill('6.85');
    await page.getByRole('button', { name: 'Save the rate' }).click();
    await page.getByText('Saved: Nevada is taxed at 6.85 % from now on, shipping not included.').waitFor();
    await page.getByText('Tax is charged in 2 states: Arizona, Nevada.').waitFor();
    await page.screenshot({ path: screenshotPath('admin-tax-saved-390.png') });
    expect(
      await quoteTax(b.store.ctx.db, { state: 'AZ', itemsCents: 10000, shippingCents: 795, isExempt: false }),
    ).toBe(560);
  });

  it('loaded every stylesheet, image and script without an error', () => {
    expect(problems).toEqual([]);
  });
});
