import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
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

describeInBrowser('the store settings at phone and desktop widths', () => {
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

  it('groups the settings into sections that fit the screen', async () => {
    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      await page.goto(`${b.url}/admin/settings`);
      const sections = page.getByRole('navigation', { name: 'Sections of the settings' });
      for (const name of ['Store', 'Contact', 'Money and payment', 'Returns', 'Home page', 'Store pages']) {
        await sections.getByRole('link', { name, exact: true }).waitFor();
        await page.getByRole('group', { name, exact: true }).waitFor();
      }
      expect(await page.getByLabel('Phone').inputValue()).toBe('(800) 770-9083');
      expect(await sidewaysOverflow(page)).toBe(0);
      await page.screenshot({ path: screenshotPath(`admin-settings-${label}.png`), fullPage: true });
      // The whole form is too tall to judge in one picture: each section of short fields on its own too.
      for (const id of ['store', 'contact', 'money', 'returns']) {
        await page.locator(`#settings-${id}`).screenshot({ path: screenshotPath(`admin-settings-${id}-${label}.png`) });
      }
    }
  });

  it('points at the fields to correct, keeping what was typed', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${b.url}/admin/settings`);
    await page.getByLabel('Email').fill('orders-at-example');
    await page.getByLabel('Return window in days').fill('-3');
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await page.getByText('Please correct the highlighted fields.').waitFor();
    expect(await page.getByLabel('Email').inputValue()).toBe('orders-at-example');
    await page.getByText('Enter a whole number of days from 1 to 365.').waitFor();
    expect(await sidewaysOverflow(page)).toBe(0);
    await page
      .getByRole('group', { name: 'Contact' })
      .screenshot({ path: screenshotPath('admin-settings-errors-390.png') });
  });

  it('saves a new phone number and return window, which the shop shows at once', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${b.url}/returns`);
    await page.getByText('returned within 30 days of delivery').waitFor();
    await page.goto(`${b.url}/admin/settings`);
    await page.getByLabel('Phone').fill('(602) 555-0142');
    await page.getByLabel('Return window in days').fill('21');
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await page.getByText('Saved. Every page shows the new settings from now on.').waitFor();
    await page.goto(`${b.url}/returns`);
    await page.getByText('returned within 21 days of delivery').waitFor();
    expect(await page.locator('.site-header').innerText()).toContain('(602) 555-0142');
    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      expect(await sidewaysOverflow(page)).toBe(0);
      await page.screenshot({ path: screenshotPath(`returns-window-${label}.png`) });
      await page.locator('.site-footer').screenshot({ path: screenshotPath(`footer-settings-${label}.png`) });
    }
  });

  it('loaded every stylesheet, image and script without an error', () => {
    expect(problems).toEqual([]);
  });
});
