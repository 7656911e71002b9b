import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestProduct } from '#src/catalog/test-factory.ts';
import { EVERYTHING } from '#src/web/page-cache.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { insertTestArticle } from './test-factory.ts';

let store: TestStore;

// Product slugs in the product results section, in ranked order.
function productHits(page: string): string[] {
  const section = /id="product-results"([\s\S]*?)<\/section>/.exec(page)?.[1] ?? '';
  return [...section.matchAll(/<h3><a href="\/products\/([^"]+)"/g)].map((m) => m[1]!);
}

async function apiSearch(q: string) {
  const res = await store.request(`/api/store/search?q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return (await res.json()) as {
    suggestion: string | null;
    products: { total: number; items: { slug: string; rank: number }[] };
    articles: { total: number; items: { slug: string }[] };
  };
}

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  const { ctx } = store;
  await createTestProduct(ctx, {
    slug: 'minoxidil-solution',
    name: 'Minoxidil 5% Topical Solution',
    summary: 'A solution applied to the scalp twice a day.',
  });
  await createTestProduct(ctx, { slug: 'laser-comb', name: 'HairMax Laser Comb', summary: 'Low-level light.' });
  await createTestProduct(ctx, { slug: 'plain-comb', name: 'Wide Tooth Comb', summary: 'Detangles wet hair.' });
  await createTestProduct(ctx, { slug: 'melatonin', name: 'Melatonin', summary: 'One tablet at night.' });
  await createTestProduct(ctx, {
    slug: 'melatonin-gummies',
    name: 'Melatonin Sleep Gummies',
    summary: 'Melatonin with chamomile.',
    description: 'Melatonin, melatonin and more melatonin: the melatonin dose most shoppers ask for.',
  });
  // A brand name one letter away: found as a near spelling, never above the real word.
  await createTestProduct(ctx, { slug: 'melatonim-spray', name: 'Melatonim Spray', summary: 'A spray.' });
  await insertTestArticle(ctx.db, {
    slug: 'minoxidil-guide',
    title: 'How minoxidil works',
    excerpt: 'What to expect in the first months.',
  });
  ctx.cache.pages.invalidate(EVERYTHING);
});
afterAll(() => store.close());

describe('near spellings in the demo store', () => {
  let demo: TestStore;
  beforeAll(async () => {
    demo = await createTestStore();
  });
  afterAll(() => demo.close());

  it.each([
    ['minoxidl', '/products/minoxidil-5-topical-solution'],
    ['lazer comb', '/products/laser-hair-comb'],
  ])('finds what a shopper meant by "%s"', async (q, href) => {
    const page = await (await demo.request(`/search?q=${encodeURIComponent(q)}`)).text();
    expect(page).toContain(`<h3><a href="${href}"`);
  });
});

describe('search that forgives typing', () => {
  it('finds the minoxidil product and article for "minoxidl"', async () => {
    const page = await (await store.request('/search?q=minoxidl')).text();
    expect(productHits(page)).toEqual(['minoxidil-solution']);
    expect(page).toContain('href="/blog/minoxidil-guide"');
    expect(page).toContain('Nothing matched &ldquo;minoxidl&rdquo; as typed; these names are spelled close to it.');
    const body = await apiSearch('minoxidl');
    expect(body.products.items.map((p) => p.slug)).toEqual(['minoxidil-solution']);
    expect(body.articles.items.map((a) => a.slug)).toEqual(['minoxidil-guide']);
    expect(body.suggestion).toBeNull();
  });

  it('finds the laser comb for "lazer comb" and ranks it first', async () => {
    const page = await (await store.request('/search?q=lazer+comb')).text();
    expect(productHits(page)[0]).toBe('laser-comb');
    expect((await apiSearch('lazer comb')).products.items[0]?.slug).toBe('laser-comb');
  });

  it('ranks an exact name first, then matches of the words, then near spellings', async () => {
    const body = await apiSearch('melatonin');
    expect(body.products.items.map((p) => p.slug)).toEqual(['melatonin', 'melatonin-gummies', 'melatonim-spray']);
    const [exact, words, near] = body.products.items.map((p) => p.rank);
    expect(exact).toBeGreaterThan(words!);
    expect(words).toBeGreaterThan(0);
    expect(near).toBeLessThan(0);
  });

  it('gives no hits and no suggestion for a nonsense query', async () => {
    const body = await apiSearch('qwzxv');
    expect(body.products.total + body.articles.total).toBe(0);
    expect(body.suggestion).toBeNull();
    const page = await (await store.request('/search?q=qwzxv')).text();
    expect(page).toContain('No results for &ldquo;qwzxv&rdquo;');
    expect(page).not.toContain('Did you mean');
  });

  it('suggests a corrected query that finds what a badly misspelled one missed', async () => {
    const body = await apiSearch('minixodil');
    expect(body.products.total + body.articles.total).toBe(0);
    expect(body.suggestion).toBe('minoxidil');

    const page = await (await store.request('/search?q=minixodil')).text();
    expect(page).toContain('No results for &ldquo;minixodil&rdquo;');
    const link = /Did you mean\s*<a href="([^"]+)">&ldquo;minoxidil&rdquo;<\/a>\?/.exec(page)?.[1];
    expect(link).toBe('/search?q=minoxidil');
    const followed = await (await store.request(link!)).text();
    expect(productHits(followed)).toEqual(['minoxidil-solution']);
    expect(followed).not.toContain('as typed');
  });

  it('leaves operator queries as typed: no near spellings for a quoted phrase', async () => {
    const body = await apiSearch('"lazer comb"');
    expect(body.products.total).toBe(0);
    expect(body.suggestion).toBeNull();
  });
});
