import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestProduct } from '#src/catalog/test-factory.ts';
import { buildPrefixQuery } from '#src/lib/tsquery.ts';
import { DEFAULT_SETTINGS, saveStoreSettings } from '#src/store/settings.ts';
import { EVERYTHING } from '#src/web/page-cache.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { insertTestArticle } from './test-factory.ts';

let store: TestStore;

// Product slugs in the product results section, in ranked order.
function productHits(page: string): string[] {
  const section = /id="product-results"([\s\S]*?)<\/section>/.exec(page)?.[1] ?? '';
  return [...section.matchAll(/<h3><a href="\/products\/([^"]+)"/g)].map((m) => m[1]!);
}

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  const { ctx } = store;
  await saveStoreSettings(ctx, { ...DEFAULT_SETTINGS, name: 'Search Store', phone: '(800) 555-0199' });
  await createTestProduct(ctx, {
    slug: 'telogen-cream',
    name: 'Scalp Cream',
    summary: 'A soothing cream.',
    description: 'Helps with telogen shedding. Many users report less telogen shedding after telogen cycles.',
  });
  await createTestProduct(ctx, { slug: 'telogen-serum', name: 'Telogen Serum', summary: 'A light serum.' });
  await createTestProduct(ctx, {
    slug: 'hair-gummies',
    name: 'Hair Supplement Gummies',
    summary: 'Chewable vitamins and minerals.',
    regulatoryStatus: 'dietary-supplement',
    form: 'gummy',
    route: 'oral',
    isFeatured: true,
  });
  await createTestProduct(ctx, { slug: 'hidden-telogen', name: 'Telogen Hidden', status: 'draft' });
  await insertTestArticle(ctx.db, {
    slug: 'telogen-explained',
    title: 'Telogen effluvium explained',
    excerpt: 'Why hair sheds after stress.',
    body: 'The telogen phase is a resting phase.',
  });
  await insertTestArticle(ctx.db, { slug: 'draft-telogen', title: 'Telogen draft', status: 'draft' });
  await insertTestArticle(ctx.db, {
    slug: 'future-telogen',
    title: 'Telogen next month',
    publishedAt: new Date(Date.now() + 30 * 86_400_000),
  });
  ctx.cache.pages.invalidate(EVERYTHING);
});
afterAll(() => store.close());

describe('/search', () => {
  it('ranks a name match above a description match and shows articles in their own section', async () => {
    const res = await store.request('/search?q=telogen');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(productHits(page)).toEqual(['telogen-serum', 'telogen-cream']);
    expect(page).toContain('href="/blog/telogen-explained"');
    expect(page).not.toContain('draft-telogen');
    expect(page).not.toContain('future-telogen');
    expect(page).not.toContain('hidden-telogen');
    expect(page).toContain('<mark>telogen</mark>');
    expect(page).toContain('Found 2 products and 1 article.');
  });

  it('finds words from their first letters', async () => {
    const page = await (await store.request('/search?q=gumm')).text();
    expect(productHits(page)).toEqual(['hair-gummies']);
  });

  it('keeps websearch syntax: a quoted phrase and an excluded word', async () => {
    expect(productHits(await (await store.request('/search?q=telogen+-serum')).text())).toEqual(['telogen-cream']);
    const phrase = await (await store.request('/search?q=%22telogen+shedding%22')).text();
    expect(productHits(phrase)).toEqual(['telogen-cream']);
  });

  it('shows a start page with suggestions when the query is empty', async () => {
    const res = await store.request('/search?q=');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('What are you looking for?');
    expect(page).toContain('href="/search?q=Hair%20Supplement%20Gummies"');
  });

  it('helps when nothing matches: tips, a link to all products and the phone number', async () => {
    const res = await store.request('/search?q=qwzxv');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('No results for &ldquo;qwzxv&rdquo;');
    expect(page).toContain('href="/products">browse all products</a>');
    expect(page).toContain('(800) 555-0199');
    expect(page).toContain('Try searching for');
  });

  it('treats HTML and SQL in the query as plain text', async () => {
    const script = await store.request(`/search?q=${encodeURIComponent('<script>alert(1)</script> telogen')}`);
    expect(script.status).toBe(200);
    const page = await script.text();
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');

    for (const q of ["'; drop table products; --", "telogen' OR 1=1 --", 'a & | ! :* ( ) <-> \\', 'x²³ ünïcödé 東京']) {
      const res = await store.request(`/search?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
    expect(productHits(await (await store.request('/search?q=telogen')).text())).toHaveLength(2);
  });

  it('refuses a query over 200 characters with a clear 400', async () => {
    const res = await store.request(`/search?q=${'a'.repeat(201)}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('q: must be at most 200 characters');
  });
});

describe('GET /api/store/search', () => {
  it('answers ranked products and articles with escaped highlighted snippets', async () => {
    const res = await store.request('/api/store/search?q=telogen');
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.products.items.map((p: any) => p.slug)).toEqual(['telogen-serum', 'telogen-cream']);
    expect(body.products.total).toBe(2);
    expect(body.articles.items).toHaveLength(1);
    expect(body.articles.items[0]).toMatchObject({
      slug: 'telogen-explained',
      url: 'http://store.test/blog/telogen-explained',
    });
    const cream = body.products.items[1];
    expect(cream.snippetHtml).toContain('<mark>telogen</mark>');
    expect(cream.snippet).not.toContain('<mark>');
    expect(cream.snippet).toContain('telogen');
  });

  it.each([
    ['no q', '', 'q'],
    ['an empty q', 'q=', 'q'],
    ['a 3000-character q', `q=${'z'.repeat(3000)}`, 'q'],
    ['limit=500', 'q=x&limit=500', 'limit'],
  ])('refuses %s with problem+json naming the field', async (_label, query, field) => {
    const res = await store.request(`/api/store/search?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(((await res.json()) as any).errors.map((e: any) => e.field)).toContain(field);
  });

  it('refuses a 10 KB query before it reaches the database', async () => {
    const res = await store.request(`/api/store/search?q=${'z'.repeat(10_000)}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  it('escapes store text in snippets and keeps only its own <mark> tags', async () => {
    await createTestProduct(store.ctx, {
      slug: 'dosing-kit',
      name: 'Kit',
      description: 'Dosage: less than 5 ml <b>&</b> "never" more.',
    });
    const res = await store.request('/api/store/search?q=dosage');
    const hit = ((await res.json()) as any).products.items[0];
    expect(hit.slug).toBe('dosing-kit');
    expect(hit.snippetHtml).toContain('<mark>Dosage</mark>');
    expect(hit.snippetHtml).toContain('&amp;');
    expect(hit.snippetHtml.replace(/<\/?mark>/g, '')).not.toMatch(/[<>"]/);
  });
});

describe('snippets on the page and in the API', () => {
  beforeAll(async () => {
    await createTestProduct(store.ctx, {
      slug: 'follicle-serum',
      name: 'Follicle Serum',
      summary: 'A serum for thinning hair.',
      description: [
        '## What is inside',
        '',
        'Each drop combines **panthenol** , **folate** and *zinc*. It is made in small batches and checked twice.',
        '',
        '- Airless pump bottle',
        '- Fragrance-free',
        '',
        'Ask [our team](https://example.com/help) about dosing.',
        '',
        'Store it below 25 °C and away from light, and use it within three months of opening the bottle.',
      ].join('\n'),
    });
    store.ctx.cache.pages.invalidate(EVERYTHING);
  });

  it('shows plain text from whole sentences with the matched words marked', async () => {
    const page = await (await store.request('/search?q=panthenol')).text();
    const snippet = /<p class="snippet">([\s\S]*?)<\/p>/.exec(page)?.[1];
    expect(snippet).toBe(
      'Each drop combines <mark>panthenol</mark>, folate and zinc. It is made in small batches and checked twice. ' +
        'Airless pump bottle. Fragrance-free. Ask our team about dosing. Store it below 25 °C and away from light…',
    );
  });

  it('answers the same snippet in the API, as text and as marked HTML', async () => {
    const body = (await (await store.request('/api/store/search?q=airless')).json()) as any;
    const hit = body.products.items.find((p: { slug: string }) => p.slug === 'follicle-serum');
    // The matched line is short, so the sentence before it comes first.
    expect(hit.snippet).toBe(
      'It is made in small batches and checked twice. Airless pump bottle. Fragrance-free. Ask our team about ' +
        'dosing. Store it below 25 °C and away from light, and use it within three months of opening the…',
    );
    expect(hit.snippetHtml).toContain('<mark>Airless</mark> pump bottle.');
    expect(hit.snippet).not.toMatch(/\*|\[|- |##|\s,/);
  });
});

describe('buildPrefixQuery', () => {
  it('builds prefix terms from words only, and leaves operator queries alone', () => {
    expect(buildPrefixQuery('Gumm hair')).toBe('gumm:* & hair:*');
    expect(buildPrefixQuery("a'b & c:* | !d")).toBe('a & b & c & d');
    expect(buildPrefixQuery('"exact phrase"')).toBeNull();
    expect(buildPrefixQuery('hair -minoxidil')).toBeNull();
    expect(buildPrefixQuery('!!! ???')).toBeNull();
  });
});

describe('article snippets', () => {
  it('leave out embed markup but keep the words of a coupon or note', async () => {
    await insertTestArticle(store.ctx.db, {
      slug: 'alopecia-embeds',
      title: 'A guide with embeds',
      body: 'Alopecia basics.\n\n[[product:telogen-serum]]\n\n[[coupon:SAVE10|Alopecia offer for members]]\n\n[[callout:Alopecia help by phone]]',
    });
    store.ctx.cache.pages.invalidate(EVERYTHING);
    const res = await store.request('/api/store/search?q=alopecia');
    const hit = ((await res.json()) as any).articles.items.find((a: { slug: string }) => a.slug === 'alopecia-embeds');
    expect(hit.snippetHtml).toContain('offer for members');
    expect(hit.snippetHtml).not.toMatch(/product:|coupon:|callout:|telogen-serum/);
  });
});
