import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVERYTHING } from '#src/web/page-cache.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { type Category, products } from './schema.ts';
import { createTestCategory, createTestProduct } from './test-factory.ts';

let store: TestStore;
let hair: Category;
let bulk: Category;

// Product slugs of the cards on a list page, in page order.
function cardSlugs(page: string): string[] {
  return [...page.matchAll(/class="card-title"><a href="\/products\/([^"]+)"/g)].map((m) => m[1]!);
}

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  const ctx = store.ctx;
  hair = await createTestCategory(ctx, { slug: 'hair-care', name: 'Hair care', description: 'For scalp and hair.' });
  const supplements = await createTestCategory(ctx, {
    slug: 'hair-supplements',
    name: 'Hair supplements',
    parentId: hair.id,
  });
  const devices = await createTestCategory(ctx, { slug: 'devices', name: 'Devices' });
  bulk = await createTestCategory(ctx, { slug: 'bulk', name: 'Bulk shelf' });
  await createTestProduct(ctx, { slug: 'alpha-serum', name: 'Alpha Serum', priceCents: 3000, categoryId: hair.id });
  await createTestProduct(ctx, {
    slug: 'beta-gummies',
    name: 'Beta Gummies',
    priceCents: 1000,
    categoryId: supplements.id,
  });
  await createTestProduct(ctx, { slug: 'gamma-laser', name: 'Gamma Laser', priceCents: 20000, categoryId: devices.id });
  await createTestProduct(ctx, { slug: 'delta-draft', name: 'Delta Draft', status: 'draft', categoryId: hair.id });
  await createTestProduct(ctx, { slug: 'epsilon-old', name: 'Epsilon Old', status: 'archived', categoryId: hair.id });
  // 30 products in one category, enough for two pages of 24.
  await store.ctx.db.insert(products).values(
    Array.from({ length: 30 }, (_, i) => ({
      slug: `bulk-item-${String(i).padStart(2, '0')}`,
      name: `Bulk item ${String(i).padStart(2, '0')}`,
      sku: `BULK-${i}`,
      priceCents: 500 + i,
      categoryId: bulk.id,
      status: 'active' as const,
      form: 'kit' as const,
      route: 'topical' as const,
      regulatoryStatus: 'cosmetic' as const,
      stock: 10,
    })),
  );
  store.ctx.cache.pages.invalidate(EVERYTHING);
});
afterAll(() => store.close());

describe('/products', () => {
  it('lists active products only, by name, with a count and category filters', async () => {
    const res = await store.request('/products');
    expect(res.status).toBe(200);
    const page = await res.text();
    const slugs = cardSlugs(page);
    expect(slugs.slice(0, 2)).toEqual(['alpha-serum', 'beta-gummies']);
    expect(slugs).not.toContain('delta-draft');
    expect(slugs).not.toContain('epsilon-old');
    expect(page).toContain('Showing 1&ndash;24 of 33 products');
    expect(page).toContain('href="/categories/hair-care"');
    expect(page).toContain('<select id="sort" name="sort" form="product-filters">');
  });

  it('sorts by price both ways and by newest', async () => {
    const asc = cardSlugs(await (await store.request('/products?sort=price-asc&category=hair-care')).text());
    expect(asc).toEqual(['beta-gummies', 'alpha-serum']);
    const desc = cardSlugs(await (await store.request('/products?sort=price-desc')).text());
    expect(desc[0]).toBe('gamma-laser');
    const newest = cardSlugs(await (await store.request('/products?sort=newest&category=hair-care')).text());
    expect(newest).toEqual(['beta-gummies', 'alpha-serum']);
  });

  it('includes products of child categories when filtering by a parent', async () => {
    const page = await (await store.request('/products?category=hair-care')).text();
    expect(cardSlugs(page)).toEqual(['alpha-serum', 'beta-gummies']);
    const child = await (await store.request('/products?category=hair-supplements')).text();
    expect(cardSlugs(child)).toEqual(['beta-gummies']);
  });

  it('pages through a long list with links that keep the sort', async () => {
    const first = await (await store.request('/products?category=bulk&sort=price-desc')).text();
    expect(cardSlugs(first)).toHaveLength(24);
    expect(first).toContain('href="/products?category=bulk&amp;sort=price-desc&amp;page=2"');
    const second = await (await store.request('/products?category=bulk&sort=price-desc&page=2')).text();
    const rest = cardSlugs(second);
    expect(rest).toHaveLength(6);
    expect(rest.at(-1)).toBe('bulk-item-00');
    expect(new Set([...cardSlugs(first), ...rest]).size).toBe(30);
    expect(second).toContain('Showing 25&ndash;30 of 30 products');
  });

  it('answers a page past the end with an empty state linking to page 1', async () => {
    const res = await store.request('/products?page=99');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(cardSlugs(page)).toEqual([]);
    expect(page).toContain('Page 99 is past the end of this list, which has 2 pages.');
    expect(page).toContain('href="/products">Go to page 1</a>');
  });

  it.each([
    ['page=-1', 'page: must be 1 or more'],
    ['page=abc', 'page: must be a whole number'],
    ['page=1.5', 'page: must be a whole number'],
    ['sort=bogus', 'sort: must be one of name, price-asc, price-desc, newest'],
    ['category=%3Cscript%3E', 'category: must be lowercase letters'],
  ])('refuses %s with a clear 400 page', async (query, message) => {
    const res = await store.request(`/products?${query}`);
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('That request could not be understood');
    expect(page).toContain(message);
    expect(page).not.toContain('<script>');
  });

  it('answers an unknown category filter with 404', async () => {
    const res = await store.request('/products?category=no-such-category');
    expect(res.status).toBe(404);
  });
});

describe('/categories/:slug', () => {
  it('shows the heading, description, child categories, breadcrumbs and products of the branch', async () => {
    const res = await store.request('/categories/hair-care');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<h1>Hair care</h1>');
    expect(page).toContain('For scalp and hair.');
    expect(page).toContain('<a href="/categories/hair-supplements">Hair supplements</a>');
    expect(page).toMatch(
      /<nav class="breadcrumbs"[\s\S]*href="\/products">Shop<\/a>[\s\S]*aria-current="page">Hair care</,
    );
    expect(cardSlugs(page)).toEqual(['alpha-serum', 'beta-gummies']);
  });

  it('shows the parent in the breadcrumbs of a child category', async () => {
    const page = await (await store.request('/categories/hair-supplements')).text();
    expect(page).toMatch(/href="\/categories\/hair-care">Hair care<\/a>[\s\S]*aria-current="page">Hair supplements</);
  });

  it('sorts and pages within the category', async () => {
    const page = await (await store.request('/categories/bulk?sort=price-asc&page=2')).text();
    expect(cardSlugs(page)[0]).toBe('bulk-item-24');
    expect(page).toContain('href="/categories/bulk?sort=price-asc"');
  });

  it('answers 404 for an unknown category and 400 for a bad page number', async () => {
    expect((await store.request('/categories/no-such-thing')).status).toBe(404);
    expect((await store.request('/categories/Not%20A%20Slug')).status).toBe(404);
    expect((await store.request('/categories/hair-care?page=0')).status).toBe(400);
  });
});
