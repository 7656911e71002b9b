import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleCategories, articleCategoryLinks } from '#src/content/schema.ts';
import { createTestStaff } from '#src/licences/test-factory.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor, type Visitor } from '#test/support/visitor.ts';

let store: TestStore;
let admin: Visitor;
let token: string;

async function api(path: string, method: string, body: unknown) {
  const res = await store.request(path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  await store.ctx.db.insert(articleCategories).values([
    { slug: 'aftercare', name: 'Aftercare', position: 1 },
    { slug: 'hair-restoration', name: 'Hair restoration', position: 2 },
  ]);
  admin = createVisitor(store);
  token = (await createTestStaff(store.ctx.db, 'admin')).token;
  admin.cookies.set('staff_sid', token);
});
afterAll(() => store.close());

const form = (o: Record<string, string>) => ({
  title: 'Caring for your scalp after PRP',
  slug: 'scalp-care-after-prp',
  excerpt: 'The first days after a session.',
  body: 'Keep the scalp clean and dry for a day.',
  authorName: 'Dana Lee',
  tags: 'aftercare',
  status: 'published',
  publishAt: '',
  seoTitle: '',
  seoDescription: '',
  canonicalUrl: '',
  intent: 'save',
  categoriesShown: '1',
  ...o,
});

const filedUnder = async (articleId: string) =>
  (
    await store.ctx.db
      .select({ slug: articleCategories.slug })
      .from(articleCategoryLinks)
      .innerJoin(articleCategories, eq(articleCategories.id, articleCategoryLinks.categoryId))
      .where(eq(articleCategoryLinks.articleId, articleId))
  )
    .map((c) => c.slug)
    .sort();

describe('blog categories in the article editor', () => {
  it('files an article under the ticked categories, shows it on their pages, and unfiles it when unticked', async () => {
    const editor = await admin.page('/admin/articles/new');
    expect(editor).toContain('name="category-aftercare"');
    expect(editor).toContain('Hair restoration');
    const res = await admin.submit('/admin/articles/new', form({ 'category-aftercare': 'on' }), '/admin/articles');
    expect(res.status, await res.clone().text()).toBe(303);
    const id = /\/admin\/articles\/([0-9a-f-]{36})/.exec(res.headers.get('location')!)![1]!;
    expect(await filedUnder(id)).toEqual(['aftercare']);
    expect(await (await admin.request('/blog/category/aftercare')).text()).toContain('Caring for your scalp after PRP');
    // The saved article's editor shows its box ticked.
    expect(await admin.page(`/admin/articles/${id}`)).toMatch(/name="category-aftercare" value="on" checked/);

    const moved = await admin.submit(
      `/admin/articles/${id}`,
      form({ 'category-hair-restoration': 'on' }),
      `/admin/articles/${id}`,
    );
    expect(moved.status).toBe(303);
    expect(await filedUnder(id)).toEqual(['hair-restoration']);
    expect(await (await admin.request('/blog/category/aftercare')).text()).not.toContain(
      'Caring for your scalp after PRP',
    );
  });

  it('takes categories through the API, keeps them when a change leaves them out, and refuses an unknown one', async () => {
    const created = await api('/api/admin/articles', 'POST', {
      title: 'Minoxidil questions',
      slug: 'minoxidil-questions',
      categories: ['hair-restoration', 'aftercare'],
    });
    expect(created.status).toBe(201);
    const article = created.body as unknown as { id: string; categories: string[] };
    expect(article.categories.sort()).toEqual(['aftercare', 'hair-restoration']);

    const renamed = await api(`/api/admin/articles/${article.id}`, 'PATCH', { title: 'Minoxidil, asked' });
    expect((renamed.body as unknown as { categories: string[] }).categories.sort()).toEqual([
      'aftercare',
      'hair-restoration',
    ]);

    const refused = await api(`/api/admin/articles/${article.id}`, 'PATCH', { categories: ['no-such-section'] });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain('categories');
    expect(await filedUnder(article.id)).toEqual(['aftercare', 'hair-restoration']);
  });
});
