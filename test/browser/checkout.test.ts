import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { outbox } from '#src/mail/schema.ts';
import { ORDER_MAIL_KINDS } from '#src/orders/mails.ts';
import {
  type BrowserStore,
  DESKTOP,
  describeInBrowser,
  openBrowserStore,
  openWatchedPage,
  SIZES,
  screenshotPath,
  sidewaysOverflow,
  signInStaff,
} from './harness.ts';

const EMAIL = 'dana.whitfield@example.com';

describeInBrowser('a guest checks out in a real browser, and staff take the order from there', () => {
  let b: BrowserStore;
  let page: Page;
  let problems: string[] = [];
  let orderNumber = '';

  beforeAll(async () => {
    b = await openBrowserStore();
    ({ page, problems } = await openWatchedPage(b));
  });

  afterAll(async () => {
    await b?.close();
  });

  // The step's page at both widths, nothing scrolling sideways; the test goes on at the desktop width.
  async function look(name: string, heading: string) {
    await page.getByRole('main').getByRole('heading', { name: heading, exact: true, level: 2 }).waitFor();
    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      expect(await sidewaysOverflow(page), `${name} at ${label}`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: screenshotPath(`checkout-${name}-${label}.png`), fullPage: true });
    }
    await page.setViewportSize(DESKTOP);
  }

  it('adds two products from the shop and goes through every step to the order page', async () => {
    await page.goto(`${b.url}/products`);
    const addable = () =>
      page
        .locator('.product-card')
        .filter({ has: page.getByRole('button', { name: /Add to cart/ }) })
        .filter({ hasNotText: /Professional only|Rx only/ });
    for (const n of [0, 1]) {
      await addable()
        .nth(n)
        .getByRole('button', { name: /Add to cart/ })
        .click();
      await page.waitForURL((u) => u.pathname === '/products');
      await page
        .getByRole('status')
        .getByText(/to your cart\./)
        .waitFor();
    }
    await page.goto(`${b.url}/cart`);
    await page.getByRole('link', { name: 'Check out' }).click();
    await page.waitForURL((u) => u.pathname === '/checkout');

    await look('contact', 'Contact');
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByRole('button', { name: 'Continue to shipping address' }).click();

    await look('address', 'Shipping address');
    await page.getByLabel('Recipient name').fill('Dana Whitfield');
    await page.getByLabel('Street address').fill('410 Lakeshore Drive');
    await page.getByLabel('City').fill('Tempe');
    await page.getByLabel('State', { exact: true }).fill('AZ');
    await page.getByLabel('ZIP code').fill('8528');
    await page.getByRole('button', { name: 'Continue to shipping method' }).click();
    // A ZIP short of a digit comes back with everything else still typed.
    await page.getByText('Enter a ZIP code of 5 digits').waitFor();
    expect(await page.getByLabel('Street address').inputValue()).toBe('410 Lakeshore Drive');
    await look('address-error', 'Shipping address');
    await page.getByLabel('ZIP code').fill('85281');
    await page.getByRole('button', { name: 'Continue to shipping method' }).click();

    await look('shipping', 'Shipping method');
    await page
      .getByText(/Ships \w+day/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Continue to payment' }).click();

    await look('payment', 'Payment');
    expect(await page.getByText('Invoice, net').count()).toBe(0);
    await page.getByLabel('Pay by phone or bank transfer').check();
    await page.getByRole('button', { name: 'Review your order' }).click();

    await look('review', 'Review');
    await page.locator('dd.checkout-total').waitFor();
    await page.getByRole('button', { name: 'Place order' }).click();

    await page.waitForURL((u) => /^\/orders\/FMS-\d+$/.test(u.pathname));
    orderNumber = /FMS-\d+/.exec(page.url())![0];
    await page.getByRole('heading', { name: `Order ${orderNumber}`, level: 1 }).waitFor();
    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: screenshotPath(`checkout-order-page-${label}.png`), fullPage: true });
    }
    await page.setViewportSize(DESKTOP);
  });

  it('lets staff mark it paid and ship it; the customer was mailed each time', async () => {
    await signInStaff(b, 'admin');
    await page.goto(`${b.url}/admin/orders`);
    await page.getByRole('link', { name: orderNumber }).click();
    await page.getByRole('heading', { name: `Order ${orderNumber}`, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Mark paid' }).click();
    await page.getByText('Marked paid. The customer was told.').waitFor();
    await page.getByLabel('Carrier').fill('UPS');
    await page.getByLabel('Tracking number').fill('1Z999AA10123456784');
    await page.getByRole('button', { name: 'Mark shipped' }).click();
    await page.getByText('Marked shipped.').waitFor();

    const mails = await b.store.ctx.db.select().from(outbox).where(eq(outbox.to, EMAIL));
    const kinds = mails.map((m) => m.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([ORDER_MAIL_KINDS.confirmation, ORDER_MAIL_KINDS.paid, ORDER_MAIL_KINDS.shipped]),
    );
    expect(mails.find((m) => m.kind === ORDER_MAIL_KINDS.confirmation)!.text).toContain(orderNumber);
    expect(problems).toEqual([]);
  });
});
