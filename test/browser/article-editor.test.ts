import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { slowTestMs } from '#test/support/timeouts.ts';
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

const CLAIM = 'PEP Factor is FDA-approved and regrows hair.';

describeInBrowser('the article editor at phone and desktop widths', () => {
  let b: BrowserStore;
  let page: Page;
  let problems: string[] = [];
  let editorUrl = '';

  beforeAll(async () => {
    b = await openBrowserStore();
    await signInStaff(b, 'admin');
    ({ page, problems } = await openWatchedPage(b));
  });

  afterAll(async () => {
    await b?.close();
  });

  it('writes an article with a product embed, shows the claim it breaks, and publishes once it is fixed', async () => {
    await page.setViewportSize(DESKTOP);
    await page.goto(`${b.url}/admin/articles`);
    await page.getByRole('link', { name: 'Write an article' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Microneedling with PEP Factor');
    await page.getByLabel('Slug').fill('microneedling-with-pep-factor');
    await page.getByLabel('Excerpt').fill('How to pair the serum with microneedling at home.');
    await page.getByLabel('Author').fill('Dana Lee');
    await page
      .getByLabel('Body (Markdown)')
      .fill(`## Why pair them\n\nMicroneedling opens channels in the skin.\n\n[[product:pep-factor]]\n\n${CLAIM}`);
    // The script refreshes the preview as the author types: the card and the finding appear without a reload.
    await page.locator('#article-preview .article-embed').waitFor();
    await page.locator('#compliance-report').getByText(CLAIM).first().waitFor();
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByText('Article created.').waitFor();
    editorUrl = page.url().split('?')[0]!;

    const report = page.locator('#compliance-report');
    await report.getByText('open findings block publishing').waitFor();
    await expect(report.getByText('"FDA-approved" only of FDA-approved products')).toBeTruthy();
    expect(await report.locator('.finding').count()).toBe(2);
    expect(await page.getByRole('button', { name: 'Publish now' }).isDisabled()).toBe(true);

    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      await page.goto(editorUrl);
      await page.getByRole('heading', { name: 'Compliance' }).waitFor();
      expect(await sidewaysOverflow(page)).toBe(0);
      await page.screenshot({ path: screenshotPath(`admin-article-editor-${label}.png`), fullPage: true });
    }

    // Fixed in the text, checked with the Preview button first (it works without the script too).
    await page.setViewportSize(PHONE);
    await page
      .getByLabel('Body (Markdown)')
      .fill(
        '## Why pair them\n\nMicroneedling opens channels in the skin.\n\n[[product:pep-factor]]\n\nPEP Factor is a cosmetic serum that leaves the scalp feeling soft.',
      );
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.locator('#compliance-report').getByText('No findings').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Article saved.').waitFor();
    await page.getByRole('button', { name: 'Publish now' }).click();
    await page.getByText('Article published.').waitFor();
    await page.getByRole('link', { name: 'View on the blog' }).click();
    await page.getByRole('heading', { name: 'Microneedling with PEP Factor', level: 1 }).waitFor();
  });

  it('lists articles with search and status filter', async () => {
    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      await page.goto(`${b.url}/admin/articles`);
      await page.getByRole('heading', { name: 'Articles', level: 1 }).waitFor();
      await page.getByRole('link', { name: 'Microneedling with PEP Factor' }).waitFor();
      expect(await sidewaysOverflow(page)).toBe(0);
      await page.screenshot({ path: screenshotPath(`admin-articles-${label}.png`), fullPage: true });
    }
    await page.getByLabel('Status').selectOption('draft');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByText(/\d+ articles?\./).waitFor();
    expect(await page.getByRole('link', { name: 'Microneedling with PEP Factor' }).count()).toBe(0);
  });

  it('compares revisions', async () => {
    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      await page.goto(`${editorUrl}/revisions`);
      await page.getByRole('heading', { name: /compared with revision/ }).waitFor();
      expect(await sidewaysOverflow(page)).toBe(0);
      await page.screenshot({ path: screenshotPath(`admin-article-revisions-${label}.png`), fullPage: true });
    }
  });

  it(
    'has no serious accessibility problems on the list, editor and revisions pages',
    async () => {
      for (const path of [
        '/admin/articles',
        editorUrl.replace(b.url, ''),
        `${editorUrl.replace(b.url, '')}/revisions`,
      ]) {
        for (const [, size] of SIZES) {
          await page.setViewportSize(size);
          await page.goto(`${b.url}${path}`);
          const results = await new AxeBuilder({ page }).analyze();
          const serious = results.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${path}: ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
          expect(serious).toEqual([]);
        }
      }
    },
    slowTestMs(120_000),
  );

  it('loaded every stylesheet, image and script without an error', () => {
    expect(problems).toEqual([]);
  });
});
