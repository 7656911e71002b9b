import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createStaff } from '#src/staff/service.ts';
import { STORE_PAGES } from '#src/web/store-pages.ts';
import {
  type BrowserStore,
  DESKTOP,
  describeInBrowser,
  openBrowserStore,
  openWatchedPage,
  PHONE,
  SIZES,
  screenshotPath,
  sidewaysOverflow,
} from './harness.ts';

describeInBrowser('the home page, the store pages and the staff sign-in at phone and desktop widths', () => {
  let b: BrowserStore;
  let page: Page;
  let problems: string[] = [];

  beforeAll(async () => {
    b = await openBrowserStore();
    ({ page, problems } = await openWatchedPage(b));
  });

  afterAll(async () => {
    await b?.close();
  });

  it('opens the home page on a hero that sells a product and the newest guide, not the store name', async () => {
    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      await page.goto(`${b.url}/`);
      const hero = page.locator('.hero');
      const heading = hero.getByRole('heading', { level: 1 });
      expect(await heading.innerText()).toBe('Fuller-looking hair, backed by plain facts');
      await hero.getByRole('link', { name: 'Shop all products' }).waitFor();
      await hero.getByRole('heading', { name: 'PEP Factor' }).waitFor();
      await hero.getByRole('link', { name: 'Side Effects of Exosome Hair Therapy' }).waitFor();
      // The hero's call to action is visible without scrolling, on a phone too.
      const cta = await hero.getByRole('link', { name: 'Shop all products' }).boundingBox();
      expect(cta!.y + cta!.height).toBeLessThan(size.height);
      expect(await sidewaysOverflow(page)).toBe(0);
      await page.screenshot({ path: screenshotPath(`home-${label}.png`), fullPage: true });
    }
  });

  it('links every store page from the footer, and each opens with its text', async () => {
    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      for (const storePage of STORE_PAGES) {
        await page.goto(`${b.url}/`);
        await page.getByRole('contentinfo').getByRole('link', { name: storePage.title }).click();
        await page.waitForURL((u) => u.pathname === storePage.path);
        await page.getByRole('heading', { level: 1, name: storePage.title }).waitFor();
        expect((await page.getByRole('main').innerText()).length).toBeGreaterThan(800);
        expect(await sidewaysOverflow(page)).toBe(0);
        await page.screenshot({ path: screenshotPath(`page-${storePage.key}-${label}.png`), fullPage: true });
      }
    }
    await page.goto(`${b.url}/returns`);
    expect(await page.getByRole('main').innerText()).toMatch(/Refrigerated products/);
  });

  it('shows the staff sign-in as one centred form, wider than 300 px on a desktop, without the admin sidebar', async () => {
    await createStaff(b.store.ctx.db, null, {
      email: 'owner@facemedstore.example',
      password: 'harbour lantern quiet 9',
      role: 'owner',
      name: 'Morgan Lee',
    });
    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      await page.goto(`${b.url}/admin/login`);
      const form = page.locator('form[action="/admin/login"]');
      const box = (await form.boundingBox())!;
      expect(await page.locator('.admin-nav').count()).toBe(0);
      expect(await sidewaysOverflow(page)).toBe(0);
      if (size === DESKTOP) {
        expect(box.width).toBeGreaterThan(300);
        // Centred: the space left of the form and right of it differ by a few pixels at most.
        expect(Math.abs(box.x - (size.width - box.x - box.width))).toBeLessThan(60);
      }
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Staff sign-in');
      await page.screenshot({ path: screenshotPath(`admin-sign-in-${label}.png`), fullPage: true });
    }
    await page.getByLabel('Email').fill('owner@facemedstore.example');
    await page.getByLabel('Password').fill('harbour lantern quiet 9');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => u.pathname === '/admin');
    await page.getByRole('navigation', { name: 'Administration' }).waitFor();
  });

  it('lets the owner rewrite a store page in the admin, and the shop shows it', async () => {
    await page.setViewportSize(DESKTOP);
    await page
      .getByRole('navigation', { name: 'Administration' })
      .getByRole('link', { name: 'Store settings' })
      .click();
    await page.waitForURL((u) => u.pathname === '/admin/settings');
    await page.screenshot({ path: screenshotPath('admin-store-texts-1280.png') });
    await page.getByLabel('About us').fill('We are a **family-run** supplier in Scottsdale.');
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await page.getByText('Saved. Every page shows the new settings from now on.').waitFor();
    await page.setViewportSize(PHONE);
    expect(await sidewaysOverflow(page)).toBe(0);
    await page.screenshot({ path: screenshotPath('admin-store-texts-390.png') });
    await page.goto(`${b.url}/about`);
    expect(await page.getByRole('main').innerText()).toContain('We are a family-run supplier in Scottsdale.');
  });

  it('loaded every stylesheet, image and script without an error', () => {
    expect(problems).toEqual([]);
  });
});
