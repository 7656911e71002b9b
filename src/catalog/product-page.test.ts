import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, saveStoreSettings } from '#src/store/settings.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { DSHEA_STATEMENT } from './labels.ts';
import type { Category } from './schema.ts';
import { updateCategory, updateProduct } from './service.ts';
import { createTestCategory, createTestProduct } from './test-factory.ts';

let store: TestStore;
let regenerative: Category;

function jsonLdOf(page: string): Record<string, any> {
  const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)?.[1];
  expect(block).toBeDefined();
  return JSON.parse(block!);
}

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  const { ctx } = store;
  await saveStoreSettings(ctx, { ...DEFAULT_SETTINGS, name: 'Test Med Store', phone: '(800) 555-0100' });
  const parent = await createTestCategory(ctx, { slug: 'aesthetics', name: 'Aesthetics' });
  regenerative = await createTestCategory(ctx, { slug: 'regenerative', name: 'Regenerative', parentId: parent.id });
  await createTestProduct(ctx, {
    slug: 'growth-serum',
    name: 'Growth Factor Serum',
    brand: 'Lab Brand',
    sku: 'GFS-10',
    summary: 'A topical serum for thinning hair.',
    description:
      '## How it works\n\nApply **after** microneedling.\n\n<script>alert("x")</script>\n\n' +
      '[bad link](javascript:alert(1)) <img src=x onerror="alert(2)">',
    directions: 'Apply 1 ml to the scalp *twice* a day.',
    images: [
      { src: '/assets/demo/serum.svg', alt: 'Amber dropper bottle of growth factor serum' },
      { src: '/assets/demo/serum-box.svg', alt: 'Serum carton, side view' },
    ],
    priceCents: 8900,
    compareAtCents: 9900,
    categoryId: regenerative.id,
    form: 'serum',
    route: 'topical',
    activeIngredients: [
      { name: 'Basic fibroblast growth factor (bFGF)', amount: '10 mcg/ml' },
      { name: 'Copper peptide' },
    ],
    sideEffects: ['Mild redness where applied'],
    regulatoryStatus: 'cosmetic',
    storage: 'refrigerated',
    stock: 3,
  });
  await createTestProduct(ctx, {
    slug: 'laser-cap',
    name: 'Laser Cap',
    regulatoryStatus: 'fda-cleared',
    form: 'device',
    route: 'device',
    accessClass: 'professional',
    stock: 0,
    priceCents: 49900,
  });
  await createTestProduct(ctx, {
    slug: 'hair-gummies',
    name: 'Hair Gummies',
    summary: 'Vitamins and minerals for healthy hair.',
    regulatoryStatus: 'dietary-supplement',
    form: 'gummy',
    route: 'oral',
  });
  await createTestProduct(ctx, {
    slug: 'exosome-vial',
    name: 'Exosome Vial',
    regulatoryStatus: 'not-fda-approved',
    accessClass: 'rx-only',
    form: 'vial',
    route: 'injectable',
  });
  await createTestProduct(ctx, { slug: 'hidden-draft', name: 'Hidden Draft', status: 'draft' });
});
afterAll(() => store.close());

describe('/products/:slug', () => {
  it('shows name, price with the compare-at price, low stock, images with alt text and breadcrumbs', async () => {
    const res = await store.request('/products/growth-serum');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<h1>Growth Factor Serum</h1>');
    expect(page).toContain('$89.00');
    expect(page).toMatch(/<s class="price-was">[\s\S]*\$99\.00<\/s>/);
    expect(page).toContain('Save 10%');
    expect(page).toContain('Low stock: only 3 left');
    expect(page).toContain('alt="Amber dropper bottle of growth factor serum"');
    expect(page).toContain('alt="Serum carton, side view"');
    expect(page).toMatch(
      /href="\/categories\/aesthetics">Aesthetics<\/a>[\s\S]*href="\/categories\/regenerative">Regenerative<\/a>[\s\S]*aria-current="page">Growth Factor Serum/,
    );
  });

  it('renders the facts table with ingredients, storage, route and regulatory wording', async () => {
    const page = await (await store.request('/products/growth-serum')).text();
    const facts = /<table class="facts-table">([\s\S]*?)<\/table>/.exec(page)?.[1] ?? '';
    // A number and its unit never part at the end of a line; a short value stays on one line.
    expect(facts).toContain(
      'Basic fibroblast growth factor (bFGF) <span class="amount"><span class="nowrap">10\u00a0mcg/ml</span></span>',
    );
    expect(facts).toContain('Copper peptide');
    expect(facts).toContain('Topical (on the skin or scalp)');
    expect(facts).toContain('Refrigerated (2-\u20608\u00a0°C / 36-\u206046\u00a0°F)');
    expect(facts).toContain('>Cosmetic</span>');
    expect(facts).toContain('Available to everyone');
    expect(facts).toContain('GFS-10');
    expect(page).toContain('<li>Mild redness where applied</li>');
    expect(page).toContain('Ships refrigerated on ice');
  });

  it('renders the Markdown description safely', async () => {
    const page = await (await store.request('/products/growth-serum')).text();
    expect(page).toContain('<h2>How it works</h2>');
    expect(page).toContain('Apply <strong>after</strong> microneedling.');
    expect(page).toContain('Apply 1\u00a0ml to the scalp <em>twice</em> a day.');
    expect(page).not.toContain('<script>alert');
    expect(page).not.toMatch(/<img[^>]+onerror/);
    expect(page).not.toContain('href="javascript:');
  });

  it('never calls a cleared device FDA-approved, and shows the professional badge with how to qualify', async () => {
    const page = await (await store.request('/products/laser-cap')).text();
    expect(page).toContain('FDA-cleared (510(k))');
    expect(page).not.toContain('FDA-approved');
    expect(page).toContain('Professional only');
    expect(page).toContain('This product is sold to licensed professionals only.');
    expect(page).toContain('Sign in or create an account, then submit a professional licence');
    expect(page).toContain('Out of stock. Call <a href="tel:+18005550100">(800) 555-0100</a> for restock dates');
  });

  it('marks an unapproved rx-only product as such', async () => {
    const page = await (await store.request('/products/exosome-vial')).text();
    expect(page).toContain('Not FDA-approved');
    expect(page).toContain('This product is sold to verified prescribers only.');
    expect(page).toContain('a prescriber licence (MD, DO, NP, PA or dentist)');
    expect(page).toContain('Injectable (by a qualified provider)');
  });

  it('carries the DSHEA statement on a dietary supplement only', async () => {
    const gummies = await (await store.request('/products/hair-gummies')).text();
    expect(gummies).toContain(DSHEA_STATEMENT);
    expect(gummies).toContain('In stock');
    const serum = await (await store.request('/products/growth-serum')).text();
    expect(serum).not.toContain(DSHEA_STATEMENT);
  });

  it('describes the product in valid JSON-LD with an offer', async () => {
    const data = jsonLdOf(await (await store.request('/products/growth-serum')).text());
    expect(data['@type']).toBe('Product');
    expect(data.name).toBe('Growth Factor Serum');
    expect(data.sku).toBe('GFS-10');
    expect(data.brand).toEqual({ '@type': 'Brand', name: 'Lab Brand' });
    expect(data.image).toEqual([
      'http://store.test/assets/demo/serum.svg',
      'http://store.test/assets/demo/serum-box.svg',
    ]);
    expect(data.offers).toMatchObject({
      '@type': 'Offer',
      price: '89.00',
      priceCurrency: 'USD',
      availability: 'https://schema.org/LimitedAvailability',
      url: 'http://store.test/products/growth-serum',
    });
    const cap = jsonLdOf(await (await store.request('/products/laser-cap')).text());
    expect(cap.offers.availability).toBe('https://schema.org/OutOfStock');
  });

  it('answers 404 for unknown, malformed and unpublished products', async () => {
    for (const path of ['/products/no-such-product', '/products/hidden-draft', '/products/UPPER%20case']) {
      const res = await store.request(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).toContain('We could not find that page');
    }
  });

  it('redirects an old slug to the new one after a rename, and through a second rename', async () => {
    const product = await createTestProduct(store.ctx, { slug: 'first-name', name: 'Renamed Product' });
    await updateProduct(store.ctx, { id: product.id, changes: { slug: 'second-name' } });
    const moved = await store.request('/products/first-name');
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe('/products/second-name');
    await updateProduct(store.ctx, { id: product.id, changes: { slug: 'third-name' } });
    for (const old of ['first-name', 'second-name']) {
      const res = await store.request(`/products/${old}`);
      expect(res.status).toBe(301);
      expect(res.headers.get('location')).toBe('/products/third-name');
    }
    expect((await store.request('/products/third-name')).status).toBe(200);
    // Taking an old slug back makes it a live page again, not a redirect loop.
    await updateProduct(store.ctx, { id: product.id, changes: { slug: 'first-name' } });
    expect((await store.request('/products/first-name')).status).toBe(200);
    expect((await store.request('/products/third-name')).headers.get('location')).toBe('/products/first-name');
  });

  it('redirects an old category slug to the renamed category', async () => {
    const category = await createTestCategory(store.ctx, { slug: 'old-shelf', name: 'Shelf' });
    await updateCategory(store.ctx, { id: category.id, changes: { slug: 'new-shelf' } });
    const res = await store.request('/categories/old-shelf');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/categories/new-shelf');
  });
});
