import { and, eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CUSTOMER_COOKIE } from '#src/accounts/sessions/sessions.ts';
import { products } from '#src/catalog/schema.ts';
import {
  createTestCustomer,
  createTestCustomerSession,
  createTestStaff,
  TEST_STAFF_PASSWORD,
} from '#src/licences/test-factory.ts';
import {
  BROWSER_TIMEOUT_MS,
  type BrowserStore,
  describeInBrowser,
  openBrowserStore,
  screenshotPath,
} from './harness.ts';

const WIDTHS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;

// A customer who signed up but never opened the confirmation mail: every page that depends on a confirmed address
// must say so and offer the mail again, on a phone as on a desktop.
describeInBrowser('a customer whose email is not confirmed yet', () => {
  let b: BrowserStore;
  let productSlug: string;
  let staffEmail: string;
  const contexts: BrowserContext[] = [];

  async function customerPage(width: number, height: number): Promise<Page> {
    const context = await b.browser.newContext({ viewport: { width, height } });
    contexts.push(context);
    const customer = await createTestCustomer(b.store.ctx.db, { emailVerifiedAt: null, name: 'Priya Raman' });
    const token = await createTestCustomerSession(b.store.ctx.db, customer.id);
    await context.addCookies([{ name: CUSTOMER_COOKIE, value: token, url: b.url }]);
    const page = await context.newPage();
    page.setDefaultTimeout(BROWSER_TIMEOUT_MS);
    return page;
  }

  beforeAll(async () => {
    b = await openBrowserStore();
    const [product] = await b.store.ctx.db
      .select({ slug: products.slug })
      .from(products)
      .where(and(eq(products.accessClass, 'professional'), eq(products.status, 'active')))
      .limit(1);
    productSlug = product!.slug;
    staffEmail = (await createTestStaff(b.store.ctx.db, 'owner')).staff.email;
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await b?.close();
  });

  for (const { name, width, height } of WIDTHS) {
    it(`offers the confirmation mail again on a restricted product and the licences page (${name})`, async () => {
      const page = await customerPage(width, height);
      await page.goto(`${b.url}/products/${productSlug}`);
      const main = page.getByRole('main');
      await main.getByText('Your email address is not confirmed yet.').waitFor();
      const resend = main.getByRole('link', { name: 'Send the confirmation email again' });
      expect(await resend.getAttribute('href')).toBe('/account/verify-email/resend');
      await page.screenshot({ path: screenshotPath(`unconfirmed-product-${name}.png`), fullPage: true });

      await page.goto(`${b.url}/account/licences`);
      await page.getByRole('main').getByRole('link', { name: 'Send the confirmation email again' }).waitFor();
      // No upload form until the address is confirmed.
      expect(await page.getByLabel('Licence document').count()).toBe(0);
      await page.screenshot({ path: screenshotPath(`unconfirmed-licences-${name}.png`), fullPage: true });
    });
  }

  it('shows staff which customers have not confirmed their email', async () => {
    const customer = await createTestCustomer(b.store.ctx.db, { emailVerifiedAt: null, name: 'Tomás Ibarra' });
    const context = await b.browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(BROWSER_TIMEOUT_MS);
    await page.goto(`${b.url}/admin/login`);
    await page.getByLabel('Email').fill(staffEmail);
    await page.getByLabel('Password').fill(TEST_STAFF_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => u.pathname.startsWith('/admin') && u.pathname !== '/admin/login');
    await page.goto(`${b.url}/admin/customers?q=${encodeURIComponent(customer.email)}`);
    const row = page.getByRole('row', { name: new RegExp(customer.email.replace(/[.+]/g, '\\$&')) });
    await row.getByText('email not confirmed').waitFor();
    await page.screenshot({ path: screenshotPath('unconfirmed-admin-customers-desktop.png'), fullPage: true });
  });
});
