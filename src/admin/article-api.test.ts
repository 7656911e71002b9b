import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestProduct } from '#src/catalog/test-factory.ts';
import { articles } from '#src/content/schema.ts';
import { createTestStaff } from '#src/licences/test-factory.ts';
import { auditLog } from '#src/staff/schema.ts';
import { staffApiCaller } from '#test/support/staff-api.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';

let store: TestStore;
let token: string;
let staffToken: string;

type Finding = { id: string; rule: string; sentence: string; message: string; acknowledgement: unknown };
type ArticleJson = { id: string; slug: string; status: string; body: string; excerpt: string; findings: Finding[] };
type Problem = { code?: string; errors?: { field: string; message: string }[]; findings?: Finding[] };

const call = staffApiCaller(
  () => store,
  '/api/admin/articles',
  () => token,
);

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  token = (await createTestStaff(store.ctx.db, 'admin')).token;
  staffToken = (await createTestStaff(store.ctx.db, 'staff')).token;
});
afterAll(async () => {
  await store?.close();
});

describe('the articles API', () => {
  it('wants a staff token with content:manage', async () => {
    expect((await call('', { as: null })).status).toBe(401);
    expect((await call('', { as: staffToken })).status).toBe(403);
    expect((await call('', { as: staffToken, body: { title: 'T', slug: 'nope' } })).status).toBe(403);
    expect((await call('/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await call('/not-a-uuid')).status).toBe(404);
  });

  it('creates, reads, changes and lists articles, answering field errors as problems', async () => {
    const created = await call('', { body: { title: 'API article', slug: 'api-article', body: 'Hello.' } });
    expect(created.status).toBe(201);
    const article = (await created.json()) as ArticleJson;
    expect(created.headers.get('location')).toBe(`/api/admin/articles/${article.id}`);
    expect(article).toMatchObject({ slug: 'api-article', status: 'draft', findings: [] });

    const patched = await call(`/${article.id}`, { method: 'PATCH', body: { excerpt: 'Short.' } });
    expect(patched.status).toBe(200);
    expect((await patched.json()) as ArticleJson).toMatchObject({ excerpt: 'Short.', body: 'Hello.' });

    const bad = await call(`/${article.id}`, { method: 'PATCH', body: { slug: 'Bad Slug', canonicalUrl: 'ftp://x' } });
    expect(bad.status).toBe(422);
    const problem = (await bad.json()) as Problem;
    expect(problem.errors!.map((e) => e.field).sort()).toEqual(['canonicalUrl', 'slug']);
    expect((await call(`/${article.id}`, { method: 'PATCH', body: { unknown: 1 } })).status).toBe(400);

    const list = (await (await call('?q=API')).json()) as { items: { id: string }[]; total: number };
    expect(list.items.map((i) => i.id)).toContain(article.id);
    const [audit] = await store.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, article.id));
    expect(audit!.action).toBe('article.create');
  });

  it('answers 422 with the findings while a claim blocks publishing, and publishes once it is acknowledged', async () => {
    const product = await createTestProduct(store.ctx, {
      name: 'Scalp Laser Band',
      regulatoryStatus: 'de-novo',
      form: 'device',
      route: 'device',
    });
    const claim = 'The Scalp Laser Band is FDA-approved.';
    const created = (await (
      await call('', {
        body: { title: 'Lasers', slug: 'lasers-at-home', body: `[[product:${product.slug}]]\n\n${claim}` },
      })
    ).json()) as ArticleJson;
    expect(created.findings).toHaveLength(1);

    const refused = await call(`/${created.id}/publish`, { method: 'POST' });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await refused.json()) as Problem;
    expect(problem.findings).toEqual([
      expect.objectContaining({ rule: 'approval-claim', sentence: claim, id: created.findings[0]!.id }),
    ]);
    expect(problem.findings![0]!.message).toContain('De Novo');
    // Scheduling is held to the same check.
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect(
      (await call(`/${created.id}`, { method: 'PATCH', body: { status: 'scheduled', publishAt: future } })).status,
    ).toBe(422);

    const findingId = problem.findings![0]!.id;
    expect((await call(`/${created.id}/findings/${findingId}/acknowledge`, { body: { reason: '' } })).status).toBe(422);
    expect((await call(`/${created.id}/findings/nope.0/acknowledge`, { body: { reason: 'Because so' } })).status).toBe(
      404,
    );
    const ack = await call(`/${created.id}/findings/${findingId}/acknowledge`, {
      body: { reason: 'Wording checked by counsel' },
    });
    expect(ack.status).toBe(200);
    expect(((await ack.json()) as ArticleJson).findings[0]!.acknowledgement).toMatchObject({
      reason: 'Wording checked by counsel',
    });

    const published = await call(`/${created.id}/publish`, { method: 'POST' });
    expect(published.status).toBe(200);
    expect(((await published.json()) as ArticleJson).status).toBe('published');
    const [row] = await store.ctx.db.select().from(articles).where(eq(articles.id, created.id));
    expect(row!.status).toBe('published');
    expect((await store.request('/blog/lasers-at-home')).status).toBe(200);
  });
});
