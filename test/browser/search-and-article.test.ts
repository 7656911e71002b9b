import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  BROWSER_TIMEOUT_MS,
  type BrowserStore,
  DESKTOP,
  describeInBrowser,
  openBrowserStore,
  PHONE,
  screenshotPath,
  sidewaysOverflow,
} from './harness.ts';

const ARTICLE = '/blog/exosome-hair-therapy-side-effects';

describeInBrowser('search results and an article in a real browser', () => {
  let b: BrowserStore;
  let page: Page;

  beforeAll(async () => {
    b = await openBrowserStore();
    page = await b.context.newPage();
    page.setDefaultTimeout(BROWSER_TIMEOUT_MS);
  });

  afterAll(async () => {
    await b?.close();
  });

  async function atBothWidths(name: string, check: (width: number) => Promise<void>) {
    for (const [label, size] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      await page.setViewportSize(size);
      await check(size.width);
      await page.screenshot({ path: screenshotPath(`${name}-${label}.png`), fullPage: true });
      // The first screenful, at full size: what a visitor sees on arrival.
      await page.screenshot({ path: screenshotPath(`${name}-${label}-top.png`) });
    }
    await page.setViewportSize(DESKTOP);
  }

  it('shows search hits with small, whole thumbnails and plain-text snippets', async () => {
    const response = await page.goto(`${b.url}/search?q=gummies`);
    expect(response?.status()).toBe(200);
    const hits = page.locator('.search-hit');
    await hits.first().waitFor();

    const snippets = await page.locator('.search-hit .snippet').allInnerTexts();
    expect(snippets.length).toBeGreaterThan(1);
    for (const snippet of snippets) {
      expect(snippet, 'no Markdown markup').not.toMatch(/\*\*|\[\[|^- |\n- |##/);
      expect(snippet, 'no space before punctuation').not.toMatch(/\s[,.;:!?]/);
      expect(snippet, 'no joined fragments').not.toContain('...');
      expect(snippet, 'starts a sentence or says it does not').toMatch(/^([A-Z0-9"“(]|…)/);
    }
    const marked = await page.locator('.search-hit .snippet mark').allInnerTexts();
    expect(marked.map((m) => m.toLowerCase())).toContain('gummies');
    // Both kinds of hit, each with its picture.
    await page.locator('#article-results').waitFor();
    expect(await page.locator('.search-hit img').count()).toBe(await hits.count());

    await atBothWidths('search-results', async () => {
      for (const box of await page.locator('.search-hit img').evaluateAll((imgs) =>
        (imgs as HTMLImageElement[]).map((img) => {
          const r = img.getBoundingClientRect();
          return { width: r.width, height: r.height, fit: getComputedStyle(img).objectFit };
        }),
      )) {
        // One size for every hit, however long its text: the image never stretches with the card.
        expect(box.width).toBeGreaterThan(48);
        expect(box.width).toBeLessThanOrEqual(120);
        expect(Math.abs(box.height - box.width * 0.75)).toBeLessThanOrEqual(1);
        expect(box.fit).toBe('contain');
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'the page is wider than the window').toBeLessThanOrEqual(0);
    });
  });

  it('forgives a misspelled search and offers a corrected query when nothing matches', async () => {
    await page.goto(`${b.url}/search?q=minoxidl`);
    const first = page.locator('#product-results ~ ol .search-hit h3 a').first();
    expect(await first.innerText()).toContain('Minoxidil 5% Topical Solution');
    await atBothWidths('search-misspelled', async () => {
      expect(await sidewaysOverflow(page), 'the page is wider than the window').toBeLessThanOrEqual(0);
    });

    await page.goto(`${b.url}/search?q=minixodil`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('No results for');
    const correction = page.locator('.did-you-mean a');
    expect(await correction.innerText()).toBe('“minoxidil”');
    await atBothWidths('search-did-you-mean', async () => {
      expect(await sidewaysOverflow(page), 'the page is wider than the window').toBeLessThanOrEqual(0);
    });
    await correction.click();
    await page.waitForURL((u) => u.search === '?q=minoxidil');
    expect(await page.locator('.search-hit').count()).toBeGreaterThan(0);
  });

  it('finds a bulleted product fact without the list marker', async () => {
    await page.goto(`${b.url}/search?q=airless`);
    const snippet = await page.locator('.search-hit .snippet').first().innerText();
    expect(snippet).toContain('Airless pump bottle');
    expect(snippet).not.toMatch(/(^|\s)- /);
  });

  it('shows the article with its breadcrumb, a readable coupon code and a link to the shop', async () => {
    const response = await page.goto(`${b.url}${ARTICLE}`);
    expect(response?.status()).toBe(200);
    const main = page.getByRole('main');
    const crumbs = main.getByRole('navigation', { name: 'Breadcrumb' });
    await crumbs.waitFor();
    // The slashes between the crumbs are drawn by the stylesheet.
    expect(await crumbs.getByRole('listitem').allInnerTexts()).toEqual([
      'Home',
      'Blog',
      'Side Effects of Exosome Hair Therapy',
    ]);
    expect(await crumbs.getByRole('link', { name: 'Blog' }).getAttribute('href')).toBe('/blog');
    expect(await crumbs.getByRole('link', { name: 'Home' }).getAttribute('href')).toBe('/');
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Blog' }).count()).toBe(1);

    // The code copies as typed, and its zero is struck through so it cannot pass for the letter O.
    const code = main.locator('.coupon-code code');
    expect(await code.innerText()).toBe('20OFF');
    const zeros = await code.locator('.zero').evaluateAll((spans) =>
      spans.map((span) => {
        const slash = getComputedStyle(span, '::after');
        return { text: span.textContent, slash: slash.content, width: slash.width, colour: slash.backgroundColor };
      }),
    );
    expect(zeros).toHaveLength(1);
    expect(zeros[0]).toMatchObject({ text: '0', slash: '""' });
    expect(Number.parseFloat(zeros[0]!.width)).toBeGreaterThanOrEqual(2);
    expect(zeros[0]!.colour).not.toBe('rgba(0, 0, 0, 0)');

    const shop = main.getByRole('link', { name: 'browse the shop' });
    expect(await shop.getAttribute('href')).toBe('/products');

    // The disclaimer stands apart from the text around it.
    const gap = await main.evaluate(() => {
      const box = document.querySelector('.disclaimer-box')!.getBoundingClientRect();
      const first = document.querySelector('.article-body > :first-child')!.getBoundingClientRect();
      return first.top - box.bottom;
    });
    expect(gap).toBeGreaterThanOrEqual(16);

    await atBothWidths('article', async () => {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'the page is wider than the window').toBeLessThanOrEqual(0);
    });
    // Close-ups on a phone: the disclaimer with the text after it, the coupon, and the closing note.
    await page.setViewportSize(PHONE);
    for (const [selector, name] of [
      ['.disclaimer-box', 'article-disclaimer-phone.png'],
      ['.coupon-callout', 'article-coupon-phone.png'],
      ['.article-body > .callout', 'article-note-phone.png'],
    ] as const) {
      const box = await main.locator(selector).evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { top: r.top + window.scrollY, height: r.height };
      });
      await page.screenshot({
        path: screenshotPath(name),
        fullPage: true,
        clip: { x: 0, y: Math.max(0, box.top - 60), width: PHONE.width, height: box.height + 160 },
      });
    }
    await page.setViewportSize(DESKTOP);

    await shop.click();
    await page.waitForURL((u) => u.pathname === '/products');
  });
});
