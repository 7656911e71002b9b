import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_PAGES } from '#src/web/store-pages.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { DEFAULT_SETTINGS, saveStoreSettings } from './settings.ts';

let store: TestStore;

// On PostgreSQL a save's NOTIFY also comes back to this instance and empties the cache once more, a moment later.
// A test that expects a hit waits for that echo first (it only ever causes an extra miss, never a stale page).
async function waitForCacheEcho(): Promise<void> {
  if (store.ctx.dbKind !== 'postgres') return;
  const version = store.ctx.cache.pages.version;
  for (let i = 0; i < 100 && store.ctx.cache.pages.version === version; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const SHIPPING = `Orders leave our warehouse the same business day.

## Cold chain

| Service | Days |
| --- | --- |
| Overnight | 1 |

Refrigerated items ship **Monday to Wednesday** only. See [returns](/returns).`;

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  await saveStoreSettings(store.ctx, {
    ...DEFAULT_SETTINGS,
    name: 'Clinic Supply Co',
    phone: '(800) 555-0142',
    email: 'help@clinicsupply.example',
    address: '12 Harbor Way, Portland, ME 04101',
    pages: { shipping: SHIPPING, returns: 'Unopened products come back within 30 days.' },
  });
});
afterAll(() => store.close());

describe('store pages', () => {
  it('renders a page from its Markdown in the settings, under its own title', async () => {
    const res = await store.request('/shipping');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<title>Shipping and cold chain | Clinic Supply Co</title>');
    expect(page).toContain('<h1>Shipping and cold chain</h1>');
    expect(page).toContain('<h2>Cold chain</h2>');
    expect(page).toContain('<td>Overnight</td>');
    expect(page).toContain('<strong>Monday to Wednesday</strong>');
    expect(page).toContain('<a href="/returns">returns</a>');
    expect(page).toContain('<link rel="canonical" href="http://store.test/shipping">');
  });

  it('answers 404 for a page the store has not written, and leaves it out of the footer', async () => {
    const res = await store.request('/terms');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Clinic Supply Co has not published this page yet.');
    const footer = footerOf(await (await store.request('/shipping')).text());
    expect(footer).toContain('<a href="/shipping">Shipping and cold chain</a>');
    expect(footer).toContain('<a href="/returns">Returns and refunds</a>');
    expect(footer).not.toContain('href="/terms"');
    expect(footer).not.toContain('href="/privacy"');
  });

  it("shows the store's contact details on the contact page even before it has text", async () => {
    const res = await store.request('/contact');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<a href="tel:+18005550142">(800) 555-0142</a>');
    expect(page).toContain('<a href="mailto:help@clinicsupply.example">help@clinicsupply.example</a>');
    expect(page).toContain('<dd>12 Harbor Way, Portland, ME 04101</dd>');
    expect(footerOf(page)).toContain('<a href="/contact">Contact us</a>');
  });

  it('sanitises the Markdown: no script, no event handler, no javascript: link', async () => {
    const hostile = [
      '<script>alert("x")</script>',
      '<img src="x" onerror="alert(1)">',
      '[click me](javascript:alert(1))',
      '<a href="https://evil.example" onclick="steal()">raw link</a>',
    ].join('\n\n');
    await saveStoreSettings(store.ctx, { ...DEFAULT_SETTINGS, name: 'Clinic Supply Co', pages: { about: hostile } });
    const page = await (await store.request('/about')).text();
    const body = page.slice(page.indexOf('<article class="store-page">'), page.indexOf('</article>'));
    expect(body).not.toMatch(/<script|<img|<[^>]+\son\w+=|href="javascript:/i);
    // Typed HTML is shown as the text it is, never run.
    expect(body).toContain('&lt;script&gt;');
  });

  it('serves a page from the cache and shows a settings save on the next request', async () => {
    await saveStoreSettings(store.ctx, {
      ...DEFAULT_SETTINGS,
      name: 'Clinic Supply Co',
      pages: { privacy: 'We keep your orders for seven years.' },
    });
    await waitForCacheEcho();
    const first = await store.request('/privacy');
    expect(first.headers.get('x-cache')).toBe('miss');
    const second = await store.request('/privacy');
    expect(second.headers.get('x-cache')).toBe('hit');
    expect(await second.text()).toContain('We keep your orders for seven years.');

    await saveStoreSettings(store.ctx, {
      ...DEFAULT_SETTINGS,
      name: 'Clinic Supply Co',
      pages: { privacy: 'We keep your orders for six years.' },
    });
    const after = await store.request('/privacy');
    expect(after.headers.get('x-cache')).toBe('miss');
    const page = await after.text();
    expect(page).toContain('We keep your orders for six years.');
    expect(page).not.toContain('seven years');
    // Pages that only link to it learn of it too: the footer of every cached page changed.
    expect(footerOf(await (await store.request('/')).text())).toContain('<a href="/privacy">Privacy notice</a>');
  });
});

describe('the demo store', () => {
  it('has written every store page, and its footer links to all of them', async () => {
    const demo = await createTestStore();
    try {
      const footer = footerOf(await (await demo.request('/')).text());
      for (const page of STORE_PAGES) {
        expect(footer).toContain(`<a href="${page.path}">${page.title}</a>`);
        const res = await demo.request(page.path);
        expect(res.status, page.path).toBe(200);
        const text = await res.text();
        const article = text.slice(text.indexOf('<article class="store-page">'), text.indexOf('</article>'));
        // Real pages, not a line each: the shortest (contact) still says when and how to reach the store.
        expect(article.length, page.path).toBeGreaterThan(1500);
      }
      const returns = await (await demo.request('/returns')).text();
      expect(returns).toContain('<strong>Refrigerated products</strong>');
      const shipping = await (await demo.request('/shipping')).text();
      expect(shipping).toContain('2 and 8 °C');
    } finally {
      await demo.close();
    }
  });
});

function footerOf(page: string): string {
  return page.slice(page.indexOf('<footer'));
}
