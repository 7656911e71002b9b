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

/** How many columns the cards of the first product grid on the page stand in. */
function columnsOf(page: Page): Promise<number> {
  return page.evaluate(() => {
    const cards = [...document.querySelectorAll('.product-grid')][0]?.querySelectorAll('.product-card') ?? [];
    return new Set([...cards].map((card) => Math.round(card.getBoundingClientRect().left))).size;
  });
}

/** Slugs of the product cards in the list, in order. */
function listedSlugs(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('#list-results .product-card .card-link')].map(
      (a) => new URL((a as HTMLAnchorElement).href).pathname.split('/')[2]!,
    ),
  );
}

describeInBrowser('the catalogue in a real browser', () => {
  let b: BrowserStore;
  let page: Page;
  let problems: string[] = [];

  beforeAll(async () => {
    b = await openBrowserStore();
    ({ page, problems } = await openWatchedPage(b));
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().includes('status of 400')) problems.push(`console: ${m.text()}`);
    });
  });

  afterAll(async () => {
    await b?.close();
  });

  it('keeps the header of a phone within 120 px, with every destination still in reach', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${b.url}/products`);
    const header = page.getByRole('banner');
    const box = await header.boundingBox();
    expect(box!.height, 'header height on a 390 px phone').toBeLessThanOrEqual(120);
    await header.getByRole('link', { name: 'FACE Med Store' }).waitFor();
    await header.getByRole('link', { name: 'Shop' }).waitFor();
    await header.getByRole('link', { name: 'Blog' }).waitFor();
    await header.getByRole('link', { name: 'Sign in' }).waitFor();
    await header.getByRole('link', { name: 'Call (800) 770-9083' }).waitFor();
    await header.getByRole('searchbox').waitFor();
    for (const name of ['Shop', 'Blog', 'Sign in', 'Call (800) 770-9083']) {
      expect(await header.getByRole('link', { name }).isVisible(), name).toBe(true);
    }
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  });

  it('shows two columns of cards on a phone, each card one link named after its product', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${b.url}/products`);
    expect(await columnsOf(page)).toBe(2);
    const cards = page.locator('#list-results .product-card');
    const count = await cards.count();
    expect(count).toBeGreaterThanOrEqual(12);
    for (let i = 0; i < count; i++) {
      const card = cards.nth(i);
      const links = card.getByRole('link');
      expect(await links.count()).toBe(1);
      const title = (await card.getByRole('heading').innerText()).trim();
      expect(await links.first().getAttribute('href')).toMatch(/^\/products\/[a-z0-9-]+$/);
      // One accessible name, the product's: the picture and price are not part of the link's name.
      await card.getByRole('link', { name: title, exact: true }).waitFor();
    }
    // The picture opens the product too.
    const first = cards.first();
    const name = (await first.getByRole('heading').innerText()).trim();
    // Clicked where a shopper would, in the middle of the picture (the link's cover lies over it).
    const picture = await first.locator('img').boundingBox();
    await page.mouse.click(picture!.x + picture!.width / 2, picture!.y + picture!.height / 2);
    await page.waitForURL((u) => u.pathname.startsWith('/products/') && u.pathname !== '/products');
    await page.getByRole('heading', { level: 1, name }).waitFor();
  });

  it('filters the list at once on a phone, and each active filter removes itself', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${b.url}/products`);
    const all = await listedSlugs(page);
    await page.getByText('Filters', { exact: true }).click();
    await page.getByLabel('In stock only').check();
    await page.waitForURL((u) => u.searchParams.get('inStock') === 'true');
    await page.getByRole('link', { name: 'Remove filter: In stock only' }).waitFor();
    // The out-of-stock serum of the demo store is gone; everything else stays.
    expect(await listedSlugs(page)).toEqual(all.filter((s) => s !== 'hyaluronic-acid-serum'));
    await page.getByLabel('Room temperature').check();
    await page.waitForURL((u) => u.searchParams.get('storage') === 'ambient');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    // Applying folds the panel away, so the list is in view.
    expect(await page.locator('#filter-panel').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await columnsOf(page)).toBe(2);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('catalogue-list-filtered-phone.png') });
    await page.screenshot({ path: screenshotPath('catalogue-list-filtered-phone-full.png'), fullPage: true });

    await page.getByRole('link', { name: 'Remove filter: In stock only' }).click();
    await page.waitForURL((u) => !u.searchParams.has('inStock') && u.searchParams.get('storage') === 'ambient');
    expect(await listedSlugs(page)).toContain('hyaluronic-acid-serum');
    expect(await page.getByLabel('In stock only').isChecked()).toBe(false);
    // Back restores the list as it was before.
    await page.goBack();
    await page.waitForURL((u) => u.searchParams.get('inStock') === 'true');
    await page.waitForFunction(() => !document.querySelector('[href="/products/hyaluronic-acid-serum"]'));
  });

  it('filters and sorts beside the list on a wide screen, and the choice is in the address', async () => {
    await page.setViewportSize(DESKTOP);
    await page.goto(`${b.url}/products`);
    const panel = page.locator('#filter-panel');
    expect(await panel.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    const filterBox = await panel.boundingBox();
    const listBox = await page.locator('#list-results').boundingBox();
    expect(filterBox!.x + filterBox!.width).toBeLessThan(listBox!.x);
    expect(await columnsOf(page)).toBe(3);

    await page.getByLabel('Professional only').check();
    await page.waitForURL((u) => u.searchParams.get('accessClass') === 'professional');
    await page.getByLabel('Sort by').selectOption('price-desc');
    await page.waitForURL((u) => u.searchParams.get('sort') === 'price-desc');
    await page.locator('#list-results .product-card').first().waitFor();
    const cards = page.locator('#list-results .product-card');
    const count = await cards.count();
    expect(count).toBeGreaterThanOrEqual(4);
    const prices: number[] = [];
    for (let i = 0; i < count; i++) {
      await cards.nth(i).getByText('Professional only', { exact: true }).waitFor();
      prices.push(Number((await cards.nth(i).locator('.price-now').innerText()).replace(/[$,]/g, '')));
    }
    expect(prices).toEqual([...prices].sort((x, y) => y - x));
    await page.getByLabel('To', { exact: true }).fill('200');
    await page.getByLabel('To', { exact: true }).press('Enter');
    await page.waitForURL((u) => u.searchParams.get('maxPrice') === '200');
    await page.getByRole('link', { name: 'Remove filter: Up to $200.00' }).waitFor();
    expect(await listedSlugs(page)).not.toContain('microneedling-pen');
    await page.screenshot({ path: screenshotPath('catalogue-list-filtered-desktop.png'), fullPage: true });

    // The same address, loaded afresh, shows the same list: the filters can be shared as a link.
    const shown = await listedSlugs(page);
    await page.goto(page.url());
    expect(await listedSlugs(page)).toEqual(shown);
    expect(await page.getByLabel('Professional only').isChecked()).toBe(true);
  });

  it('filters without JavaScript through the Apply button', async () => {
    const context = await b.browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
    try {
      const plain = await context.newPage();
      plain.setDefaultTimeout(BROWSER_TIMEOUT_MS);
      await plain.goto(`${b.url}/categories/regenerative`);
      await plain.getByLabel('Refrigerated').check();
      await plain.getByRole('button', { name: 'Apply filters' }).click();
      await plain.waitForURL(
        (u) => u.pathname === '/categories/regenerative' && u.searchParams.get('storage') === 'refrigerated',
      );
      expect(await listedSlugs(plain)).toEqual(['exosome-hair-vial']);
      await plain.getByRole('link', { name: 'Remove filter: Refrigerated' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('shows a product with its warnings beside the side effects and related products, on both screens', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      await page.setViewportSize(viewport);
      await page.goto(`${b.url}/products/finasteride-1mg-tablets`);
      const main = page.getByRole('main');
      await main.getByRole('heading', { level: 2, name: 'Warnings' }).waitFor();
      await main
        .getByRole('region', { name: 'Warnings' })
        .getByText(/^Women who are or may become pregnant must not handle crushed or broken tablets/)
        .waitFor();
      const related = main.getByRole('region', { name: 'Related products' });
      expect(await related.locator('.product-card').count()).toBe(4);
      await related.getByRole('link', { name: 'Minoxidil 5% Topical Solution for Men, 3-Month Supply' }).waitFor();
      const effects = await main.getByRole('region', { name: 'Possible side effects' }).boundingBox();
      const warnings = await main.getByRole('region', { name: 'Warnings' }).boundingBox();
      if (viewport === DESKTOP) expect(warnings!.y).toBeLessThan(effects!.y + effects!.height);
      else expect(warnings!.y).toBeGreaterThanOrEqual(effects!.y + effects!.height);
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      const name = viewport === DESKTOP ? 'desktop' : 'phone';
      await page.screenshot({ path: screenshotPath(`catalogue-product-${name}.png`), fullPage: true });
    }
  });

  it('never breaks "2-8 °C" across lines on a phone', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${b.url}/products/exosome-hair-vial`);
    const lines = await page.evaluate(() => {
      const found: number[] = [];
      const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const match = /2-\u2060?8\s°C/.exec(node.textContent!);
        if (!match) continue;
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        found.push(new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size);
      }
      return found;
    });
    // The facts table and the directions both say it.
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.every((n) => n === 1)).toBe(true);
    await page.screenshot({ path: screenshotPath('catalogue-cold-product-phone.png'), fullPage: true });
    await page.setViewportSize(DESKTOP);
  });

  it('loaded every stylesheet, image and script it asked for, without a script error', () => {
    expect(problems).toEqual([]);
  });
});
