import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  BROWSER_TIMEOUT_MS,
  type BrowserStore,
  describeInBrowser,
  openBrowserStore,
  screenshotPath,
  sidewaysOverflow,
} from './harness.ts';

describeInBrowser('the API reference', () => {
  let b: BrowserStore;

  beforeAll(async () => {
    b = await openBrowserStore();
  });
  afterAll(async () => {
    await b?.close();
  });

  for (const { name, width, height } of [
    { name: 'phone', width: 390, height: 844 },
    { name: 'desktop', width: 1280, height: 800 },
  ]) {
    it(`renders every operation from the document, within the Content-Security-Policy (${name})`, async () => {
      const context = await b.browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      page.setDefaultTimeout(BROWSER_TIMEOUT_MS);
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));

      const res = await page.goto(`${b.url}/api/docs`);
      expect(res?.status()).toBe(200);
      expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
      await page.getByText('List active products').first().waitFor();
      await page.getByText('Register a customer account').first().waitFor();
      const operations = await page.locator('.opblock').count();
      const spec = (await (await fetch(`${b.url}/api/openapi.json`)).json()) as {
        paths: Record<string, Record<string, unknown>>;
      };
      const documented = Object.values(spec.paths).reduce((n, item) => n + Object.keys(item).length, 0);
      expect(operations).toBe(documented);

      expect(problems, 'no script error and no refused style or script').toEqual([]);
      expect(
        requests.every((url) => url.startsWith(b.url)),
        'nothing is loaded from another site',
      ).toBe(true);
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: screenshotPath(`api-docs-${width}.png`), fullPage: false });
      await context.close();
    });
  }
});
