import { and, eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { products } from '#src/catalog/schema.ts';
import {
  createTestCustomer,
  createTestCustomerSession,
  createTestStaff,
  TEST_STAFF_PASSWORD,
} from '#src/licences/test-factory.ts';
import { addDays, todayUtc } from '#src/licences/validators.ts';
import { type BrowserStore, describeInBrowser, openBrowserStore, screenshotPath } from './harness.ts';

describeInBrowser('licence verification in a real browser', () => {
  let b: BrowserStore;
  let customerPage: Page;
  let staffContext: BrowserContext;
  let staffPage: Page;
  let staffEmail: string;
  let productSlug: string;

  beforeAll(async () => {
    b = await openBrowserStore();
    const { db } = b.store.ctx;
    // The business customer is signed in by a session made directly; registering is covered by its own test.
    const customer = await createTestCustomer(db, {
      name: 'Marisol Vega',
      companyName: 'Vega Skin Studio',
      accountType: 'business',
    });
    const token = await createTestCustomerSession(db, customer.id);
    await b.context.addCookies([{ name: 'sid', value: token, url: b.url, httpOnly: true, sameSite: 'Lax' }]);
    customerPage = await b.context.newPage();
    customerPage.setDefaultTimeout(5_000);
    staffEmail = (await createTestStaff(db, 'staff')).staff.email;
    // Staff use another browser profile: their session is a different cookie and must not mix with the customer's.
    staffContext = await b.browser.newContext({ viewport: { width: 1280, height: 800 } });
    staffPage = await staffContext.newPage();
    staffPage.setDefaultTimeout(5_000);
    const [product] = await db
      .select({ slug: products.slug })
      .from(products)
      .where(and(eq(products.accessClass, 'professional'), eq(products.status, 'active')))
      .limit(1);
    expect(product, 'the demo store has a professional product').toBeDefined();
    productSlug = product!.slug;
  });

  afterAll(async () => {
    await staffContext?.close();
    await b?.close();
  });

  it('a business customer sees how to qualify, then uploads a licence', async () => {
    await customerPage.goto(`${b.url}/products/${productSlug}`);
    const main = customerPage.getByRole('main');
    await main.getByText('Submit a professional licence', { exact: false }).waitFor();

    await main.getByRole('link', { name: 'Submit a licence' }).click();
    await customerPage.waitForURL((u) => u.pathname === '/account/licences');
    await customerPage.getByLabel('Type of licence').selectOption('esthetician');
    await customerPage.getByLabel('Licence number').fill('EST-220931');
    await customerPage.getByLabel('Issuing state').selectOption('FL');
    await customerPage.getByLabel('Expiry date').fill(addDays(todayUtc(), 500));
    await customerPage.getByLabel('Name on the licence').fill('Marisol Vega');
    await customerPage.getByLabel('Licence document').setInputFiles({
      name: 'esthetician-licence.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% scanned licence\n%%EOF\n'),
    });
    await customerPage.getByRole('button', { name: 'Submit for review' }).click();
    await customerPage.waitForURL((u) => u.searchParams.get('notice') === 'submitted');
    const text = await customerPage.getByRole('main').innerText();
    expect(text).toContain('EST-220931');
    expect(text).toContain('Waiting for review');
    await customerPage.screenshot({ path: screenshotPath('licence-submitted.png'), fullPage: true });
  });

  it('staff sign in and approve it', async () => {
    await staffPage.goto(`${b.url}/admin/licences`);
    await staffPage.waitForURL((u) => u.pathname === '/admin/login');
    await staffPage.getByLabel('Email').fill(staffEmail);
    await staffPage.getByLabel('Password').fill(TEST_STAFF_PASSWORD);
    await staffPage.getByRole('button', { name: 'Sign in' }).click();
    await staffPage.waitForURL((u) => u.pathname === '/admin/licences');

    await staffPage.getByRole('link', { name: /EST-220931/ }).click();
    await staffPage.getByRole('heading', { level: 1, name: /EST-220931/ }).waitFor();
    expect(await staffPage.getByRole('main').innerText()).toContain('Marisol Vega');
    await staffPage.getByRole('button', { name: 'Approve' }).click();
    await staffPage.getByText('Approved. The customer was emailed').waitFor();
    await staffPage.screenshot({ path: screenshotPath('licence-approved-admin.png'), fullPage: true });

    await staffPage.goto(`${b.url}/admin/outbox`);
    await staffPage.getByRole('link', { name: /Your licence is approved/ }).waitFor();
  });

  it('the customer may now order the professional product', async () => {
    await customerPage.goto(`${b.url}/account/licences`);
    expect(await customerPage.getByRole('main').innerText()).toContain('Verified');
    await customerPage.goto(`${b.url}/products/${productSlug}`);
    await customerPage.getByRole('main').getByText('You may order this product.').waitFor();
    await customerPage.screenshot({ path: screenshotPath('licence-entitled-product.png'), fullPage: true });
  });
});
