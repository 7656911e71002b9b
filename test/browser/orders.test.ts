import { and, asc, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { products } from '#src/catalog/schema.ts';
import { availableFor } from '#src/inventory/availability.ts';
import { createTestCustomer, createTestCustomerSession } from '#src/licences/test-factory.ts';
import type { OrderDetail } from '#src/orders/queries.ts';
import { placeTestOrder } from '#src/orders/test-factory.ts';
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

describeInBrowser('orders for staff and customers at phone and desktop widths', () => {
  let b: BrowserStore;
  let page: Page;
  let problems: string[] = [];
  let order: OrderDetail;

  beforeAll(async () => {
    b = await openBrowserStore();
    const { ctx } = b.store;
    // Two demo products in stock, one of them kept cold when the demo has one.
    const candidates = await ctx.db
      .select()
      .from(products)
      .where(and(eq(products.status, 'active'), eq(products.accessClass, 'open')))
      .orderBy(asc(products.storage), asc(products.name));
    const stock = await availableFor(
      ctx.db,
      candidates.map((p) => p.id),
    );
    const inStock = candidates.filter((p) => (stock.get(p.id) ?? 0) >= 3);
    const cold = inStock.find((p) => p.storage === 'refrigerated');
    const chosen = [inStock[0]!, cold ?? inStock[1]!];
    const customer = await createTestCustomer(ctx.db, { name: 'Dana Whitfield' });
    ({ order } = await placeTestOrder(ctx, {
      customerId: customer.id,
      email: customer.email,
      lines: chosen.map((product, i) => ({ product, quantity: i + 1 })),
      taxCents: 412,
    }));
    await placeTestOrder(ctx, {
      paymentMethod: 'invoice',
      lines: [{ product: inStock[2] ?? inStock[0]!, quantity: 1 }],
      address: { name: 'Glow Aesthetic Clinic' },
    });
    await b.context.addCookies([
      { name: 'sid', value: await createTestCustomerSession(ctx.db, customer.id), url: b.url },
    ]);
    await signInStaff(b, 'admin');
    ({ page, problems } = await openWatchedPage(b));
  });

  afterAll(async () => {
    await b?.close();
  });

  it('lists orders for staff with their filters', async () => {
    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      await page.goto(`${b.url}/admin/orders`);
      await page.getByRole('heading', { name: 'Orders', level: 1 }).waitFor();
      await page.getByRole('link', { name: order.number }).waitFor();
      expect(await sidewaysOverflow(page)).toBe(0);
      await page.screenshot({ path: screenshotPath(`admin-orders-${label}.png`), fullPage: true });
    }
    await page.getByLabel('Status').selectOption('pending_payment');
    await page.getByRole('button', { name: 'Show orders' }).click();
    await page.getByRole('link', { name: order.number }).waitFor();
    expect(await page.getByText('Glow Aesthetic Clinic').count()).toBe(0);
  });

  it("shows an order's page to staff, who mark it paid and ship it", async () => {
    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      await page.goto(`${b.url}/admin/orders/${order.number}`);
      await page.getByRole('heading', { name: `Order ${order.number}`, level: 1 }).waitFor();
      await page.getByText(order.lines[0]!.lots[0]!.lotNumber).first().waitFor();
      expect(await sidewaysOverflow(page)).toBe(0);
      await page.screenshot({ path: screenshotPath(`admin-order-${label}.png`), fullPage: true });
    }
    await page.setViewportSize(PHONE);
    await page.getByRole('button', { name: 'Mark paid' }).click();
    await page.getByText('Marked paid. The customer was told.').waitFor();
    await page.getByLabel('Carrier').fill('UPS');
    await page.getByLabel('Tracking number').fill('1Z999AA10123456784');
    await page.getByRole('button', { name: 'Mark shipped' }).click();
    await page.getByText('Marked shipped.').waitFor();
    await page.screenshot({ path: screenshotPath('admin-order-shipped-390.png'), fullPage: true });
  });

  it('prints a packing slip with the lot and expiry of each line', async () => {
    await page.emulateMedia({ media: 'print' });
    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      await page.goto(`${b.url}/admin/orders/${order.number}/packing-slip`);
      await page.getByRole('heading', { name: 'Packing slip' }).waitFor();
      expect(await page.getByText('Back to the order').isVisible()).toBe(false);
      expect(await sidewaysOverflow(page)).toBe(0);
      for (const line of order.lines) await page.getByText(line.lots[0]!.lotNumber).first().waitFor();
      await page.screenshot({ path: screenshotPath(`packing-slip-print-${label}.png`), fullPage: true });
    }
    await page.emulateMedia({ media: 'screen' });
  });

  it('shows the customer their order with lots, history and totals', async () => {
    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      await page.goto(`${b.url}/account/orders`);
      await page.getByRole('link', { name: order.number }).click();
      await page.getByRole('heading', { name: `Order ${order.number}`, level: 1 }).waitFor();
      await page.getByText('Shipped with UPS').waitFor();
      expect(await sidewaysOverflow(page)).toBe(0);
      await page.screenshot({ path: screenshotPath(`account-order-${label}.png`), fullPage: true });
    }
    expect(problems).toEqual([]);
  });
});
