import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
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
  signInStaff,
} from './harness.ts';

// A photo-like picture: a soft gradient with a vial on it, drawn here as nothing can be downloaded.
function photo(o: { width: number; height: number; from: string; to: string }) {
  const { width: w, height: h } = o;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${o.from}"/><stop offset="1" stop-color="${o.to}"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <rect x="${w * 0.44}" y="${h * 0.3}" width="${w * 0.12}" height="${h * 0.5}" rx="${w * 0.02}" fill="#f4efe6" opacity="0.9"/>
    <rect x="${w * 0.46}" y="${h * 0.2}" width="${w * 0.08}" height="${h * 0.12}" rx="${w * 0.01}" fill="#37474f"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

const TITLE = 'What the scalp looks like after a session';
const SLUG = 'scalp-after-a-session';
const COVER_ALT = 'A vial of serum on a soft blue background';
const BODY_ALT = 'The same vial on a warm background';

describeInBrowser('article pictures at phone and desktop widths', () => {
  let b: BrowserStore;
  let page: Page;
  let problems: string[] = [];
  let editorUrl = '';

  beforeAll(async () => {
    b = await openBrowserStore();
    await signInStaff(b, 'admin');
    ({ page, problems } = await openWatchedPage(b));
  });

  afterAll(async () => {
    await b?.close();
  });

  it('gives an article a cover and places a picture in its text at the cursor', async () => {
    await page.setViewportSize(DESKTOP);
    await page.goto(`${b.url}/admin/articles/new`);
    await page.getByLabel('Title', { exact: true }).fill(TITLE);
    await page.getByLabel('Slug').fill(SLUG);
    await page.getByLabel('Excerpt').fill('Redness fades within a day; here is what to expect, hour by hour.');
    await page.getByLabel('Body (Markdown)').fill('## The first hours\n\nThe scalp may look pink for a few hours.');
    await page.getByLabel('Status').selectOption('published');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByText('Article created.').waitFor();
    editorUrl = page.url().split('?')[0]!;

    // The form holds the saved article, so the cover upload comes back to it afresh.
    await page.locator('#f-coverFile').setInputFiles({
      name: 'cover.jpg',
      mimeType: 'image/jpeg',
      buffer: await photo({ width: 1600, height: 900, from: '#cfe3f7', to: '#7fa8d6' }),
    });
    await page.locator('#f-coverAlt').fill(COVER_ALT);
    await page.getByRole('button', { name: 'Upload cover' }).click();
    await page.getByText('Cover picture saved.').waitFor();
    expect(await page.locator('.cover-current img').getAttribute('alt')).toBe(COVER_ALT);

    // Typed and not saved: the script uploads the picture and places its line at the cursor, keeping the rest.
    const body = page.getByLabel('Body (Markdown)');
    await body.fill(
      '## The first hours\n\nThe scalp may look pink for a few hours.\n\n## The next day\n\nMost redness is gone.',
    );
    await body.evaluate((el: HTMLTextAreaElement) => {
      const at = el.value.indexOf('## The next day');
      el.focus();
      el.setSelectionRange(at, at);
      el.dispatchEvent(new KeyboardEvent('keyup'));
    });
    await page.locator('#f-imageFile').setInputFiles({
      name: 'vial.jpg',
      mimeType: 'image/jpeg',
      buffer: await photo({ width: 1200, height: 800, from: '#f7e1cf', to: '#d69b7f' }),
    });
    await page.locator('#f-imageAlt').fill(BODY_ALT);
    await page.getByRole('button', { name: 'Upload picture' }).click();
    await page.getByText('Picture uploaded and placed in the text at the cursor.').waitFor();
    const text = await body.inputValue();
    expect(text).toMatch(
      /few hours\.\n\n!\[The same vial on a warm background\]\(\/media\/images\/[0-9a-f]{32}\/1200\.webp\)\n\n## The next day/,
    );
    await page.locator('#article-preview img[srcset]').waitFor();

    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      await page.locator('#cover-fields').scrollIntoViewIfNeeded();
      expect(await sidewaysOverflow(page)).toBe(0);
      await page.screenshot({ path: screenshotPath(`admin-article-pictures-${label}.png`), fullPage: true });
    }
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Article saved.').waitFor();
  });

  it('shows the cover and the picture in the text, responsive, on the published article', async () => {
    for (const [label, size] of SIZES) {
      await page.setViewportSize(size);
      await page.goto(`${b.url}/blog/${SLUG}`);
      await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
      const cover = page.locator('.article-cover img');
      expect(await cover.getAttribute('alt')).toBe(COVER_ALT);
      expect(await cover.getAttribute('srcset')).toContain('1280w');
      const inText = page.locator('.article-body img');
      expect(await inText.getAttribute('alt')).toBe(BODY_ALT);
      expect(await inText.getAttribute('srcset')).toContain('1200w');
      // Both pictures really loaded, at a width that suits the screen.
      for (const img of [cover, inText]) {
        await img.scrollIntoViewIfNeeded();
        await expect
          .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth))
          .toBeGreaterThan(0);
      }
      expect(await sidewaysOverflow(page)).toBe(0);
      await page.screenshot({ path: screenshotPath(`blog-article-pictures-${label}.png`), fullPage: true });
    }
    expect(await page.locator('meta[property="og:image"]').getAttribute('content')).toMatch(/\/1280\.webp$/);
    await page.goto(`${b.url}/blog`);
    expect(await page.locator('.article-card img[srcset]').count()).toBeGreaterThan(0);
  });

  it('without the script, uploads a picture and answers the line to copy, with the typed text kept', async () => {
    const context = await b.browser.newContext({ javaScriptEnabled: false, viewport: DESKTOP });
    await context.addCookies(await b.context.cookies());
    const plain = await context.newPage();
    await plain.goto(editorUrl);
    await plain.getByLabel('Body (Markdown)').fill('A sentence typed but not saved.');
    await plain.locator('#f-imageFile').setInputFiles({
      name: 'vial.jpg',
      mimeType: 'image/jpeg',
      buffer: await photo({ width: 640, height: 480, from: '#e0f2e9', to: '#8cc7a8' }),
    });
    await plain.locator('#f-imageAlt').fill('A vial on a green background');
    await plain.getByRole('button', { name: 'Upload picture' }).click();
    await plain.getByText('Picture uploaded: copy its line into the text where it should appear.').waitFor();
    expect(await plain.getByLabel('Body (Markdown)').inputValue()).toBe('A sentence typed but not saved.');
    expect(await plain.getByLabel('Copy this line into the text where the picture goes').inputValue()).toMatch(
      /^!\[A vial on a green background\]\(\/media\/images\/[0-9a-f]{32}\/640\.webp\)$/,
    );
    await plain.setViewportSize(PHONE);
    await plain.locator('#body-picture-fields').scrollIntoViewIfNeeded();
    expect(await sidewaysOverflow(plain)).toBe(0);
    await plain.screenshot({ path: screenshotPath('admin-article-pictures-no-script-390.png'), fullPage: true });
    await plain.setViewportSize(DESKTOP);
    // A wrong file: the field says why, and the text is still there.
    await plain.locator('#f-coverFile').setInputFiles({
      name: 'notes.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('not a picture at all'),
    });
    await plain.getByRole('button', { name: 'Change cover' }).click();
    await plain.locator('#f-coverFile-error').getByText('This file is not a JPEG, PNG or WebP picture.').waitFor();
    expect(await plain.getByLabel('Body (Markdown)').inputValue()).toBe('A sentence typed but not saved.');
    await plain.screenshot({ path: screenshotPath('admin-article-pictures-no-script-1280.png'), fullPage: true });
    await context.close();
  });

  it('has no serious accessibility problems on the editor with its pictures and on the article', async () => {
    for (const url of [editorUrl, `${b.url}/blog/${SLUG}`]) {
      for (const [, size] of SIZES) {
        await page.setViewportSize(size);
        await page.goto(url);
        const results = await new AxeBuilder({ page }).analyze();
        const serious = results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${url}: ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
        expect(serious).toEqual([]);
      }
    }
  }, 120_000);

  it('loaded every stylesheet, image and script without an error', () => {
    expect(problems).toEqual([]);
  });
});
