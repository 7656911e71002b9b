import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productChangesSchema } from '#src/catalog/validators.ts';
import { EVERYTHING } from '#src/web/page-cache.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { DEMO_ARTICLES, DEMO_PRODUCTS } from './demo-data.ts';
import { drawDemoImages } from './draw-images.ts';
import { seedDemoStore } from './seed.ts';

let store: TestStore;

beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store.close());

describe('the demo store', () => {
  it('has at least 12 active products across hair care, supplements, regenerative and devices', async () => {
    const res = await store.request('/api/store/products?limit=100');
    const body = (await res.json()) as { items: { slug: string; category: { slug: string } | null }[] };
    expect(body.items.length).toBeGreaterThanOrEqual(12);
    const slugs = body.items.map((p) => p.slug);
    for (const slug of [
      'hair-supplement-gummies',
      'pep-factor',
      'exosome-hair-vial',
      'laser-hair-comb',
      'minoxidil-5-topical-solution',
      'prp-kit',
      'microneedling-pen',
    ]) {
      expect(slugs).toContain(slug);
    }
  });

  it('serves a drawing for every product and article image, titled with its alt text', async () => {
    const images = [
      ...DEMO_PRODUCTS.map((p) => ({ src: `/assets/demo/${p.slug}.svg`, alt: p.imageAlt })),
      ...DEMO_ARTICLES.flatMap((a) => (a.coverImage ? [a.coverImage] : [])),
    ];
    for (const image of images) {
      expect(image.alt.length, image.src).toBeGreaterThan(20);
      const res = await store.request(image.src);
      expect(res.status, image.src).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/svg+xml');
      const svg = await res.text();
      expect(svg).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
      expect(svg).toContain(`<title id="t">${image.alt.replace(/&/g, '&amp;')}</title>`);
    }
  });

  it('keeps the committed drawings in step with the code that draws them', async () => {
    for (const [name, svg] of drawDemoImages()) {
      expect(await (await store.request(`/assets/demo/${name}`)).text(), name).toBe(svg);
    }
  });

  it('carries warnings where they apply, valid like any product fact', async () => {
    for (const p of DEMO_PRODUCTS) {
      expect(productChangesSchema.safeParse({ warnings: p.warnings ?? [] }).success, p.slug).toBe(true);
    }
    const res = await store.request('/api/store/products/finasteride-1mg-tablets');
    const finasteride = (await res.json()) as { warnings: { topic: string; text: string }[] };
    const pregnancy = finasteride.warnings.find((w) => w.topic === 'pregnancy');
    expect(pregnancy?.text).toMatch(/^Women who are or may become pregnant must not handle crushed or broken tablets/);
    const page = await (await store.request('/products/finasteride-1mg-tablets')).text();
    expect(page).toContain('<dt>Pregnancy and breastfeeding</dt>');
    const withWarnings = DEMO_PRODUCTS.filter((p) => (p.warnings ?? []).length > 0);
    expect(withWarnings.length).toBeGreaterThanOrEqual(10);
  });

  it('changes nothing when loaded a second time', async () => {
    const before = await (await store.request('/api/store/products?limit=100')).json();
    expect(await seedDemoStore(store.ctx.db)).toEqual({ settings: 0, categories: 0, products: 0, articles: 0 });
    store.ctx.cache.pages.invalidate(EVERYTHING);
    expect(await (await store.request('/api/store/products?limit=100')).json()).toEqual(before);
  });
});
