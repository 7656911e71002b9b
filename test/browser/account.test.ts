import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { latestMail, linkIn, uniqueEmail } from '#src/accounts/test-helpers.ts';
import {
  BROWSER_TIMEOUT_MS,
  type BrowserStore,
  describeInBrowser,
  openBrowserStore,
  screenshotPath,
} from './harness.ts';

describeInBrowser('a customer account in a real browser', () => {
  let b: BrowserStore;
  let page: Page;
  const email = uniqueEmail('browser');
  const password = 'lagoon pepper violet 7';

  beforeAll(async () => {
    b = await openBrowserStore();
    page = await b.context.newPage();
    page.setDefaultTimeout(BROWSER_TIMEOUT_MS);
  });

  afterAll(async () => {
    await b?.close();
  });

  it('registers, confirms the email from the mail, signs in, adds an address and signs out', async () => {
    await page.goto(`${b.url}/`);
    await page.getByRole('banner').getByRole('link', { name: 'Create account' }).click();
    await page.waitForURL((u) => u.pathname === '/account/register');

    await page.getByLabel('Your name').fill('Priya Natarajan');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('checkbox', { name: /I agree to the terms of sale/ }).check();
    await page.screenshot({ path: screenshotPath('account-register.png'), fullPage: true });
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();

    // The outbox stands in for the mailbox; its links point at the configured address, so only the path is kept.
    const link = linkIn(await latestMail(b.store, email, 'verify-email'), b.store);
    await page.goto(`${b.url}${link}`);
    await page.getByRole('button', { name: 'Confirm my email address' }).click();
    await page.waitForURL((u) => u.pathname === '/account/sign-in');
    await page.getByText('your email address is confirmed').waitFor();

    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => u.pathname === '/account');
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await page.getByRole('banner').getByRole('link', { name: 'Your account' }).waitFor();
    expect(await page.getByRole('main').innerText()).toContain('Priya Natarajan');
    await page.screenshot({ path: screenshotPath('account-overview.png'), fullPage: true });

    await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Addresses' }).click();
    await page.getByRole('link', { name: 'Add an address' }).click();
    await page.getByLabel('Full name of the recipient').fill('Priya Natarajan');
    await page.getByLabel('Street address').fill('77 Larkin Street');
    await page.getByLabel('City').fill('San Francisco');
    await page.getByLabel('State, province or region').fill('CA');
    await page.getByLabel('ZIP or postal code').fill('94102');
    await page.getByRole('button', { name: 'Save the address' }).click();
    await page.waitForURL((u) => u.pathname === '/account/addresses');
    await page.getByText('The address is added.').waitFor();
    const book = await page.getByRole('main').innerText();
    expect(book).toContain('77 Larkin Street');
    expect(book).toContain('Default shipping');
    await page.screenshot({ path: screenshotPath('account-addresses.png'), fullPage: true });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
    const cookies = await b.context.cookies();
    expect(cookies.find((c) => c.name === 'sid')).toBeUndefined();

    const back = await page.goto(`${b.url}/account`);
    expect(new URL(back!.url()).pathname).toBe('/account/sign-in');
  });
});
