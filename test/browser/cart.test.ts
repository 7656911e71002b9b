import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { setPrice } from '#src/cart/test-helpers.ts';
import { products } from '#src/catalog/schema.ts';
import { createTestCustomer, createTestCustomerSession } from '#src/licences/test-factory.ts';
import {
  type BrowserStore,
  describeInBrowser,
  openBrowserStore,
  openWatchedPage,
  PHONE,
  SIZES,
  screenshotPath,
  sidewaysOverflow,
} from './harness.ts';

describeInBrowser('a shopper fills a cart in a real browser', () => {
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

  const headerCount = () => page.getByRole('banner').locator('.cart-count').innerText();

  it('adds a product from a card in the shop, without JavaScript in the way, and sees the count in the header', async () => {
    await page.goto(`${b.url}/products`);
    const card = page
      .locator('.product-card')
      .filter({ has: page.getByRole('button', { name: /Add to cart/ }) })
      .filter({ hasNotText: /Professional only|Rx only/ })
      .first();
    const name = (await card.locator('.card-title').innerText()).trim();
    await card.getByRole('button', { name: /Add to cart/ }).click();
    await page.waitForURL((u) => u.pathname === '/products');
    await page.getByRole('status').getByText(`Added ${name} to your cart.`).waitFor();
    expect(await headerCount()).toMatch(/^1/);
    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      expect(await sidewaysOverflow(page), `shop at ${label}`).toBeLessThanOrEqual(0);
      await page.locator('.product-card').nth(1).scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`cart-shop-added-${label}.png`), fullPage: false });
    }
    await page.setViewportSize(SIZES[1][1]);
  });

  it('adds two of another product from its page, with the add button shown at both widths', async () => {
    await page.goto(`${b.url}/products/hair-supplement-gummies`);
    // The product's own form; related products' cards below have theirs.
    const main = page.locator('.product-info');
    await main.getByRole('button', { name: /Add to cart/ }).waitFor();
    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      expect(await sidewaysOverflow(page), `product page at ${label}`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: screenshotPath(`cart-product-page-${label}.png`), fullPage: false });
    }
    await page.setViewportSize(SIZES[1][1]);
    await main.getByLabel('Quantity').fill('2');
    await main.getByRole('button', { name: /Add to cart/ }).click();
    await page.waitForURL((u) => u.pathname === '/products/hair-supplement-gummies');
    await page
      .getByRole('status')
      .getByText(/Added 2 × Hair Supplement Gummies to your cart\./i)
      .waitFor();
    expect(await headerCount()).toMatch(/^3/);
  });

  it('shows both lines on /cart, warns of a changed price, and changes and removes lines', async () => {
    const [gummies] = await b.store.ctx.db.select().from(products).where(eq(products.slug, 'hair-supplement-gummies'));
    await setPrice(b.store, gummies!.id, gummies!.priceCents + 500);
    await page.getByRole('banner').getByRole('link', { name: /Cart/ }).click();
    await page.waitForURL((u) => u.pathname === '/cart');
    const main = page.getByRole('main');
    await main.getByRole('heading', { level: 1, name: 'Your cart' }).waitFor();
    expect(await main.locator('.cart-line').count()).toBe(2);
    await main.getByText(/The price went up from \$[\d.]+ to \$[\d.]+ since you added it\./).waitFor();
    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      expect(await sidewaysOverflow(page), `cart at ${label}`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: screenshotPath(`cart-page-${label}.png`), fullPage: true });
    }
    await page.setViewportSize(SIZES[1][1]);

    const line = main.locator('.cart-line').filter({ hasText: /Hair Supplement Gummies/i });
    await line.getByLabel('Quantity').fill('1');
    await line.getByRole('button', { name: 'Update' }).click();
    await page.getByRole('status').getByText('Quantity updated.').waitFor();
    expect(await headerCount()).toMatch(/^2/);
    await main
      .locator('.cart-line')
      .first()
      .getByRole('button', { name: /Remove/ })
      .click();
    await page.getByRole('status').getByText('Removed from your cart.').waitFor();
    expect(await main.locator('.cart-line').count()).toBe(1);
    expect(brokenLoads).toEqual([]);
  });

  it("fits a signed-in customer's header with a two-digit count on a phone", async () => {
    const customer = await createTestCustomer(b.store.ctx.db);
    const token = await createTestCustomerSession(b.store.ctx.db, customer.id);
    const phone = await b.browser.newContext({ viewport: PHONE });
    await phone.addCookies([{ name: 'sid', value: token, url: b.url }]);
    const tab = await phone.newPage();
    await tab.goto(`${b.url}/products/hair-supplement-gummies`);
    await tab.locator('.product-info').getByLabel('Quantity').fill('12');
    await tab
      .locator('.product-info')
      .getByRole('button', { name: /Add to cart/ })
      .click();
    await tab
      .getByRole('status')
      .getByText(/Added 12 ×/)
      .waitFor();
    expect(await tab.getByRole('banner').locator('.cart-count').innerText()).toMatch(/^12/);
    expect(await sidewaysOverflow(tab)).toBeLessThanOrEqual(0);
    await tab.screenshot({ path: screenshotPath('cart-signed-in-header-390.png'), fullPage: false });
    await phone.close();
  });
});
