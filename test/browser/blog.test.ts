import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  BROWSER_TIMEOUT_MS,
  type BrowserStore,
  DESKTOP,
  describeInBrowser,
  openBrowserStore,
  openWatchedPage,
  PHONE,
  screenshotPath,
  sidewaysOverflow,
} from './harness.ts';

const ARTICLE = '/blog/exosome-hair-therapy-side-effects';

describeInBrowser('the blog in a real browser', () => {
  let b: BrowserStore;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    b = await openBrowserStore();
    ({ page, problems } = await openWatchedPage(b));
    page.setDefaultTimeout(BROWSER_TIMEOUT_MS);
  });

  afterAll(async () => {
    await b?.close();
  });

  async function atBothWidths(name: string, check: () => Promise<void>) {
    for (const [label, size] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      await page.setViewportSize(size);
      await check();
      expect(await sidewaysOverflow(page), `${name} at ${label} is wider than the window`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: screenshotPath(`blog-${name}-${label}.png`), fullPage: true });
    }
    await page.setViewportSize(DESKTOP);
  }

  it('lists the articles with the blog categories, and a category page lists its own', async () => {
    expect((await page.goto(`${b.url}/blog`))?.status()).toBe(200);
    const categories = page.getByRole('navigation', { name: 'Blog categories' });
    await atBothWidths('list', async () => {
      expect(await categories.getByRole('link').allInnerTexts()).toEqual([
        'All articles',
        'Hair restoration (2)',
        'Aftercare (2)',
        'Regulation and labels (1)',
      ]);
    });
    await categories.getByRole('link', { name: /Regulation/ }).click();
    await page.waitForURL((u) => u.pathname === '/blog/category/regulation');
    await atBothWidths('category', async () => {
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Regulation and labels');
      expect(await page.locator('.article-card').count()).toBe(1);
    });
    expect(problems).toEqual([]);
  });

  it('shows the demo article with its contents, timeline, comparison, coupon, products and contact box', async () => {
    expect((await page.goto(`${b.url}${ARTICLE}`))?.status()).toBe(200);
    const main = page.getByRole('main');
    const contents = main.getByRole('navigation', { name: 'In this article' });
    expect(await contents.getByRole('link').first().innerText()).toBe('The short answer');
    await contents.getByRole('link', { name: 'Other hair restoration treatments' }).click();
    await page.waitForURL((u) => u.hash === '#other-hair-restoration-treatments');
    expect(await main.locator('.reading-time').innerText()).toMatch(/^\d+ min read$/);

    await atBothWidths('article', async () => {
      expect(await main.locator('.care-steps li').count()).toBe(7);
      expect(await main.locator('.compare-table tbody tr').count()).toBe(6);
      expect(await main.locator('.article-embed .product-card').count()).toBe(4);
      expect(await main.locator('.contact-box a[href^="tel:"]').count()).toBe(1);
    });

    // Close-ups on a phone: each embed must be readable without zooming or scrolling sideways.
    await page.setViewportSize(PHONE);
    for (const [selector, name] of [
      ['.care-timeline', 'timeline'],
      ['.compare', 'compare'],
      ['.article-embed', 'product'],
      ['.contact-box', 'contact'],
    ] as const) {
      const box = await main
        .locator(selector)
        .first()
        .evaluate((el) => {
          const r = el.getBoundingClientRect();
          return { top: r.top + window.scrollY, height: r.height, width: r.width };
        });
      expect(box.width, `${name} fits the phone`).toBeLessThanOrEqual(PHONE.width);
      await page.screenshot({
        path: screenshotPath(`blog-embed-${name}-phone.png`),
        fullPage: true,
        clip: { x: 0, y: Math.max(0, box.top - 20), width: PHONE.width, height: box.height + 40 },
      });
    }
    // On a phone the comparison is a card per treatment, each cell named after its column.
    const label = await main
      .locator('.compare-table td')
      .first()
      .evaluate((td) => getComputedStyle(td, '::before').content);
    expect(label).toBe('"How it works"');
    await page.setViewportSize(DESKTOP);

    // Adding the embedded product to the cart works from the article.
    await main
      .locator('.article-embed')
      .first()
      .getByRole('button', { name: /Add to cart/ })
      .click();
    await page.waitForURL((u) => u.pathname === ARTICLE);
    expect(await page.locator('.header-account').innerText()).toMatch(/1/);
    expect(problems).toEqual([]);
  });

  it('has no serious or critical accessibility problem on a category or tag page', async () => {
    for (const path of ['/blog/category/hair-restoration', '/blog/tag/hair-loss']) {
      expect((await page.goto(`${b.url}${path}`))?.status(), path).toBe(200);
      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
      expect(serious, path).toEqual([]);
    }
  });

  it("reads the feed and the sitemap with the browser's strict XML parser", async () => {
    for (const [path, root] of [
      ['/blog/feed.xml', 'rss'],
      ['/sitemap.xml', 'urlset'],
    ] as const) {
      const source = await page.evaluate(async (url) => (await fetch(url)).text(), `${b.url}${path}`);
      const parsed = await page.evaluate((xml) => {
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        return { root: doc.documentElement.nodeName, errors: doc.getElementsByTagName('parsererror').length };
      }, source);
      expect(parsed, path).toEqual({ root, errors: 0 });
    }
  });
});
