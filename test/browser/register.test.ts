import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { customers } from '#src/accounts/schema.ts';
import { latestMail, linkIn, uniqueEmail } from '#src/accounts/test-helpers.ts';
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

const PASSWORD = 'meadow copper signal 5';

describeInBrowser('registration and the account page at phone and desktop widths', () => {
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

  async function customerNamed(email: string) {
    const [row] = await b.store.ctx.db.select().from(customers).where(eq(customers.email, email));
    return row;
  }

  it('shows the business fields only for a business account, and asks for consent', async () => {
    for (const [label, size] of [
      ['390', PHONE],
      ['1280', DESKTOP],
    ] as const) {
      await page.setViewportSize(size);
      await page.goto(`${b.url}/account/register`);
      const company = page.getByLabel('Company name');
      // A client account, the default, has no business fields to fill in.
      expect(await company.isVisible()).toBe(false);
      expect(await sidewaysOverflow(page)).toBe(0);
      await page.getByLabel('Your name').fill('Leila Haddad');
      await page.getByLabel('Email').fill('leila@example.com');
      await page.screenshot({ path: screenshotPath(`register-private-${label}.png`), fullPage: true });

      await page.getByLabel('Business', { exact: true }).check();
      await company.waitFor();
      await company.fill('Haddad Aesthetics');
      await page.getByLabel('Business phone').fill('(602) 555-0188');
      expect(await sidewaysOverflow(page)).toBe(0);
      await page.screenshot({ path: screenshotPath(`register-business-${label}.png`), fullPage: true });
    }
  });

  it('registers a business once the consent box is ticked, and stores the consent with its date', async () => {
    const email = uniqueEmail('clinic');
    await page.goto(`${b.url}/account/register`);
    await page.getByLabel('Business', { exact: true }).check();
    await page.getByLabel('Company name').fill('Haddad Aesthetics');
    await page.getByLabel('Business phone').fill('(602) 555-0188');
    await page.getByLabel('Your name').fill('Leila Haddad');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Agree to the terms of sale and the privacy notice to create an account.').first().waitFor();
    expect(await customerNamed(email)).toBeUndefined();
    // What was typed survives the refusal, and the business fields stay open.
    expect(await page.getByLabel('Company name').inputValue()).toBe('Haddad Aesthetics');
    await page.screenshot({ path: screenshotPath('register-consent-missing-1280.png'), fullPage: true });

    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('checkbox', { name: /I agree to the terms of sale/ }).check();
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    const customer = await customerNamed(email);
    expect(customer).toMatchObject({ accountType: 'business', companyName: 'Haddad Aesthetics' });
    expect(customer!.termsAcceptedAt).toBeInstanceOf(Date);
  });

  it('keeps the business fields visible with a note in a browser without JavaScript', async () => {
    const context = await b.browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    try {
      const plain = await context.newPage();
      await plain.goto(`${b.url}/account/register`);
      await plain.getByLabel('Company name').waitFor();
      await plain.getByText('Only for a business account; a client account leaves these empty.').waitFor();
      await plain.screenshot({ path: screenshotPath('register-no-script-390.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('shows an account with a long email on a phone without scrolling sideways', async () => {
    const email = uniqueEmail('practicemanager.aestheticsandhairrestoration');
    await page.setViewportSize(PHONE);
    await page.goto(`${b.url}/account/register`);
    await page.getByLabel('Your name').fill('Maximiliana Featherstonehaugh-Okonkwo');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('checkbox', { name: /I agree to the terms of sale/ }).check();
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();

    const link = linkIn(await latestMail(b.store, email, 'verify-email'), b.store);
    await page.goto(`${b.url}${link}`);
    await page.getByRole('button', { name: 'Confirm my email address' }).click();
    await page.waitForURL((u) => u.pathname === '/account/sign-in');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => u.pathname === '/account');

    for (const [label, size] of [
      ['390', PHONE],
      ['1280', DESKTOP],
    ] as const) {
      await page.setViewportSize(size);
      await page.goto(`${b.url}/account`);
      expect(await page.getByRole('main').innerText()).toContain(email);
      expect(await sidewaysOverflow(page)).toBe(0);
      // The email stays inside its card rather than running past its edge.
      const card = (await page.locator('.account-card').first().boundingBox())!;
      const value = (await page.locator('.facts dd').nth(1).boundingBox())!;
      expect(value.x + value.width).toBeLessThanOrEqual(card.x + card.width);
      await page.screenshot({ path: screenshotPath(`account-long-email-${label}.png`), fullPage: true });
    }
  });
});
