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

describeInBrowser('the category editor at phone and desktop widths', () => {
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

  it('shows the tree with its order buttons and the form to add a category', async () => {
    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      await page.goto(`${b.url}/admin/categories`);
      await page.getByRole('heading', { name: 'Categories', level: 1 }).waitFor();
      await page.getByRole('link', { name: 'Hair care', exact: true }).waitFor();
      await page.getByRole('button', { name: 'Move down: Hair care' }).waitFor();
      expect(await sidewaysOverflow(page)).toBe(0);
      await page.screenshot({ path: screenshotPath(`admin-categories-${label}.png`), fullPage: true });
    }
  });

  it('adds a category and moves it up, without JavaScript beyond the plain forms', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${b.url}/admin/categories`);
    await page.getByLabel('Name').fill('Lip Care');
    // A new top-level category goes last among the top level, so it can move up.
    await page.getByLabel('Inside').selectOption('');
    await page.getByRole('button', { name: 'Add the category' }).click();
    await page.getByText('Category added. The store shows it from now on.').waitFor();
    await page.getByRole('link', { name: 'Lip Care', exact: true }).waitFor();
    await page.getByText('/categories/lip-care').waitFor();
    await page.getByRole('button', { name: 'Move up: Lip Care' }).click();
    await page.getByText('Order saved.').waitFor();
  });

  it('says at the top of the page when the new category needs correcting', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${b.url}/admin/categories`);
    await page.getByLabel('Address').fill('Bad Address!');
    await page.getByRole('button', { name: 'Add the category' }).click();
    await page.getByRole('link', { name: 'Correct the form' }).waitFor();
    await page.screenshot({ path: screenshotPath('admin-categories-errors-390.png') });
    await page.getByRole('link', { name: 'Correct the form' }).click();
    await page.getByText('Enter a name.').waitFor();
    expect(await page.getByLabel('Address').inputValue()).toBe('Bad Address!');
    await page
      .locator('#new-category')
      .locator('..')
      .screenshot({ path: screenshotPath('admin-categories-form-errors-390.png') });
  });

  it('shows one category with its forms, and the refusal to delete a full one', async () => {
    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      await page.goto(`${b.url}/admin/categories`);
      await page.getByRole('link', { name: 'Hair care', exact: true }).click();
      await page.getByRole('heading', { name: 'Hair care', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Delete the category' }).click();
      await page.getByText('still holds').waitFor();
      expect(await sidewaysOverflow(page)).toBe(0);
      await page.screenshot({ path: screenshotPath(`admin-category-${label}.png`), fullPage: true });
    }
  });

  it('loaded every stylesheet, image and script without an error', () => {
    expect(problems).toEqual([]);
  });
});
