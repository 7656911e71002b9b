import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateProduct } from '#src/catalog/service.ts';
import { createTestProduct } from '#src/catalog/test-factory.ts';
import { insertTestArticle } from '#src/search/test-factory.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { assertWellFormedXml, xmlTexts } from '#test/support/xml.ts';
import { articleChangeTags } from './cache-tags.ts';
import { articleCategories, articleCategoryLinks, articles } from './schema.ts';

let store: TestStore;
const DEMO = '/blog/exosome-hair-therapy-side-effects';
const DAY = 86_400_000;

function jsonLdNode(page: string, type: string): Record<string, any> | undefined {
  const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)?.[1];
  expect(block, 'the page carries JSON-LD').toBeDefined();
  const ld = JSON.parse(block!);
  expect(ld['@context']).toBe('https://schema.org');
  return ld['@graph'].find((node: { '@type': string }) => node['@type'] === type);
}

const meta = (page: string, key: string) =>
  new RegExp(`<meta (?:property|name)="${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" content="([^"]*)">`).exec(
    page,
  )?.[1];

async function text(path: string): Promise<string> {
  const res = await store.request(path);
  expect(res.status, path).toBe(200);
  return res.text();
}

// On PostgreSQL a write's NOTIFY comes back to this instance and empties the cache once more a moment later.
async function waitForCacheEcho(): Promise<void> {
  if (store.ctx.dbKind !== 'postgres') return;
  const version = store.ctx.cache.pages.version;
  for (let i = 0; i < 100 && store.ctx.cache.pages.version === version; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let manyId: string;

beforeAll(async () => {
  store = await createTestStore();
  const db = store.ctx.db;
  const [many] = await db
    .insert(articleCategories)
    .values({ slug: 'many', name: 'Many articles', description: 'A category long enough for two pages.', position: 9 })
    .returning();
  manyId = many!.id;
  for (let i = 0; i < 10; i++) {
    const a = await insertTestArticle(db, {
      slug: `many-${i}`,
      title: `Many number ${i}`,
      tags: ['Long Reads'],
      publishedAt: new Date(Date.now() - (i + 2) * 60_000),
    });
    await db.insert(articleCategoryLinks).values({ articleId: a.id, categoryId: manyId });
  }
  await insertTestArticle(db, {
    slug: 'revised-later',
    title: 'Revised later',
    body: '## One\n\nText.\n\n## Two\n\nMore text.',
    publishedAt: new Date(Date.now() - 10 * DAY),
  });
  await insertTestArticle(db, {
    slug: 'bold-questions',
    title: 'Bold questions',
    body: [
      'Intro.',
      '',
      '## Questions',
      '',
      '**Is it safe?** For most people, yes.',
      '',
      '**How long does it last?**',
      '',
      'About six months.',
      '',
      '**A bold line that asks nothing.** It is part of the answer above.',
      '',
      '## Afterwards',
      '',
      '**Not a question here?** This section is over.',
    ].join('\n'),
  });
  await insertTestArticle(db, {
    slug: 'scheduled-one',
    title: 'Scheduled one',
    publishedAt: new Date(Date.now() + DAY),
  });
  await waitForCacheEcho();
});
afterAll(() => store.close());

describe('blog categories and tags', () => {
  it('lists the categories that have articles, and a category page lists only its own', async () => {
    const blog = await text('/blog');
    const nav = /<nav class="blog-categories"[\s\S]*?<\/nav>/.exec(blog)?.[0] ?? '';
    expect(nav).toContain('<a href="/blog" aria-current="page">All articles</a>');
    expect(nav).toContain('<a href="/blog/category/regulation">Regulation and labels (1)</a>');
    expect(nav).toContain('<a href="/blog/category/many">Many articles (10)</a>');
    expect(blog).toContain(
      '<link rel="alternate" type="application/rss+xml" title="Blog" href="http://store.test/blog/feed.xml">',
    );

    const page = await text('/blog/category/regulation');
    expect(page).toContain('<h1>Regulation and labels</h1>');
    expect(page).toContain('<link rel="canonical" href="http://store.test/blog/category/regulation">');
    expect(page).toContain('href="/blog/fda-approved-vs-cleared"');
    expect(page).not.toContain('href="/blog/prp-hair-treatment-aftercare"');
    expect(page).toContain('<a href="/blog/category/regulation" aria-current="page">');
  });

  it('pages through a category with canonical, previous and next links', async () => {
    const first = await text('/blog/category/many');
    expect(first.match(/class="article-card"/g)).toHaveLength(9);
    expect(first).toContain('<a rel="next" href="/blog/category/many?page=2">');
    const second = await text('/blog/category/many?page=2');
    expect(second.match(/class="article-card"/g)).toHaveLength(1);
    expect(second).toContain('<link rel="canonical" href="http://store.test/blog/category/many?page=2">');
    expect(second).toContain('<a rel="prev" href="/blog/category/many">');
    expect(second).toContain('href="/blog/many-9"');
    expect((await store.request('/blog/category/many?page=3')).status).toBe(404);
  });

  it('shows a tag page for a topic in any spelling, and 404 for a topic no article has', async () => {
    const page = await text('/blog/tag/long-reads');
    expect(page).toContain('<h1>Articles about Long Reads</h1>');
    expect(page).toContain('<link rel="canonical" href="http://store.test/blog/tag/long-reads">');
    expect(page).toContain('<a rel="next" href="/blog/tag/long-reads?page=2">');
    const prp = await text('/blog/tag/prp');
    expect(prp).toContain('href="/blog/prp-hair-treatment-aftercare"');
    expect(prp).not.toContain('href="/blog/fda-approved-vs-cleared"');
    // Tags on an article link to their pages.
    expect(await text(DEMO)).toContain('<li class="tag"><a href="/blog/tag/hair-loss">hair loss</a></li>');
    for (const path of ['/blog/tag/nothing-here', '/blog/category/nothing-here', '/blog/tag/Bad_Slug']) {
      expect((await store.request(path)).status, path).toBe(404);
    }
    // A draft's tags make no page.
    expect((await store.request('/blog/tag/supplements')).status).toBe(404);
  });
});

describe('an article page', () => {
  it('has a table of contents whose links reach the headings, and a reading time', async () => {
    const page = await text(DEMO);
    const toc = /<nav class="article-toc"[\s\S]*?<\/nav>/.exec(page)?.[0] ?? '';
    const targets = [...toc.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(targets).toContain('the-short-answer');
    expect(targets).toContain('frequently-asked-questions');
    expect(targets).toContain('does-exosome-therapy-hurt');
    for (const id of targets) expect(page, id).toMatch(new RegExp(`<h[23] id="${id}">`));
    expect(page).toMatch(/<span class="reading-time">\d+ min read<\/span>/);
  });

  it('says when an article was updated well after publication, and not otherwise', async () => {
    await store.ctx.db.update(articles).set({ updatedAt: new Date() }).where(eqSlug('revised-later'));
    const page = await text('/blog/revised-later');
    expect(page).toMatch(/<span class="article-updated">Updated <time datetime="[^"]+">/);
    expect(await text(DEMO)).not.toContain('article-updated');
  });

  it('keeps the demo draft, with its deliberate claims, off the site', async () => {
    const [draft] = await store.ctx.db.select().from(articles).where(eqSlug('regrow-hair-fast-draft'));
    expect(draft?.status).toBe('draft');
    expect(draft?.body).toContain('regrow hair');
    expect(draft?.body).toContain('FDA-approved serum');
    expect((await store.request('/blog/regrow-hair-fast-draft')).status).toBe(404);
    expect(await text('/blog')).not.toContain('Regrow Your Hair Fast');
  });

  it('suggests related articles, those sharing categories first, and never itself or a draft', async () => {
    const page = await text('/blog/many-0');
    const related = /<section class="related-articles"[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
    const links = [...related.matchAll(/<a href="\/blog\/([^"]+)">/g)].map((m) => m[1]);
    expect(links).toHaveLength(3);
    expect(links.every((slug) => slug?.startsWith('many-') && slug !== 'many-0')).toBe(true);
    expect(await text(DEMO)).toContain('href="/blog/prp-hair-treatment-aftercare"');
    expect(await text(DEMO)).not.toContain('regrow-hair-fast-draft');
  });

  it('describes itself for sharing with OpenGraph and Twitter meta and a canonical link', async () => {
    const page = await text(DEMO);
    expect(meta(page, 'og:type')).toBe('article');
    expect(meta(page, 'og:url')).toBe(`http://store.test${DEMO}`);
    expect(meta(page, 'og:image')).toBe('http://store.test/assets/demo/cover-exosome-hair-therapy.svg');
    expect(meta(page, 'og:title')).toBe('Exosome Hair Therapy Side Effects, Aftercare and Alternatives');
    expect(meta(page, 'article:published_time')).toBe('2025-03-12T15:00:00.000Z');
    expect(meta(page, 'article:section')).toBe('Hair restoration');
    expect(meta(page, 'twitter:card')).toBe('summary_large_image');
    expect(meta(page, 'twitter:description')).toContain('exosome hair treatment');
    expect(page).toContain(`<link rel="canonical" href="http://store.test${DEMO}">`);
    expect(meta(await text('/blog'), 'og:type')).toBe('website');
  });

  it('carries Article, BreadcrumbList and FAQPage data with the fields search engines require', async () => {
    const page = await text(DEMO);
    const article = jsonLdNode(page, 'Article')!;
    for (const field of [
      'headline',
      'datePublished',
      'dateModified',
      'author',
      'publisher',
      'image',
      'mainEntityOfPage',
    ]) {
      expect(article[field], field).toBeTruthy();
    }
    expect(article.articleSection).toBe('Hair restoration');
    expect(article.wordCount).toBeGreaterThan(500);
    expect(jsonLdNode(page, 'BreadcrumbList')!.itemListElement).toHaveLength(3);
    const faq = jsonLdNode(page, 'FAQPage')!;
    expect(faq.mainEntity.map((q: { name: string }) => q.name)).toEqual([
      'Does exosome therapy hurt?',
      'How long should I wait between sessions?',
      'Has the FDA approved any exosome product?',
    ]);
    for (const q of faq.mainEntity) {
      expect(q['@type']).toBe('Question');
      expect(q.acceptedAnswer['@type']).toBe('Answer');
      expect(q.acceptedAnswer.text.length).toBeGreaterThan(20);
    }
    expect(faq.mainEntity[1].acceptedAnswer.text).toBe(
      'Leave 3 to 6 months between treatments, so the scalp can recover and you can judge the result.',
    );
  });

  it('reads bold questions in a Questions section, and has no FAQPage without one', async () => {
    const faq = jsonLdNode(await text('/blog/bold-questions'), 'FAQPage')!;
    expect(faq.mainEntity).toEqual([
      {
        '@type': 'Question',
        name: 'Is it safe?',
        acceptedAnswer: { '@type': 'Answer', text: 'For most people, yes.' },
      },
      {
        '@type': 'Question',
        name: 'How long does it last?',
        acceptedAnswer: {
          '@type': 'Answer',
          text: 'About six months. A bold line that asks nothing. It is part of the answer above.',
        },
      },
    ]);
    expect(jsonLdNode(await text('/blog/revised-later'), 'FAQPage')).toBeUndefined();
  });
});

describe('feed, sitemap and robots.txt', () => {
  it('publishes an RSS feed of published articles only, as well-formed XML', async () => {
    const res = await store.request('/blog/feed.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const xml = await res.text();
    expect(assertWellFormedXml(xml)).toBe('rss');
    const links = xmlTexts(xml, 'link');
    expect(links[0]).toBe('http://store.test/blog');
    expect(links).toContain(`http://store.test${DEMO}`);
    expect(links).not.toContain('http://store.test/blog/regrow-hair-fast-draft');
    expect(links).not.toContain('http://store.test/blog/scheduled-one');
    expect(xmlTexts(xml, 'title')).toContain('Side Effects of Exosome Hair Therapy');
    expect(xml).toContain('<atom:link href="http://store.test/blog/feed.xml" rel="self" type="application/rss+xml"/>');
    expect(xml).toMatch(/<pubDate>\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT<\/pubDate>/);
  });

  it('lists products, categories and published articles in the sitemap, and nothing unpublished', async () => {
    const res = await store.request('/sitemap.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const xml = await res.text();
    expect(assertWellFormedXml(xml)).toBe('urlset');
    const locs = xmlTexts(xml, 'loc');
    for (const path of [
      '/',
      '/products',
      '/products/pep-factor',
      '/categories/supplements',
      '/blog',
      DEMO,
      '/blog/category/regulation',
      '/contact',
    ]) {
      expect(locs, path).toContain(`http://store.test${path}`);
    }
    expect(locs).not.toContain('http://store.test/blog/regrow-hair-fast-draft');
    expect(locs).not.toContain('http://store.test/blog/scheduled-one');
    expect(xml).toMatch(/<loc>http:\/\/store\.test\/products\/pep-factor<\/loc><lastmod>\d{4}-\d{2}-\d{2}T/);
  });

  it('keeps the feed and sitemap in the page cache until an article or product changes', async () => {
    const product = await createTestProduct(store.ctx, { slug: 'sitemap-serum' });
    await waitForCacheEcho();
    for (const path of ['/sitemap.xml', '/blog/feed.xml']) {
      await store.request(path);
      expect((await store.request(path)).headers.get('x-cache'), path).toBe('hit');
    }
    expect(await text('/sitemap.xml')).toContain('/products/sitemap-serum</loc>');
    await updateProduct(store.ctx, { id: product.id, changes: { status: 'archived' } });
    expect(await text('/sitemap.xml')).not.toContain('/products/sitemap-serum</loc>');

    // An article's writer announces the change in its transaction (cache-tags.ts).
    await store.ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .update(articles)
        .set({ title: 'Renamed for the feed' })
        .where(eqSlug('revised-later'))
        .returning();
      await store.ctx.cache.announce(tx, { pages: articleChangeTags(row) });
    });
    const feed = await store.request('/blog/feed.xml');
    expect(feed.headers.get('x-cache')).toBe('miss');
    expect(xmlTexts(await feed.text(), 'title')).toContain('Renamed for the feed');
    expect(await text('/blog/revised-later')).toContain('<h1>Renamed for the feed</h1>');
  });

  it('points robots.txt to the sitemap and keeps the private areas out', async () => {
    const robots = await text('/robots.txt');
    expect(robots).toContain('Sitemap: http://store.test/sitemap.xml');
    for (const path of ['/admin', '/cart', '/checkout', '/api']) expect(robots).toContain(`Disallow: ${path}\n`);
    expect(robots).not.toMatch(/Disallow: \/blog/);
  });
});

function eqSlug(slug: string) {
  return sql`${articles.slug} = ${slug}`;
}
