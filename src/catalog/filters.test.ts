import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockLots } from '#src/inventory/schema.ts';
import { adjustLot } from '#src/inventory/service.ts';
import { EVERYTHING } from '#src/web/page-cache.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { type Product, products } from './schema.ts';
import { updateCategory } from './service.ts';
import { createTestCategory, createTestProduct } from './test-factory.ts';

let store: TestStore;
let gauze: Product;

// Product slugs of the cards on a list page, in page order.
function cardSlugs(page: string): string[] {
  return [...page.matchAll(/class="card-title"><a href="\/products\/([^"]+)"/g)].map((m) => m[1]!);
}

async function pageOf(path: string, status = 200): Promise<string> {
  const res = await store.request(path);
  const body = await res.text();
  expect(res.status, `${path}: ${body.slice(0, 200)}`).toBe(status);
  return body;
}

async function apiSlugs(query: string): Promise<string[]> {
  const res = await store.request(`/api/store/products?limit=100&${query}`);
  expect(res.status, query).toBe(200);
  return ((await res.json()) as any).items.map((p: any) => p.slug);
}

// On PostgreSQL a write's NOTIFY also comes back to this instance and empties the cache once more, a moment
// later; a test that expects a hit waits for that echo first.
async function waitForCacheEcho(): Promise<void> {
  if (store.ctx.dbKind !== 'postgres') return;
  const version = store.ctx.cache.pages.version;
  for (let i = 0; i < 100 && store.ctx.cache.pages.version === version; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  const { ctx } = store;
  const skin = await createTestCategory(ctx, { slug: 'skin', name: 'Skin', position: 1 });
  const serums = await createTestCategory(ctx, { slug: 'skin-serums', name: 'Serums', parentId: skin.id });
  const devices = await createTestCategory(ctx, { slug: 'devices', name: 'Devices', position: 2 });
  const bulk = await createTestCategory(ctx, { slug: 'bulk', name: 'Bulk shelf', position: 3 });
  await createTestProduct(ctx, {
    slug: 'approved-tablets',
    name: 'Approved Tablets',
    regulatoryStatus: 'fda-approved',
    priceCents: 1500,
    stock: 10,
    categoryId: skin.id,
  });
  await createTestProduct(ctx, {
    slug: 'cleared-comb',
    name: 'Cleared Comb',
    regulatoryStatus: 'fda-cleared',
    form: 'device',
    route: 'device',
    priceCents: 29900,
    stock: 0,
    categoryId: devices.id,
  });
  await createTestProduct(ctx, {
    slug: 'cold-serum',
    name: 'Cold Serum',
    regulatoryStatus: 'not-fda-approved',
    accessClass: 'professional',
    storage: 'refrigerated',
    priceCents: 16500,
    stock: 3,
    categoryId: serums.id,
  });
  await createTestProduct(ctx, {
    slug: 'rx-cream',
    name: 'Rx Cream',
    regulatoryStatus: 'fda-approved',
    accessClass: 'rx-only',
    priceCents: 2700,
    stock: 20,
    categoryId: skin.id,
  });
  await createTestProduct(ctx, {
    slug: 'cosmetic-balm',
    name: 'Cosmetic Balm',
    priceCents: 3200,
    stock: 0,
    categoryId: serums.id,
  });
  await createTestProduct(ctx, {
    slug: 'daily-gummies',
    name: 'Daily Gummies',
    regulatoryStatus: 'dietary-supplement',
    form: 'gummy',
    route: 'oral',
    priceCents: 3400,
    stock: 140,
  });
  gauze = await createTestProduct(ctx, { slug: 'gauze-pads', name: 'Gauze Pads', priceCents: 1999, stock: 5 });
  await createTestProduct(ctx, { slug: 'draft-drops', name: 'Draft Drops', status: 'draft', priceCents: 1500 });
  // 60 products on one shelf, every other one in stock: 30 in stock, more than one page of 24.
  const bulkRows = await ctx.db
    .insert(products)
    .values(
      Array.from({ length: 60 }, (_, i) => ({
        slug: `bulk-item-${String(i).padStart(2, '0')}`,
        // Named to sort after the other products, which then all fit on the first page.
        name: `Zz bulk item ${String(i).padStart(2, '0')}`,
        sku: `FILTER-BULK-${i}`,
        // Pairs share a price, so keyset pages must break ties by id.
        priceCents: 500 + Math.floor(i / 2) * 10,
        categoryId: bulk.id,
        status: 'active' as const,
        form: 'kit' as const,
        route: 'topical' as const,
        regulatoryStatus: 'cosmetic' as const,
      })),
    )
    .returning({ id: products.id, slug: products.slug });
  // Every other one has ten units in stock.
  await ctx.db.insert(stockLots).values(
    bulkRows
      .filter((row) => Number(row.slug.slice(-2)) % 2 === 0)
      .map((row) => ({
        productId: row.id,
        lotNumber: 'BULK',
        receivedOn: '2026-01-01',
        quantityReceived: 10,
        quantityOnHand: 10,
      })),
  );
  ctx.cache.pages.invalidate(EVERYTHING);
});
afterAll(() => store.close());

// The small products, without the bulk shelf.
const notBulk = (slugs: string[]) => slugs.filter((s) => !s.startsWith('bulk-item-'));

describe('filters on /products', () => {
  it.each([
    ['regulatoryStatus=fda-approved', ['approved-tablets', 'rx-cream']],
    ['regulatoryStatus=fda-approved&regulatoryStatus=fda-cleared', ['approved-tablets', 'cleared-comb', 'rx-cream']],
    ['accessClass=professional', ['cold-serum']],
    ['accessClass=professional&accessClass=rx-only', ['cold-serum', 'rx-cream']],
    ['storage=refrigerated', ['cold-serum']],
    ['minPrice=30', ['cleared-comb', 'cold-serum', 'cosmetic-balm', 'daily-gummies']],
    ['maxPrice=19.99', ['approved-tablets', 'gauze-pads']],
    ['minPrice=15&maxPrice=32', ['approved-tablets', 'cosmetic-balm', 'gauze-pads', 'rx-cream']],
    ['inStock=true', ['approved-tablets', 'cold-serum', 'daily-gummies', 'gauze-pads', 'rx-cream']],
  ])('%s lists only the matching products', async (query, expected) => {
    expect(notBulk(cardSlugs(await pageOf(`/products?${query}`)))).toEqual(expected);
    expect(notBulk(await apiSlugs(query))).toEqual(expected);
  });

  it('counts low stock as in stock and leaves drafts out whatever the filters', async () => {
    const page = await pageOf('/products?inStock=true&accessClass=professional');
    expect(cardSlugs(page)).toEqual(['cold-serum']);
    expect(cardSlugs(await pageOf('/products?maxPrice=15'))).not.toContain('draft-drops');
  });

  it('combines filters with the category, its subcategories and the sort', async () => {
    const page = await pageOf('/products?category=skin&regulatoryStatus=fda-approved&sort=price-desc');
    expect(cardSlugs(page)).toEqual(['rx-cream', 'approved-tablets']);
    expect(cardSlugs(await pageOf('/categories/skin?inStock=true&accessClass=open'))).toEqual(['approved-tablets']);
    expect(cardSlugs(await pageOf('/categories/skin?storage=refrigerated'))).toEqual(['cold-serum']);
    expect(await apiSlugs('category=skin&regulatoryStatus=fda-approved&sort=price-desc')).toEqual([
      'rx-cream',
      'approved-tablets',
    ]);
  });

  it('reads the form as a browser without script sends it, empty fields and all', async () => {
    const page = await pageOf('/products?category=skin&regulatoryStatus=fda-approved&minPrice=&maxPrice=&sort=name');
    expect(cardSlugs(page)).toEqual(['approved-tablets', 'rx-cream']);
  });

  it('shows the filters it applied: checked boxes, prices, and the category in a GET form', async () => {
    const page = await pageOf('/products?category=skin&accessClass=open&minPrice=10&inStock=true&sort=price-asc');
    expect(page).toContain('<form class="filter-form" id="product-filters" method="get" action="/products"');
    expect(page).toContain('<input type="hidden" name="category" value="skin">');
    expect(page).toMatch(/name="accessClass" value="open" checked>/);
    expect(page).not.toMatch(/name="accessClass" value="professional" checked>/);
    expect(page).toMatch(/name="inStock" value="true" checked>/);
    expect(page).toMatch(/id="filter-minPrice" name="minPrice" value="10"/);
    expect(page).toContain('<option value="price-asc" selected>');
    expect(page).toContain('Filters<span class="filter-count"> (3)</span>');
    expect(page).toMatch(/<script type="module" src="\/assets\/product-filters\.js\?v=[0-9a-f]+"><\/script>/);
  });

  it('shows each active filter and the category as a link that removes just that one', async () => {
    const page = await pageOf('/products?category=skin&accessClass=open&accessClass=rx-only&inStock=true');
    const chips = [...page.matchAll(/<a class="chip chip-removable" href="([^"]+)"[^>]*>\s*([\s\S]*?)<\/a>/g)].map(
      (m) => [
        m[2]!
          .replace(/<[^>]+>/g, '')
          .replace(/\s+/g, ' ')
          .trim(),
        m[1]!.replace(/&amp;/g, '&'),
      ],
    );
    expect(chips).toEqual([
      ['Remove filter: Category: Skin×', '/products?accessClass=open&accessClass=rx-only&inStock=true'],
      ['Remove filter: Available to everyone×', '/products?category=skin&accessClass=rx-only&inStock=true'],
      ['Remove filter: Rx only×', '/products?category=skin&accessClass=open&inStock=true'],
      ['Remove filter: In stock only×', '/products?category=skin&accessClass=open&accessClass=rx-only'],
    ]);
    expect(page).toContain('class="clear-filters" href="/products?category=skin" data-live-link>Clear filters</a>');
  });

  it('offers "All products" and the categories with the filters kept', async () => {
    const page = await pageOf('/categories/skin?storage=refrigerated&sort=newest');
    expect(page).toContain('<a href="/products?storage=refrigerated&amp;sort=newest">All products</a>');
    expect(page).toContain(
      '<a href="/categories/skin?storage=refrigerated&amp;sort=newest" aria-current="page">Skin</a>',
    );
    expect(page).toContain('<a href="/categories/skin-serums?storage=refrigerated&amp;sort=newest">Serums</a>');
    const all = await pageOf('/products?inStock=true');
    expect(all).toContain('<a href="/products?inStock=true" aria-current="page">All products</a>');
    expect(all).toContain('<a href="/categories/devices?inStock=true">Devices</a>');
  });

  it('keeps the filters when a renamed category redirects', async () => {
    const shelf = await createTestCategory(store.ctx, { slug: 'old-shelf', name: 'Old shelf' });
    await updateCategory(store.ctx, { id: shelf.id, changes: { slug: 'new-shelf' } });
    const res = await store.request('/categories/old-shelf?inStock=true&sort=newest');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/categories/new-shelf?inStock=true&sort=newest');
  });

  it('pages through a filtered list with links that keep the filters and the sort', async () => {
    const first = await pageOf('/products?category=bulk&inStock=true&sort=price-desc');
    expect(first).toContain('Showing 1&ndash;24 of 30 products');
    expect(first).toContain('href="/products?category=bulk&amp;inStock=true&amp;sort=price-desc&amp;page=2"');
    const second = await pageOf('/products?category=bulk&inStock=true&sort=price-desc&page=2');
    const all = [...cardSlugs(first), ...cardSlugs(second)];
    expect(all).toHaveLength(30);
    expect(new Set(all).size).toBe(30);
    expect(all.every((slug) => Number(slug.slice(-2)) % 2 === 0)).toBe(true);
  });

  it('says when nothing matches, with a way to clear the filters', async () => {
    const page = await pageOf('/products?category=devices&inStock=true');
    expect(cardSlugs(page)).toEqual([]);
    expect(page).toContain('No products match these filters.');
    expect(page).toContain('href="/products?category=devices" data-live-link>Clear filters</a>');
  });

  it.each([
    ['storage=frozen', 'Storage: &quot;frozen&quot; is not one of the choices (ambient, refrigerated)'],
    ['regulatoryStatus=approved', 'Regulatory status: &quot;approved&quot; is not one of the choices'],
    ['accessClass=vip', 'Who can buy: &quot;vip&quot; is not one of the choices'],
    ['minPrice=abc', 'Price from: must be an amount in dollars, such as 20 or 19.99'],
    ['minPrice=-5', 'Price from: must be an amount in dollars'],
    ['maxPrice=1.234', 'Price to: must be an amount in dollars'],
    ['maxPrice=1e3', 'Price to: must be an amount in dollars'],
    ['minPrice=10&minPrice=20', 'Price from: must be given once'],
    ['inStock=yes', 'Availability: must be true, or left out to include products that are out of stock'],
    ['minPrice=50&maxPrice=10', 'Price to: must be at least the minimum price'],
  ])('answers %s with a 400 page that says what was wrong and lists products without it', async (query, message) => {
    const page = await pageOf(`/products?category=skin&${query}`, 400);
    expect(page).toContain('Some filters could not be applied, so the list below leaves them out:');
    expect(page).toContain(message);
    expect(page).toContain('<details class="filter-panel" id="filter-panel" open>');
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(cardSlugs(page).length).toBeGreaterThan(0);
  });

  it('keeps the valid filters when another is refused, and shows a refused price back as typed', async () => {
    const page = await pageOf('/products?accessClass=professional&maxPrice=12%2C50', 400);
    expect(cardSlugs(page)).toEqual(['cold-serum']);
    expect(page).toMatch(/id="filter-maxPrice" name="maxPrice" value="12,50"[^>]*aria-invalid="true"/);
    expect(page).toContain('id="filter-maxPrice-error">must be an amount in dollars, such as 20 or 19.99</p>');
  });

  it('escapes what it shows back of a refused value', async () => {
    const page = await pageOf('/products?storage=%3Cscript%3Ealert(1)%3C%2Fscript%3E', 400);
    expect(page).toContain('&quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot; is not one of the choices');
    expect(page).not.toContain('<script>alert');
  });

  it('still answers a bad page or sort with the error page', async () => {
    const res = await store.request('/products?inStock=true&sort=cheapest');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('That request could not be understood');
  });
});

describe('filters in GET /api/store/products', () => {
  it('pages by cursor through a filtered list exactly once, for each sort', async () => {
    const filter = 'category=bulk&inStock=true&minPrice=5.3';
    const { items: expected } = (await (await store.request(`/api/store/products?${filter}&limit=100`)).json()) as any;
    expect(expected).toHaveLength(27);
    for (const sort of ['name', 'price-asc', 'price-desc', 'newest']) {
      const all = await apiSlugs(`${filter}&sort=${sort}`);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await store.request(
          `/api/store/products?${filter}&sort=${sort}&limit=7${cursor ? `&cursor=${cursor}` : ''}`,
        );
        const body = (await res.json()) as any;
        expect(body.total, sort).toBe(27);
        seen.push(...body.items.map((p: any) => p.slug));
        cursor = body.nextCursor;
      } while (cursor);
      expect(seen, sort).toEqual(all);
    }
  });

  it.each([
    ['regulatoryStatus=approved', 'regulatoryStatus.0'],
    ['regulatoryStatus=fda-approved&regulatoryStatus=nope', 'regulatoryStatus.1'],
    ['accessClass=vip', 'accessClass.0'],
    ['storage=frozen', 'storage.0'],
    ['minPrice=abc', 'minPrice'],
    ['maxPrice=-1', 'maxPrice'],
    ['minPrice=10&minPrice=20', 'minPrice'],
    ['inStock=yes', 'inStock'],
    ['inStock=false', 'inStock'],
    ['minPrice=50&maxPrice=10', 'maxPrice'],
  ])('refuses %s with problem+json naming %s', async (query, field) => {
    const res = await store.request(`/api/store/products?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = (await res.json()) as any;
    expect(body).toMatchObject({ status: 400, title: 'Bad Request' });
    expect(body.errors.map((e: any) => e.field)).toContain(field);
  });

  it('describes the filters in the OpenAPI document', async () => {
    const doc = (await (await store.request('/api/openapi.json')).json()) as any;
    const params = Object.fromEntries(
      doc.paths['/api/store/products'].get.parameters.map((p: any) => [p.name, p] as const),
    );
    expect(params.regulatoryStatus.schema).toMatchObject({ type: 'array', items: { enum: expect.any(Array) } });
    expect(params.regulatoryStatus.schema.items.enum).toContain('fda-cleared');
    expect(params.accessClass.schema.items.enum).toEqual(['open', 'professional', 'rx-only']);
    expect(params.storage.schema.items.enum).toEqual(['ambient', 'refrigerated']);
    expect(params.minPrice.description).toContain('dollars');
    expect(params.maxPrice.schema.type).toBe('string');
    expect(params.inStock.schema.enum).toEqual(['true']);
  });
});

describe('cached filtered lists', () => {
  it('are served from the cache and refreshed by a product write, as the plain list is', async () => {
    await waitForCacheEcho();
    for (const path of ['/products?inStock=true&maxPrice=20', '/api/store/products?inStock=true&maxPrice=20']) {
      expect((await store.request(path)).headers.get('x-cache'), path).toBe('miss');
      const hit = await store.request(path);
      expect(hit.headers.get('x-cache'), path).toBe('hit');
      expect(await hit.text(), path).toContain('gauze-pads');
    }
    // The last units go: a stock write, which must reach the cached filtered lists without emptying the cache.
    const [lot] = await store.ctx.db.select().from(stockLots).where(eq(stockLots.productId, gauze.id));
    await store.ctx.db.transaction((tx) =>
      adjustLot({ tx, cache: store.ctx.cache }, { lotId: lot!.id, change: -lot!.quantityOnHand, reason: 'Damaged' }),
    );
    const page = await store.request('/products?inStock=true&maxPrice=20');
    expect(page.headers.get('x-cache')).toBe('miss');
    expect(cardSlugs(await page.text())).not.toContain('gauze-pads');
    expect(await apiSlugs('inStock=true&maxPrice=20')).not.toContain('gauze-pads');
  });
});
