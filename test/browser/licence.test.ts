import { and, eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { latestMail, linkIn, uniqueEmail } from '#src/accounts/test-helpers.ts';
import { products } from '#src/catalog/schema.ts';
import { addDays, todayUtc } from '#src/lib/dates.ts';
import { createTestStaff, TEST_STAFF_PASSWORD } from '#src/licences/test-factory.ts';
import {
  BROWSER_TIMEOUT_MS,
  type BrowserStore,
  describeInBrowser,
  openBrowserStore,
  screenshotPath,
} from './harness.ts';

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
    customerPage = await b.context.newPage();
    customerPage.setDefaultTimeout(BROWSER_TIMEOUT_MS);
    staffEmail = (await createTestStaff(db, 'staff')).staff.email;
    // Staff use another browser profile: their session is a different cookie and must not mix with the customer's.
    staffContext = await b.browser.newContext({ viewport: { width: 1280, height: 800 } });
    staffPage = await staffContext.newPage();
    staffPage.setDefaultTimeout(BROWSER_TIMEOUT_MS);
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

  it('a business registers with its company name and phone, confirms the email and signs in', async () => {
    const email = uniqueEmail('studio');
    const password = 'orchard velvet compass 8';
    await customerPage.goto(`${b.url}/account/register`);
    await customerPage.getByLabel('Business', { exact: true }).check();
    await customerPage.getByLabel('Your name').fill('Marisol Vega');
    await customerPage.getByLabel('Email').fill(email);
    await customerPage.getByLabel('Password').fill(password);
    await customerPage.getByLabel('Company name').fill('Vega Skin Studio');
    await customerPage.getByLabel('Business phone').fill('(305) 555-0142');
    await customerPage.getByRole('checkbox', { name: /I agree to the terms of sale/ }).check();
    await customerPage.getByRole('button', { name: 'Create account' }).click();
    await customerPage.getByRole('heading', { name: 'Check your email' }).waitFor();

    const link = linkIn(await latestMail(b.store, email, 'verify-email'), b.store);
    await customerPage.goto(`${b.url}${link}`);
    await customerPage.getByRole('button', { name: 'Confirm my email address' }).click();
    await customerPage.waitForURL((u) => u.pathname === '/account/sign-in');
    await customerPage.getByLabel('Email').fill(email);
    await customerPage.getByLabel('Password').fill(password);
    await customerPage.getByRole('button', { name: 'Sign in' }).click();
    await customerPage.waitForURL((u) => u.pathname === '/account');
    const overview = await customerPage.getByRole('main').innerText();
    expect(overview).toContain('Vega Skin Studio');
  });

  it('the business sees how to qualify, then uploads a licence', async () => {
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
