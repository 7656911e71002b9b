import type { Page } from 'playwright-core';
import sharp from 'sharp';
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

describeInBrowser('the catalogue editor at phone and desktop widths', () => {
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

  it('lists the products with their filters', async () => {
    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      await page.goto(`${b.url}/admin/products`);
      await page.getByRole('heading', { name: 'Products', level: 1 }).waitFor();
      await page.getByRole('link', { name: 'PEP Factor', exact: true }).waitFor();
      expect(await sidewaysOverflow(page)).toBe(0);
      await page.screenshot({ path: screenshotPath(`admin-products-${label}.png`), fullPage: true });
    }
    await page.getByLabel('Name or SKU').fill('minoxidil');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByText('1 product matching “minoxidil”.').waitFor();
  });

  it('refuses to publish a new product without its facts, keeping what was typed', async () => {
    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      await page.goto(`${b.url}/admin/products/new`);
      await page.getByLabel('Name', { exact: true }).fill('Peptide Eye Cream');
      await page.getByLabel('SKU').fill(`PEC-${label}`);
      await page.getByLabel('Price (USD)', { exact: true }).fill('39.00');
      await page.getByLabel('Form', { exact: true }).selectOption('cream');
      await page.getByLabel('Route of use').selectOption('topical');
      await page.getByLabel('Regulatory status').selectOption('cosmetic');
      await page.getByLabel('Who may buy it').selectOption('open');
      await page.getByLabel('Storage').selectOption('ambient');
      await page.getByLabel('Status', { exact: true }).selectOption('active');
      await page.getByRole('button', { name: 'Add the product' }).click();
      await page.getByText('The product cannot be published without the facts its kind requires.').waitFor();
      await page
        .locator('.field-error', {
          hasText: 'A topical product needs at least one active ingredient before it is published.',
        })
        .waitFor();
      await page.getByRole('link', { name: 'A published product needs a summary: product cards show it.' }).waitFor();
      expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Peptide Eye Cream');
      expect(await sidewaysOverflow(page)).toBe(0);
      await page.screenshot({ path: screenshotPath(`admin-product-errors-${label}.png`), fullPage: true });
    }
  });

  it('uploads a picture that the product page then shows at the width it needs', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${b.url}/admin/products?q=PEP+Factor`);
    await page.getByRole('link', { name: 'PEP Factor', exact: true }).click();
    await page.getByRole('heading', { name: 'PEP Factor', level: 1 }).waitFor();
    const bytes = await sharp({
      create: { width: 1600, height: 1200, channels: 3, background: '#c98b5a' },
    })
      .composite([
        {
          input: Buffer.from(
            '<svg width="1600" height="1200"><rect x="620" y="260" width="360" height="760" rx="60" fill="#6b3a1f"/><rect x="700" y="140" width="200" height="140" fill="#222"/><text x="800" y="700" font-size="72" text-anchor="middle" fill="#fff" font-family="sans-serif">PEP</text></svg>',
          ),
        },
      ])
      .jpeg()
      .toBuffer();
    await page
      .getByLabel('Picture', { exact: true })
      .setInputFiles({ name: 'pep.jpg', mimeType: 'image/jpeg', buffer: bytes });
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByText('Describe the picture for people who cannot see it').first().waitFor();
    await page
      .getByLabel('Picture', { exact: true })
      .setInputFiles({ name: 'pep.jpg', mimeType: 'image/jpeg', buffer: bytes });
    await page.locator('.image-upload').getByLabel('Alt text').fill('Amber dropper bottle of PEP Factor');
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByText('Picture added.').waitFor();
    await page.locator('.image-list').screenshot({ path: screenshotPath('admin-product-images-390.png') });
    // Move the new picture first by its number.
    const items = page.locator('.image-item');
    const last = items.last();
    await last.getByLabel('Position').fill('1');
    await last.getByRole('button', { name: 'Save picture' }).click();
    await page.getByText('Picture saved.').waitFor();
    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      await page.goto(`${b.url}/products/pep-factor`);
      const img = page.getByRole('img', { name: 'Amber dropper bottle of PEP Factor' }).first();
      await img.waitFor();
      expect(await img.getAttribute('srcset')).toContain('1280w');
      expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
      expect(await sidewaysOverflow(page)).toBe(0);
      await page.screenshot({ path: screenshotPath(`product-page-image-${label}.png`), fullPage: false });
    }
    expect(problems).toEqual([]);
  });
});
