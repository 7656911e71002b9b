import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type BrowserStore,
  describeInBrowser,
  openBrowserStore,
  openWatchedPage,
  PHONE,
  screenshotPath,
} from './harness.ts';

const PRICE = /\$[\d,]+\.\d{2}/;

describeInBrowser('a shopper in a real browser', () => {
  let b: BrowserStore;
  let page: Page;
  let brokenLoads: string[] = [];

  beforeAll(async () => {
    b = await openBrowserStore();
    ({ page, problems: brokenLoads } = await openWatchedPage(b));
  });

  afterAll(async () => {
    await b?.close();
  });

  it('shows the store name and phone on the home page', async () => {
    const response = await page.goto(`${b.url}/`);
    expect(response?.status()).toBe(200);
    await page.getByRole('banner').getByText('FACE Med Store').first().waitFor();
    const body = await page.locator('body').innerText();
    expect(body).toContain('FACE Med Store');
    expect(body).toContain('(800) 770-9083');
  });

  it('finds the hair supplement gummies from the header search and opens the product page', async () => {
    await page.goto(`${b.url}/`);
    const searchBox = page.getByRole('banner').getByRole('searchbox');
    await searchBox.fill('gummies');
    await searchBox.press('Enter');
    await page.waitForURL((u) => u.pathname === '/search' && u.searchParams.get('q') === 'gummies');

    const name = /hair supplement gummies/i;
    const link = page.getByRole('main').getByRole('link', { name }).first();
    await link.waitFor();
    // The inner locator of `has` is resolved inside each list item, so it must not start from <main>.
    const hit = page
      .getByRole('main')
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name }) })
      .first();
    const listedPrice = (await hit.innerText()).match(PRICE)?.[0];
    expect(listedPrice, 'the search result shows a price').toBeDefined();

    await link.click();
    await page.waitForURL((u) => u.pathname.startsWith('/products/'));
    const main = page.getByRole('main');
    await main.getByRole('heading', { level: 1, name: /hair supplement gummies/i }).waitFor();
    const text = await main.innerText();
    expect(text).toContain(listedPrice);
    await main.getByText('Dietary supplement', { exact: true }).first().waitFor();
    await main
      .getByText(/These statements have not been evaluated by the Food and Drug Administration/)
      .first()
      .waitFor();

    await page.screenshot({ path: screenshotPath('product-page-desktop.png'), fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: screenshotPath('product-page-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('marks the exosome vial as not FDA-approved and for professionals only', async () => {
    const response = await page.goto(`${b.url}/products/exosome-hair-vial`);
    expect(response?.status()).toBe(200);
    const main = page.getByRole('main');
    await main.getByText('Not FDA-approved', { exact: true }).first().waitFor();
    await main.getByText('Professional only', { exact: true }).first().waitFor();
  });

  it('reads the exosome article and its disclaimer on a phone without sideways scrolling', async () => {
    await page.setViewportSize(PHONE);
    try {
      const response = await page.goto(`${b.url}/blog/exosome-hair-therapy-side-effects`);
      expect(response?.status()).toBe(200);
      const main = page.getByRole('main');
      await main.getByRole('heading', { level: 1, name: 'Side Effects of Exosome Hair Therapy' }).waitFor();
      const disclaimer = main.getByRole('note', { name: 'Disclaimer' });
      await disclaimer.waitFor();
      expect(await disclaimer.innerText()).toContain('informational purposes only');
      // The comparison table may scroll inside itself; the page must not.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'the page is wider than the phone').toBeLessThanOrEqual(0);
      await page.screenshot({ path: screenshotPath('article-phone.png'), fullPage: true });
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('loaded every stylesheet, image and script it asked for', () => {
    expect(brokenLoads).toEqual([]);
  });
});
