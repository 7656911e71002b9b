import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleSlugRedirects } from '#src/content/schema.ts';
import { insertTestArticle } from '#src/search/test-factory.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';

let store: TestStore;

const HOSTILE_BODY = [
  'A paragraph before.',
  '',
  '<script>alert("body")</script>',
  '',
  '<img src="x" onerror="alert(2)">',
  '',
  '[a bad link](javascript:alert(3))',
  '',
  '[[callout:<b>not bold</b> in a note]]',
  '',
  '[[callout:A [bad link](javascript:alert(4)) and a [good one](/products).]]',
  '',
  '## A heading that stays',
].join('\n');

function jsonLdOf(page: string): Record<string, any> {
  const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)?.[1];
  expect(block, 'the page carries JSON-LD').toBeDefined();
  return JSON.parse(block!);
}

// One node of an article page's JSON-LD graph, by its type.
function jsonLdNode(page: string, type: string): Record<string, any> {
  const ld = jsonLdOf(page);
  expect(ld['@context']).toBe('https://schema.org');
  return ld['@graph'].find((node: { '@type': string }) => node['@type'] === type);
}

// The breadcrumb trail as a reader sees it.
function breadcrumbText(page: string): string {
  const nav = /<nav class="breadcrumbs" aria-label="Breadcrumb">([\s\S]*?)<\/nav>/.exec(page)?.[1] ?? '';
  return [...nav.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim()).join(' / ');
}

beforeAll(async () => {
  store = await createTestStore();
  const db = store.ctx.db;
  await insertTestArticle(db, {
    slug: 'hostile-markup',
    title: 'Markup </script><b>test</b> & more',
    body: HOSTILE_BODY,
  });
  await insertTestArticle(db, {
    slug: 'shortcode-spellings',
    title: 'Shortcodes as authors type them',
    body: [
      'Cards below.',
      '',
      '[[Product:pep-factor]]',
      '',
      '[[ PRODUCT: laser-hair-comb ]]',
      '',
      '```',
      '[[product:hair-supplement-gummies]]',
      '```',
    ].join('\n'),
  });
  await insertTestArticle(db, { slug: 'a-draft', title: 'Unfinished draft', status: 'draft', publishedAt: null });
  await insertTestArticle(db, {
    slug: 'next-week',
    title: 'Scheduled for later',
    publishedAt: new Date(Date.now() + 7 * 86_400_000),
  });
  const renamed = await insertTestArticle(db, { slug: 'current-name', title: 'Renamed article' });
  await db.insert(articleSlugRedirects).values({ fromSlug: 'old-name', articleId: renamed.id });
});
afterAll(() => store.close());

describe('/blog', () => {
  it('lists the published articles with their titles, excerpts and links, newest first', async () => {
    const res = await store.request('/blog');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<h1>Blog</h1>');
    expect(page).toContain('<title>Blog: articles and guides | FACE Med Store</title>');
    expect(breadcrumbText(page)).toBe('Home / Blog');
    expect(page).toContain('href="/blog/exosome-hair-therapy-side-effects"');
    expect(page).toContain('Side Effects of Exosome Hair Therapy');
    expect(page).toContain('href="/blog/prp-hair-treatment-aftercare"');
    // The test articles were published a minute ago, the demo ones in the past: fresh ones come first.
    expect(page.indexOf('href="/blog/current-name"')).toBeLessThan(
      page.indexOf('href="/blog/exosome-hair-therapy-side-effects"'),
    );
  });

  it('hides drafts and articles scheduled for a later date', async () => {
    const page = await (await store.request('/blog')).text();
    expect(page).not.toContain('Unfinished draft');
    expect(page).not.toContain('Scheduled for later');
    expect((await store.request('/blog/a-draft')).status).toBe(404);
    expect((await store.request('/blog/next-week')).status).toBe(404);
  });

  it('answers a page past the last with 404 and a malformed page number with 400', async () => {
    expect((await store.request('/blog?page=99')).status).toBe(404);
    for (const bad of ['-1', '0', 'abc', '1.5', '100000']) {
      const res = await store.request(`/blog?page=${bad}`);
      expect(res.status, `page=${bad}`).toBe(400);
      expect(await res.text()).toContain('That request could not be understood');
    }
  });
});

describe('/blog/exosome-hair-therapy-side-effects', () => {
  it("carries the seed article's facts in our own words", async () => {
    const res = await store.request('/blog/exosome-hair-therapy-side-effects');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<h1>Side Effects of Exosome Hair Therapy</h1>');
    for (const fact of [
      'pain or tenderness where the needle went in',
      'bruising',
      'swelling',
      'no exosome product has been approved by the US Food and Drug Administration (FDA)',
      '200 billion exosomes',
      'amniotic fluid and umbilical cord',
      'androgenetic alopecia',
      'Stop NSAIDs at least 72 hours before.',
      'Eat a full meal',
      'Skip strenuous exercise for 24 to 72 hours',
      'Leave 3 to 6 months between treatments',
      'Hair transplant (FUT)',
      'Hair transplant (FUE)',
      'FDA-cleared',
      'Basic fibroblast growth factor (bFGF)',
      'Copper peptide',
      'microneedling',
      '(800) 770-9083',
    ]) {
      expect(page, fact).toContain(fact);
    }
  });

  it('shows the informational disclaimer, the coupon and the products it mentions', async () => {
    const page = await (await store.request('/blog/exosome-hair-therapy-side-effects')).text();
    expect(page).toMatch(/<aside class="disclaimer-box"[^>]*>[\s\S]*informational purposes only[\s\S]*<\/aside>/);
    expect(page).toContain('<p class="coupon-code"><code>2<span class="zero">0</span>OFF</code></p>');
    expect(page).toContain('signed-in customers only');
    for (const slug of ['hair-supplement-gummies', 'pep-factor', 'laser-hair-comb', 'minoxidil-5-topical-solution']) {
      expect(page).toContain(`href="/products/${slug}"`);
    }
    expect(page).toContain('<table class="compare-table">');
  });

  it('shows where the article sits: Home / Blog / its title, with links to the first two', async () => {
    const page = await (await store.request('/blog/exosome-hair-therapy-side-effects')).text();
    expect(breadcrumbText(page)).toBe('Home / Blog / Side Effects of Exosome Hair Therapy');
    const trail = /<nav class="breadcrumbs"[\s\S]*?<\/nav>/.exec(page)?.[0];
    expect(trail).toContain('<li><a href="/">Home</a></li>');
    expect(trail).toContain('<li><a href="/blog">Blog</a></li>');
    expect(trail).toContain('<span aria-current="page">Side Effects of Exosome Hair Therapy</span>');
  });

  it('names the section Blog in the menu and the footer', async () => {
    const page = await (await store.request('/blog/exosome-hair-therapy-side-effects')).text();
    expect(page).toMatch(/<nav class="site-nav"[\s\S]*<a href="\/blog" aria-current="page">Blog<\/a>[\s\S]*?<\/nav>/);
    expect(/<footer[\s\S]*<\/footer>/.exec(page)?.[0]).toContain('<a href="/blog">Blog</a>');
    expect(page).not.toMatch(/>\s*Learn\s*</);
  });

  it('links the closing note to the shop', async () => {
    const page = await (await store.request('/blog/exosome-hair-therapy-side-effects')).text();
    expect(page).toMatch(/<aside class="callout" role="note"><p>[^<]*<a href="\/products">Browse the shop<\/a>\.<\/p>/);
  });

  it('describes the article and its breadcrumb trail to search engines with JSON-LD', async () => {
    const page = await (await store.request('/blog/exosome-hair-therapy-side-effects')).text();
    expect(jsonLdNode(page, 'BreadcrumbList').itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: 'http://store.test/' },
      { '@type': 'ListItem', position: 2, name: 'Blog', item: 'http://store.test/blog' },
      { '@type': 'ListItem', position: 3, name: 'Side Effects of Exosome Hair Therapy' },
    ]);
    expect(jsonLdNode(page, 'Article')).toMatchObject({
      '@type': 'Article',
      headline: 'Side Effects of Exosome Hair Therapy',
      datePublished: '2025-03-12T15:00:00.000Z',
      author: { '@type': 'Person', name: 'Maya Ortiz' },
      publisher: { '@type': 'Organization', name: 'FACE Med Store' },
      image: ['http://store.test/assets/demo/cover-exosome-hair-therapy.svg'],
      url: 'http://store.test/blog/exosome-hair-therapy-side-effects',
    });
    expect(page).toContain('<link rel="canonical" href="http://store.test/blog/exosome-hair-therapy-side-effects">');
  });
});

describe('product embeds', () => {
  it('renders a card for [[Product:slug]] whatever the case of its name, and none inside a code block', async () => {
    const page = await (await store.request('/blog/shortcode-spellings')).text();
    expect(page).toContain('href="/products/pep-factor"');
    expect(page).toContain('href="/products/laser-hair-comb"');
    expect(page).not.toContain('href="/products/hair-supplement-gummies"');
    expect(page).toContain('[[product:hair-supplement-gummies]]');
    expect(page).not.toContain('[[Product:');
  });
});

describe('an article with hostile markup', () => {
  it('renders no script, event handler or javascript: link from the body', async () => {
    const res = await store.request('/blog/hostile-markup');
    expect(res.status).toBe(200);
    const page = await res.text();
    const body = /<div class="article-body">([\s\S]*?)<\/article>/.exec(page)?.[1] ?? '';
    expect(body).toContain('A paragraph before.');
    expect(body).toContain('<h2 id="a-heading-that-stays">A heading that stays</h2>');
    expect(body).not.toMatch(/<script/i);
    expect(body).not.toMatch(/<img[^>]*onerror/i);
    expect(body).not.toContain('href="javascript:');
    // HTML typed in Markdown is shown as text, never interpreted.
    expect(body).toContain('&lt;script&gt;');
    expect(body).toContain('&lt;b&gt;not bold&lt;/b&gt; in a note');
    // A note may link, but only where a body may.
    expect(body).toContain('and a <a href="/products">good one</a>.');
    expect(page).not.toMatch(/<script>alert/);
  });

  it('escapes the title in the page and keeps the JSON-LD block whole', async () => {
    const page = await (await store.request('/blog/hostile-markup')).text();
    expect(page).toContain('<h1>Markup &lt;/script&gt;&lt;b&gt;test&lt;/b&gt; &amp; more</h1>');
    expect(jsonLdNode(page, 'Article').headline).toBe('Markup </script><b>test</b> & more');
  });
});

describe('missing and renamed articles', () => {
  it('answers an unknown slug with the 404 page', async () => {
    const res = await store.request('/blog/no-such-article');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('text/html');
    const page = await res.text();
    expect(page).toContain('We could not find that page');
    expect(page).toContain('There is no article at this address.');
    expect(page).toContain('<meta name="robots" content="noindex">');
  });

  it('answers a malformed slug with 404, never 500', async () => {
    for (const slug of ['Not_A_Slug', '%3Cscript%3E', 'a--b', `${'x'.repeat(300)}`]) {
      expect((await store.request(`/blog/${slug}`)).status, slug).toBe(404);
    }
  });

  it('sends an old slug to the new address for good', async () => {
    const res = await store.request('/blog/old-name');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/blog/current-name');
  });
});
