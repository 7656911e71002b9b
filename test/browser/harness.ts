import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { createTestStaff } from '#src/licences/test-factory.ts';
import type { StaffRole } from '#src/staff/schema.ts';
import { STAFF_COOKIE } from '#src/staff/sessions.ts';
import { serveTestStore } from '#test/support/serve.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { slowTestMs } from '#test/support/timeouts.ts';

/** Debian's Chromium; playwright-core drives it, nothing is downloaded. CHROMIUM_PATH points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Quiet, reproducible runs: no sandbox (CI runs as root), no GPU, no network the page did not ask for.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const isChromiumPresent = existsSync(CHROMIUM_PATH);

/** How long a page may take to show what a test waits for: generous, since CI runs two test files at once. */
export const BROWSER_TIMEOUT_MS = slowTestMs(15_000);

/** CI sets REQUIRE_BROWSER=1 so a missing Chromium fails the run instead of skipping the browser tests. */
export const isBrowserRequired = process.env.REQUIRE_BROWSER === '1';

export const SKIP_REASON = `${CHROMIUM_PATH} not found; install Debian's chromium to run the browser tests`;

/**
 * A describe block run in Chromium. Without Chromium it is skipped with a warning, or, when REQUIRE_BROWSER=1,
 * a failing test says why, so CI cannot pass without having run the browser tests.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (!isChromiumPresent && isBrowserRequired) {
    it(`${name}: has Chromium for the browser tests (REQUIRE_BROWSER=1)`, () => {
      throw new Error(SKIP_REASON);
    });
  }
  if (!isChromiumPresent && !isBrowserRequired) console.warn(`Browser tests skipped: ${SKIP_REASON}`);
  describe.skipIf(!isChromiumPresent)(isChromiumPresent ? name : `${name} (skipped: ${SKIP_REASON})`, body);
}

export type BrowserStore = {
  store: TestStore;
  /** Root URL of the store's real HTTP server, e.g. http://127.0.0.1:41234 */
  url: string;
  browser: Browser;
  context: BrowserContext;
  close(): Promise<void>;
};

/**
 * A demo store served over a real socket on a random port, and a Chromium with a fresh profile
 * (`launch()` gives every browser a new temporary user-data-dir and removes it on close).
 */
export async function openBrowserStore(): Promise<BrowserStore> {
  const store = await createTestStore();
  const served = await serveTestStore(store);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  return {
    store,
    url: served.url,
    browser,
    context,
    async close() {
      await context.close();
      await browser.close();
      await served.close();
      await store.close();
    },
  };
}

/** Where screenshots go: test-results/ is ignored by git and kept by CI as an artifact. */
export function screenshotPath(name: string): string {
  const dir = resolve(process.env.SCREENSHOT_DIR ?? 'test-results/screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

/** How far a page scrolls sideways: 0 when nothing is wider than the window. */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * Collects what a shopper's browser could not do on `page`: a stylesheet, image or script that answered an error
 * or failed to load, and script errors (a CSP refusal among them). Pages themselves are checked by each test.
 */
export function watchForBrokenLoads(page: Page): string[] {
  const problems: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400 && r.request().resourceType() !== 'document') problems.push(`${r.status()} ${r.url()}`);
  });
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  page.on('requestfailed', (r) => {
    // A load cut short because the test moved on to the next page (ERR_ABORTED) is not a broken file.
    const reason = r.failure()?.errorText ?? '';
    if (!reason.includes('ERR_ABORTED')) problems.push(`failed: ${r.url()} ${reason}`);
  });
  return problems;
}

/** The two widths every page is looked at: a phone and a desktop. */
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };
/** Both, with the label their screenshots carry. */
export const SIZES = [
  ['390', PHONE],
  ['1280', DESKTOP],
] as const;

/** A new page of the store's browser with the usual time limit, and the list its broken loads are collected in. */
export async function openWatchedPage(b: BrowserStore): Promise<{ page: Page; problems: string[] }> {
  const page = await b.context.newPage();
  page.setDefaultTimeout(BROWSER_TIMEOUT_MS);
  return { page, problems: watchForBrokenLoads(page) };
}

/** Signs a new staff member of `role` in on the store's browser, as its staff session cookie. */
export async function signInStaff(b: BrowserStore, role: StaffRole): Promise<void> {
  const { token } = await createTestStaff(b.store.ctx.db, role);
  await b.context.addCookies([{ name: STAFF_COOKIE, value: token, url: b.url }]);
}
