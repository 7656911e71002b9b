import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { DSHEA_STATEMENT } from './labels.ts';
import { updateProduct } from './service.ts';
import { createTestCategory, createTestProduct } from './test-factory.ts';

let store: TestStore;

async function getJson(path: string) {
  const res = await store.request(path);
  return { res, body: (await res.json()) as any };
}

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  const { ctx } = store;
  const hair = await createTestCategory(ctx, { slug: 'hair-care', name: 'Hair care', position: 1 });
  const gummies = await createTestCategory(ctx, { slug: 'hair-gummies', name: 'Hair gummies', parentId: hair.id });
  await createTestCategory(ctx, { slug: 'devices', name: 'Devices', position: 2 });
  for (let i = 0; i < 7; i++) {
    await createTestProduct(ctx, {
      slug: `serum-${i}`,
      name: `Serum ${i}`,
      // Two pairs share a price, so keyset paging must break ties by id.
      priceCents: 1000 + Math.floor(i / 2) * 100,
      categoryId: hair.id,
    });
  }
  await createTestProduct(ctx, {
    slug: 'chewable-gummies',
    name: 'Chewable Gummies',
    summary: 'Biotin and zinc.',
    description: 'Two a **day**.',
    categoryId: gummies.id,
    regulatoryStatus: 'dietary-supplement',
    form: 'gummy',
    route: 'oral',
    priceCents: 2999,
    compareAtCents: 3499,
    activeIngredients: [{ name: 'Biotin', amount: '5000 mcg' }],
    sideEffects: ['Upset stomach'],
    images: [{ src: '/assets/demo/gummies.svg', alt: 'A jar of gummies' }],
  });
  await createTestProduct(ctx, { slug: 'draft-thing', name: 'Draft Thing', status: 'draft', categoryId: hair.id });
});
afterAll(() => store.close());

describe('GET /api/store/products', () => {
  it('lists active products with money in cents, ISO dates and a total', async () => {
    const { res, body } = await getJson('/api/store/products?category=hair-care&limit=3');
    expect(res.status).toBe(200);
    expect(body.total).toBe(8);
    expect(body.page).toBe(1);
    expect(body.pageCount).toBe(3);
    expect(body.limit).toBe(3);
    expect(body.items.map((p: any) => p.slug)).toEqual(['chewable-gummies', 'serum-0', 'serum-1']);
    const gummies = body.items[0];
    expect(gummies).toMatchObject({
      priceCents: 2999,
      compareAtCents: 3499,
      currency: 'USD',
      url: 'http://store.test/products/chewable-gummies',
      category: { slug: 'hair-gummies', name: 'Hair gummies' },
      regulatoryStatus: 'dietary-supplement',
      regulatoryLabel: 'Dietary supplement',
      stockStatus: 'in-stock',
      images: [{ src: 'http://store.test/assets/demo/gummies.svg', alt: 'A jar of gummies' }],
    });
    expect(new Date(gummies.createdAt).toISOString()).toBe(gummies.createdAt);
    expect(body.items.some((p: any) => p.slug === 'draft-thing')).toBe(false);
  });

  it('counts every match on a middle page, the last page, a page past the end and a cursor page', async () => {
    for (const query of ['limit=3&page=2', 'limit=3&page=3', 'limit=3&page=9', 'limit=100']) {
      const { body } = await getJson(`/api/store/products?category=hair-care&${query}`);
      expect(body.total, query).toBe(8);
    }
    const { body: first } = await getJson('/api/store/products?category=hair-care&limit=3');
    const { body: next } = await getJson(`/api/store/products?category=hair-care&limit=3&cursor=${first.nextCursor}`);
    expect(next.total).toBe(8);
  });

  it('pages by cursor through every product exactly once, for each sort', async () => {
    for (const sort of ['name', 'price-asc', 'price-desc', 'newest']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let { body } = await getJson(`/api/store/products?sort=${sort}&limit=3`);
      for (;;) {
        seen.push(...body.items.map((p: any) => p.slug));
        cursor = body.nextCursor;
        if (!cursor) break;
        expect(body.page === null || body.page === 1).toBe(true);
        ({ body } = await getJson(`/api/store/products?sort=${sort}&limit=3&cursor=${cursor}`));
      }
      expect(seen, sort).toHaveLength(8);
      expect(new Set(seen).size, sort).toBe(8);
      const { body: all } = await getJson(`/api/store/products?sort=${sort}&limit=100`);
      expect(seen, sort).toEqual(all.items.map((p: any) => p.slug));
    }
  });

  it('filters by text', async () => {
    const { body } = await getJson('/api/store/products?q=biotin');
    expect(body.items.map((p: any) => p.slug)).toEqual(['chewable-gummies']);
  });

  it.each([
    ['limit=100000', 'limit'],
    ['limit=0', 'limit'],
    ['page=-1', 'page'],
    ['page=abc', 'page'],
    ['sort=bogus', 'sort'],
    ['cursor=not-a-cursor', 'cursor'],
    ['q=(201 characters)', 'q'],
    ['category=Not%20a%20slug', 'category'],
  ])('refuses %s with problem+json naming the field', async (query, field) => {
    const res = await store.request(`/api/store/products?${query.replace('(201 characters)', 'x'.repeat(201))}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = (await res.json()) as any;
    expect(body.status).toBe(400);
    expect(body.errors.map((e: any) => e.field)).toContain(field);
  });

  // A cursor is opaque, but anyone can decode and re-encode one: its value must fit the column it is compared with.
  const cursorOf = (s: string, v: string, id = '0195b4ba-1c2d-7e3f-8a9b-0c1d2e3f4a5b') =>
    Buffer.from(JSON.stringify({ s, v, id })).toString('base64url');

  it.each([
    ['price-asc', '2147483648'],
    ['price-desc', '999999999999'],
    ['newest', '0000-01-01T00:00:00.000000Z'],
    ['newest', '2026-02-30T00:00:00.000000Z'],
    ['newest', 'yesterday'],
    ['name', 'a\u0000b'],
  ])('refuses a %s cursor holding %j, which its column cannot hold, with a 400 naming cursor', async (sort, v) => {
    const res = await store.request(`/api/store/products?sort=${sort}&cursor=${cursorOf(sort, v)}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = (await res.json()) as any;
    expect(body.errors).toEqual([{ field: 'cursor', message: 'is not a valid cursor' }]);
  });

  it.each([
    ['price-asc', '2147483647'],
    ['price-desc', '0'],
    ['newest', '0001-01-01T00:00:00.000000Z'],
    ['newest', '9999-12-31T23:59:59.999999Z'],
  ])('accepts a %s cursor at the edge of its column, %j', async (sort, v) => {
    const res = await store.request(`/api/store/products?sort=${sort}&cursor=${cursorOf(sort, v)}`);
    expect(res.status).toBe(200);
  });

  it('refuses page and cursor together, and a cursor made for another sort', async () => {
    const { body } = await getJson('/api/store/products?limit=2');
    const both = await store.request(`/api/store/products?page=2&cursor=${body.nextCursor}`);
    expect(both.status).toBe(400);
    const other = await store.request(`/api/store/products?sort=price-asc&cursor=${body.nextCursor}`);
    expect(other.status).toBe(400);
    expect(((await other.json()) as any).detail).toContain('sort=name');
  });

  it('answers an unknown category with a 404 problem', async () => {
    const res = await store.request('/api/store/products?category=nowhere');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('GET /api/store/products/{slug}', () => {
  it('answers every fact with compliance texts', async () => {
    const { res, body } = await getJson('/api/store/products/chewable-gummies');
    expect(res.status).toBe(200);
    expect(body).toMatchObject({
      slug: 'chewable-gummies',
      description: 'Two a **day**.',
      descriptionHtml: '<p>Two a <strong>day</strong>.</p>\n',
      activeIngredients: [{ name: 'Biotin', amount: '5000 mcg' }],
      sideEffects: ['Upset stomach'],
      dsheaStatement: DSHEA_STATEMENT,
      shippingNote: null,
      accessClass: 'open',
      form: 'gummy',
      route: 'oral',
    });
  });

  it('answers 404 problem+json for unknown and draft products', async () => {
    for (const slug of ['nothing-here', 'draft-thing']) {
      const res = await store.request(`/api/store/products/${slug}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('redirects an old slug to the API address of the new one', async () => {
    const product = await createTestProduct(store.ctx, { slug: 'api-old-slug' });
    await updateProduct(store.ctx, { id: product.id, changes: { slug: 'api-new-slug' } });
    const res = await store.request('/api/store/products/api-old-slug');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/api/store/products/api-new-slug');
  });
});

describe('GET /api/store/categories', () => {
  it('answers the tree with product counts that include subcategories', async () => {
    const { res, body } = await getJson('/api/store/categories');
    expect(res.status).toBe(200);
    const [hair, devices] = body.items;
    expect(hair).toMatchObject({ slug: 'hair-care', productCount: 8, url: 'http://store.test/categories/hair-care' });
    expect(hair.children).toEqual([expect.objectContaining({ slug: 'hair-gummies', productCount: 1, children: [] })]);
    expect(devices).toMatchObject({ slug: 'devices', productCount: 0 });
  });
});

describe('OpenAPI document', () => {
  it('describes the catalogue and search endpoints with their parameters', async () => {
    const { body } = await getJson('/api/openapi.json');
    const paths = body.paths;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/api/store/products',
        '/api/store/products/{slug}',
        '/api/store/categories',
        '/api/store/search',
      ]),
    );
    const params = paths['/api/store/products'].get.parameters.map((p: any) => p.name);
    expect(params).toEqual(expect.arrayContaining(['category', 'sort', 'q', 'page', 'cursor', 'limit']));
    expect(body.components.schemas.ProductSummary.properties.priceCents.type).toBe('integer');
    expect(JSON.stringify(body.components.schemas.ProductDetail)).toContain('dsheaStatement');
    expect(JSON.stringify(body.components.schemas.CategoryNode.properties.children)).toContain(
      '#/components/schemas/CategoryNode',
    );
  });
});
