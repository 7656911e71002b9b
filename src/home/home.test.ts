import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCategory, createTestProduct } from '#src/catalog/test-factory.ts';
import { insertTestArticle } from '#src/search/test-factory.ts';
import { DEFAULT_SETTINGS, saveStoreSettings } from '#src/store/settings.ts';
import { EVERYTHING } from '#src/web/page-cache.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';

let store: TestStore;

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  const { ctx } = store;
  await saveStoreSettings(ctx, {
    ...DEFAULT_SETTINGS,
    name: 'Clinic Supply Co',
    tagline: 'Supplies for clinics and their clients',
    phone: '(800) 555-0142',
  });
  const category = await createTestCategory(ctx, {
    slug: 'hair-care',
    name: 'Hair care',
    description: 'Scalp and hair.',
  });
  await createTestProduct(ctx, {
    slug: 'featured-serum',
    name: 'Featured Serum',
    isFeatured: true,
    categoryId: category.id,
  });
  await createTestProduct(ctx, { slug: 'plain-serum', name: 'Plain Serum', categoryId: category.id });
  const day = 86_400_000;
  for (let i = 1; i <= 4; i++) {
    await insertTestArticle(ctx.db, {
      slug: `article-${i}`,
      title: `Article number ${i}`,
      excerpt: `Excerpt of article ${i}.`,
      publishedAt: new Date(Date.now() - (5 - i) * day),
      coverImage: { src: `/assets/demo/article-${i}.svg`, alt: `Cover of article ${i}` },
    });
  }
  await insertTestArticle(ctx.db, { slug: 'unpublished', title: 'Not yet', status: 'draft', publishedAt: null });
  ctx.cache.pages.invalidate(EVERYTHING);
});
afterAll(() => store.close());

describe('home page', () => {
  it('leads with the tagline when no hero is written, then featured products and categories', async () => {
    const res = await store.request('/');
    expect(res.status).toBe(200);
    const page = await res.text();
    // The name is in the header already; the hero says what the store sells.
    expect(page).toContain('<h1 id="hero-heading">Supplies for clinics and their clients</h1>');
    expect(page).toContain('Featured products');
    expect(page).toContain('href="/products/featured-serum"');
    expect(page).not.toContain('href="/products/plain-serum"');
    expect(page).toContain('<a href="/categories/hair-care"><span class="category-name">Hair care</span></a>');
    expect(page).toContain('2 products');
  });

  it('shows the three latest published articles with cover and excerpt', async () => {
    const page = await (await store.request('/')).text();
    const order = ['article-4', 'article-3', 'article-2'].map((slug) => page.indexOf(`href="/blog/${slug}"`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(page).not.toContain('href="/blog/article-1"');
    expect(page).not.toContain('href="/blog/unpublished"');
    expect(page).toContain('alt="Cover of article 4"');
    expect(page).toContain('Excerpt of article 4.');
  });

  it('calls the articles section the Blog in every link to it', async () => {
    const page = await (await store.request('/')).text();
    const labels = [...page.matchAll(/<a [^>]*href="\/blog"[^>]*>([^<]*)<\/a>/g)].map((m) => m[1]);
    // The menu, the hero, the latest articles, the footer.
    expect(labels).toEqual(['Blog', 'All articles on the blog', 'Blog']);
    expect(page).toContain('<h2 id="articles-heading">From the blog</h2>');
  });

  it('invites businesses to call for the stock list and carries the disclaimer', async () => {
    const page = await (await store.request('/')).text();
    expect(page).toContain('Contact us to see our stock list');
    expect(page).toContain('href="tel:+18005550142">Call (800) 555-0142</a>');
    expect(page).toContain('informational purposes only');
  });

  it('opens on the written hero with its product and the newest guide, and follows a settings save', async () => {
    const { ctx } = store;
    await saveStoreSettings(ctx, {
      ...DEFAULT_SETTINGS,
      name: 'Clinic Supply Co',
      tagline: 'Supplies for clinics and their clients',
      phone: '(800) 555-0142',
      heroHeading: 'Serums your clients ask for',
      heroText: 'Growth-factor serums and scalp care, with every fact on the label.',
      heroProductSlug: 'plain-serum',
    });
    const page = await (await store.request('/')).text();
    const hero = page.slice(
      page.indexOf('<section class="hero'),
      page.indexOf('</section>', page.indexOf('<section class="hero')),
    );
    expect(hero).toContain('<h1 id="hero-heading">Serums your clients ask for</h1>');
    expect(hero).toContain('Growth-factor serums and scalp care, with every fact on the label.');
    expect(hero).toContain('<a class="button button-large" href="/products">Shop all products</a>');
    expect(hero).toContain('href="/products/plain-serum">Plain Serum</a>');
    expect(hero).toContain('href="/blog/article-4">Article number 4</a>');
    expect(hero).not.toContain('Clinic Supply Co');

    // An unknown product falls back to the first featured one anybody may buy.
    await saveStoreSettings(ctx, { ...DEFAULT_SETTINGS, heroHeading: 'Serums', heroProductSlug: 'no-such-product' });
    const fallback = await (await store.request('/')).text();
    expect(fallback).toContain('href="/products/featured-serum">Featured Serum</a></h2>');
  });

  it('falls back to the newest products when none are featured', async () => {
    const fresh = await createTestStore({ template: 'empty' });
    try {
      await createTestProduct(fresh.ctx, { slug: 'only-product', name: 'Only Product' });
      const page = await (await fresh.request('/')).text();
      expect(page).toContain('New in the store');
      expect(page).toContain('href="/products/only-product"');
    } finally {
      await fresh.close();
    }
  });
});
