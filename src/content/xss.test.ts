import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTestArticle } from '#src/search/test-factory.ts';
import { settingsOf } from '#src/store/settings.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { assertWellFormedXml, xmlTexts } from '#test/support/xml.ts';
import { renderArticleBody } from './render-article.ts';
import { articleCategories, articleCategoryLinks } from './schema.ts';

let store: TestStore;

const PAYLOAD = `<script>alert(1)</script>"><img src=x onerror=alert(2)><svg onload=alert(3)>`;
const TITLE = `Hostile ${PAYLOAD}`;

const BODY = [
  `Text ${PAYLOAD}`,
  '',
  `## Heading ${PAYLOAD}`,
  '',
  '[one](javascript:alert(4)) [two](JAVASCRIPT:alert(5)) [three](  javascript:alert(6)) [four](data:text/html,x)',
  '',
  '<a href="javascript:alert(7)">raw</a> <iframe src="https://evil.example"></iframe>',
  '',
  '![pic](javascript:alert(8)) ![pic2](x" onerror="alert(9))',
  '',
  `[[callout:${PAYLOAD} [bad](javascript:alert(10))]]`,
  '',
  `[[coupon:SAFE|${PAYLOAD} [bad](javascript:alert(11))]]`,
  '',
  `[[contact:${PAYLOAD}]]`,
  '',
  `[[timeline:${PAYLOAD}]]`,
  `${PAYLOAD}`,
  `- ${PAYLOAD} | [bad](javascript:alert(12)) ${PAYLOAD}`,
  '[[/timeline]]',
  '',
  `[[compare:${PAYLOAD}]]`,
  `Name | ${PAYLOAD}`,
  `${PAYLOAD} | [bad](javascript:alert(13))`,
  '[[/compare]]',
  '',
  `[[${PAYLOAD}]]`,
  '',
  '## Questions',
  '',
  `### ${PAYLOAD}?`,
  '',
  `Answer ${PAYLOAD}`,
].join('\n');

/**
 * Fails on anything in the HTML that could run script: a script element other than the page's own (JSON-LD and
 * /assets), an event handler attribute, a javascript: or data: address, or an element that loads active content.
 */
function expectInert(html: string, where: string) {
  const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
  for (const tag of scripts) {
    expect(tag, where).toMatch(/^<script (type="application\/ld\+json"|src="\/assets\/[^"]+" defer)>$/);
  }
  for (const [tag, name = '', attributes = ''] of html.matchAll(
    /<([a-z][a-z0-9]*)((?:\s+[^\s=/>]+(?:=(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/gi,
  )) {
    // The header's own cart icon is the one drawing a page may hold.
    if (!tag.includes('class="header-cart-icon"')) {
      expect(['iframe', 'svg', 'object', 'embed', 'math'], `${where}: ${tag}`).not.toContain(name.toLowerCase());
    }
    for (const [, attribute = '', value = ''] of attributes.matchAll(/\s([^\s=/>]+)(?:=("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
      expect(attribute.toLowerCase(), `${where}: ${tag}`).not.toMatch(/^on/);
      if (/^(href|src|action|formaction)$/i.test(attribute)) {
        expect(value.replace(/^["']|["']$/g, '').trim(), `${where}: ${tag}`).not.toMatch(
          /^(javascript|data|vbscript):/i,
        );
      }
    }
  }
}

beforeAll(async () => {
  store = await createTestStore();
  const db = store.ctx.db;
  const article = await insertTestArticle(db, {
    slug: 'hostile-everywhere',
    title: TITLE,
    excerpt: `Excerpt ${PAYLOAD} javascript:alert(14)`,
    body: BODY,
    authorName: `Author ${PAYLOAD}`,
    tags: [PAYLOAD, 'javascript:alert(15)', `"><b onmouseover=alert(16)>tag</b>`],
    coverImage: { src: 'javascript:alert(17)', alt: PAYLOAD },
    seoTitle: `SEO ${PAYLOAD}`,
    seoDescription: `Description ${PAYLOAD}`,
  });
  const [category] = await db
    .insert(articleCategories)
    .values({ slug: 'hostile', name: `Category ${PAYLOAD}`, description: `About ${PAYLOAD}` })
    .returning();
  await db.insert(articleCategoryLinks).values({ articleId: article.id, categoryId: category!.id });
});
afterAll(() => store.close());

describe('hostile text in every field of an article', () => {
  it('stays inert on the article page, and the JSON-LD still parses with the text as typed', async () => {
    const res = await store.request('/blog/hostile-everywhere');
    expect(res.status).toBe(200);
    const page = await res.text();
    expectInert(page, 'article page');
    expect(page).toContain('<h1>Hostile &lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x');
    const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)![1]!;
    const graph = JSON.parse(block)['@graph'];
    expect(graph[0].headline).toBe(TITLE);
    expect(graph.find((n: { '@type': string }) => n['@type'] === 'FAQPage').mainEntity[0].name).toBe(`${PAYLOAD}?`);
  });

  it('stays inert in the blog list, the category page and the tag page', async () => {
    for (const path of ['/blog', '/blog/category/hostile', '/blog/tag/javascript-alert-15']) {
      const res = await store.request(path);
      expect(res.status, path).toBe(200);
      const page = await res.text();
      expectInert(page, path);
      expect(page, path).toContain('Hostile &lt;script&gt;');
    }
  });

  it('stays inert in a preview, broken embeds included', async () => {
    const settings = await settingsOf(store.ctx);
    const { html } = await renderArticleBody(store.ctx.db, BODY, { store: settings, isPreview: true });
    expectInert(html, 'preview');
    expect(html).toContain('class="embed-error"');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('is escaped in the feed and the sitemap, which stay well-formed XML', async () => {
    const feed = await (await store.request('/blog/feed.xml')).text();
    assertWellFormedXml(feed);
    expect(xmlTexts(feed, 'title')).toContain(TITLE);
    expect(xmlTexts(feed, 'category')).toContain(PAYLOAD);
    expect(feed).not.toContain('<script');
    assertWellFormedXml(await (await store.request('/sitemap.xml')).text());
  });
});
