import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTestArticle } from '#src/search/test-factory.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';

let store: TestStore;

type Problem = { status: number; code: string; detail: string; errors?: { field: string; message: string }[] };

async function expectProblem(path: string, status: number): Promise<Problem> {
  const res = await store.request(path);
  expect(res.status, path).toBe(status);
  expect(res.headers.get('content-type'), path).toBe('application/problem+json');
  const body = (await res.json()) as Problem;
  expect(body.status).toBe(status);
  return body;
}

beforeAll(async () => {
  store = await createTestStore();
  await insertTestArticle(store.ctx.db, {
    slug: 'a-draft',
    title: 'Unfinished draft',
    status: 'draft',
    publishedAt: null,
  });
});
afterAll(() => store.close());

describe('GET /api/store/articles', () => {
  it('lists published articles newest first with paging figures', async () => {
    const res = await store.request('/api/store/articles');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ page: 1, limit: 20, total: 3, pageCount: 1 });
    const slugs = body.items.map((a: { slug: string }) => a.slug);
    expect(slugs).toContain('exosome-hair-therapy-side-effects');
    expect(slugs).not.toContain('a-draft');
    const dates = body.items.map((a: { publishedAt: string }) => a.publishedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
    const exosome = body.items.find((a: { slug: string }) => a.slug === 'exosome-hair-therapy-side-effects');
    expect(exosome).toMatchObject({
      title: 'Side Effects of Exosome Hair Therapy',
      author: 'Maya Ortiz',
      url: 'http://store.test/blog/exosome-hair-therapy-side-effects',
      coverImage: { src: 'http://store.test/assets/demo/cover-exosome-hair-therapy.svg' },
    });
    expect(exosome.coverImage.alt.length).toBeGreaterThan(20);
  });

  it('pages with limit and page', async () => {
    const first = await (await store.request('/api/store/articles?limit=1')).json();
    const second = await (await store.request('/api/store/articles?limit=1&page=2')).json();
    expect(first).toMatchObject({ page: 1, limit: 1, total: 3, pageCount: 3 });
    expect(first.items).toHaveLength(1);
    expect(second.items).toHaveLength(1);
    expect(second.items[0].slug).not.toBe(first.items[0].slug);
    expect((await (await store.request('/api/store/articles?limit=100')).json()).items).toHaveLength(3);
    expect((await (await store.request('/api/store/articles?page=50')).json()).items).toEqual([]);
  });

  it('refuses out-of-range or malformed parameters with 400 problem+json naming the field', async () => {
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=100000', 'limit'],
      ['limit=ten', 'limit'],
      ['page=-1', 'page'],
      ['page=0', 'page'],
      ['page=1.5', 'page'],
    ] as const) {
      const problem = await expectProblem(`/api/store/articles?${query}`, 400);
      expect(problem.code).toBe('BAD_REQUEST');
      expect(
        problem.errors?.map((e) => e.field),
        query,
      ).toContain(field);
    }
  });
});

describe('GET /api/store/articles/:slug', () => {
  it('returns the Markdown, the sanitised HTML, the disclaimer and the embedded products', async () => {
    const res = await store.request('/api/store/articles/exosome-hair-therapy-side-effects');
    expect(res.status).toBe(200);
    const a = await res.json();
    expect(a.slug).toBe('exosome-hair-therapy-side-effects');
    expect(a.body).toContain('[[product:pep-factor]]');
    expect(a.bodyHtml).toContain('<strong>200 billion exosomes</strong>');
    expect(a.bodyHtml).not.toContain('[[product:');
    expect(a.disclaimer).toContain('informational purposes only');
    expect(a.products).toEqual([
      'hair-supplement-gummies',
      'laser-hair-comb',
      'minoxidil-5-topical-solution',
      'pep-factor',
    ]);
    expect(a.seoTitle).toBe('Exosome Hair Therapy Side Effects, Aftercare and Alternatives');
  });

  it('answers an unknown, unpublished or malformed slug with 404 problem+json', async () => {
    for (const slug of ['no-such-article', 'a-draft', 'Bad_Slug', '%3Cscript%3E']) {
      const problem = await expectProblem(`/api/store/articles/${slug}`, 404);
      expect(problem.code).toBe('NOT_FOUND');
    }
  });

  it('refuses a slug longer than any slug can be with 400', async () => {
    const problem = await expectProblem(`/api/store/articles/${'x'.repeat(300)}`, 400);
    expect(problem.errors?.map((e) => e.field)).toEqual(['slug']);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = await (await store.request('/api/openapi.json')).json();
    expect(doc.paths['/api/store/articles']).toBeDefined();
    expect(doc.paths['/api/store/articles/{slug}']).toBeDefined();
  });
});
