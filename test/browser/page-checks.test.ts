import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemoCustomers } from '#src/demo/seed-customers.ts';
import { slowTestMs } from '#test/support/timeouts.ts';
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

type Checked = { name: string; path: string };

// The pages a shopper reaches without an account; the footer's own pages are added as the footer links them.
const PUBLIC_PAGES: Checked[] = [
  { name: 'home', path: '/' },
  { name: 'product-list', path: '/products' },
  { name: 'product', path: '/products/hair-supplement-gummies' },
  { name: 'category', path: '/categories/hair-care' },
  { name: 'blog', path: '/blog' },
  { name: 'article', path: '/blog/exosome-hair-therapy-side-effects' },
  { name: 'search', path: '/search?q=hair' },
  { name: 'register', path: '/account/register' },
  { name: 'sign-in', path: '/account/sign-in' },
];

// A demo customer with a bit of everything: an approved licence, an address, a company name.
const CUSTOMER = { email: 'priya.raman@saguaroclinic.example', password: 'saguaro-demo-2026' };

/** Serious and critical axe-core findings, one line each with the elements concerned. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      // Where and why: for a contrast problem, the message names both colours and the ratio found.
      const nodes = v.nodes.map(
        (n) => `${n.target.join(' ')} (${[...n.any, ...n.all][0]?.message ?? n.failureSummary})`,
      );
      return `${v.id} (${v.impact}): ${v.help} at ${nodes.join('; ')}`;
    });
}

async function open(page: Page, base: string, path: string): Promise<void> {
  const response = await page.goto(`${base}${path}`);
  expect(response?.status(), path).toBe(200);
}

/**
 * A full-page screenshot does not scroll, so pictures the page loads lazily further down would stay blank in it:
 * they are loaded first, as a reader scrolling down would see them.
 */
async function screenshotWholePage(page: Page, name: string): Promise<void> {
  await page.evaluate(async () => {
    const images = [...document.images];
    for (const image of images) image.loading = 'eager';
    await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
  });
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
}

describeInBrowser('every page at a phone width and a desktop width', () => {
  let b: BrowserStore;
  let visitor: Page;
  let customerContext: BrowserContext;
  let customer: Page;
  let footerPages: Checked[] = [];
  let accountPages: Checked[] = [];

  beforeAll(async () => {
    b = await openBrowserStore();
    await seedDemoCustomers(b.store.ctx.db, b.store.ctx.storage);
    visitor = await b.context.newPage();
    visitor.setDefaultTimeout(BROWSER_TIMEOUT_MS);

    await open(visitor, b.url, '/');
    const listed = new Set(PUBLIC_PAGES.map((p) => p.path));
    const footerPaths = await visitor
      .getByRole('contentinfo')
      .locator('a[href^="/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    footerPages = [...new Set(footerPaths)]
      .filter((path) => !listed.has(path) && path !== '/search')
      .map((path) => ({ name: `footer${path.replace(/[^a-z0-9]+/gi, '-')}`, path }));

    customerContext = await b.browser.newContext({ viewport: DESKTOP });
    customer = await customerContext.newPage();
    customer.setDefaultTimeout(BROWSER_TIMEOUT_MS);
    await open(customer, b.url, '/account/sign-in');
    await customer.getByLabel('Email').fill(CUSTOMER.email);
    await customer.getByLabel('Password').fill(CUSTOMER.password);
    await customer.getByRole('button', { name: 'Sign in' }).click();
    await customer.waitForURL((u) => u.pathname === '/account');
    const accountPaths = await customer
      .getByRole('navigation', { name: 'Your account' })
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    accountPages = accountPaths.map((path) => ({
      name: `account${path.slice('/account'.length).replace(/\//g, '-')}`,
      path,
    }));
  });

  afterAll(async () => {
    await customerContext?.close();
    await b?.close();
  });

  /** Opens each page at 390 px and 1280 px, screenshots both, and returns the pages that scroll sideways on a phone. */
  async function checkWidths(page: Page, pages: Checked[]): Promise<string[]> {
    const wide: string[] = [];
    for (const { name, path } of pages) {
      await page.setViewportSize(PHONE);
      await open(page, b.url, path);
      const overflow = await sidewaysOverflow(page);
      if (overflow > 0) wide.push(`${path} is ${overflow}px wider than the phone`);
      await screenshotWholePage(page, `${name}-390.png`);
      await page.setViewportSize(DESKTOP);
      await screenshotWholePage(page, `${name}-1280.png`);
    }
    return wide;
  }

  it('shows the search results it is checked with', async () => {
    await open(visitor, b.url, '/search?q=hair');
    expect(await visitor.getByRole('main').getByRole('link', { name: /hair/i }).count()).toBeGreaterThan(1);
  });

  // Fifteen pages, each with a whole-page screenshot (the demo article's alone is over 12,000 px tall on a phone):
  // more than the usual limit on a busy machine.
  it('never scrolls sideways on a 390 px phone, on any public page', { timeout: slowTestMs(90_000) }, async () => {
    expect(await checkWidths(visitor, [...PUBLIC_PAGES, ...footerPages])).toEqual([]);
  });

  it('never scrolls sideways on a 390 px phone, on any page of a customer account', async () => {
    expect(accountPages.map((p) => p.path)).toEqual(
      expect.arrayContaining(['/account', '/account/addresses', '/account/licences']),
    );
    expect(await checkWidths(customer, accountPages)).toEqual([]);
  });

  it('shows the staff sign-in form at a usable width in the middle of a desktop window', async () => {
    await checkWidths(visitor, [{ name: 'admin-sign-in', path: '/admin/login' }]);
    await visitor.setViewportSize(DESKTOP);
    await open(visitor, b.url, '/admin/login');
    const box = await visitor.locator('form[action="/admin/login"]').boundingBox();
    expect(box, 'the sign-in form is shown').not.toBeNull();
    expect(box!.width, 'the form is wide enough to type an email').toBeGreaterThanOrEqual(320);
    const offCentre = Math.abs(box!.x + box!.width / 2 - DESKTOP.width / 2);
    expect(offCentre, 'the form sits near the middle of the window').toBeLessThanOrEqual(DESKTOP.width * 0.1);
  });

  // Each page at both widths: the layout, and so what axe-core sees, changes between them.
  it.each([
    ['visitor', '/'],
    ['visitor', '/products'],
    ['visitor', '/products/hair-supplement-gummies'],
    ['visitor', '/blog/exosome-hair-therapy-side-effects'],
    ['visitor', '/search?q=hair'],
    ['visitor', '/account/register'],
    ['visitor', '/account/sign-in'],
    ['visitor', '/admin/login'],
    ['customer', '/account'],
  ] as const)('has no serious or critical accessibility problem for a %s on %s', async (who, path) => {
    const page = who === 'customer' ? customer : visitor;
    const found: string[] = [];
    for (const viewport of [PHONE, DESKTOP]) {
      await page.setViewportSize(viewport);
      await open(page, b.url, path);
      for (const problem of await seriousViolations(page)) found.push(`at ${viewport.width}px: ${problem}`);
    }
    expect(found).toEqual([]);
  });
});
