import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestProduct } from '#src/catalog/test-factory.ts';
import { DSHEA_STATEMENT } from '#src/content/compliance/check.ts';
import { articleRevisions, articles } from '#src/content/schema.ts';
import { JOB_KINDS } from '#src/job-kinds.ts';
import { jobs } from '#src/jobs/schema.ts';
import { runDueJobs } from '#src/jobs/worker.ts';
import { createTestStaff } from '#src/licences/test-factory.ts';
import { auditLog } from '#src/staff/schema.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor, type Visitor } from '#test/support/visitor.ts';
import { articleRowOf, createArticleByForm } from './test-articles.ts';

let store: TestStore;
let admin: Visitor;
let staffOnly: Visitor;
let seq = 0;

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  admin = createVisitor(store);
  admin.cookies.set('staff_sid', (await createTestStaff(store.ctx.db, 'admin')).token);
  staffOnly = createVisitor(store);
  staffOnly.cookies.set('staff_sid', (await createTestStaff(store.ctx.db, 'staff')).token);
});
afterAll(async () => {
  await store?.close();
});

const XSS = '<script>alert(1)</script><img src=x onerror=alert(2)>';

function fields(o: Record<string, string> = {}): Record<string, string> {
  seq += 1;
  return {
    title: `Aftercare guide ${seq}`,
    slug: `aftercare-guide-${seq}`,
    excerpt: 'What to do after a treatment.',
    body: 'Rest for a day.\n\nDrink water.',
    authorName: 'Dana Lee',
    tags: 'aftercare, hair',
    status: 'draft',
    publishAt: '',
    seoTitle: '',
    seoDescription: '',
    canonicalUrl: '',
    intent: 'save',
    ...o,
  };
}

const create = (o: Record<string, string> = {}) => createArticleByForm(admin, fields(o));

const articleRow = (id: string) => articleRowOf(store.ctx.db, id);

describe('the article pages', () => {
  it('are refused to a role without content:manage, and shown in the navigation only to those with it', async () => {
    const { id } = await create();
    expect((await staffOnly.request('/admin/articles')).status).toBe(403);
    expect((await staffOnly.request(`/admin/articles/${id}`)).status).toBe(403);
    const token = /name="_csrf" value="([^"]+)"/.exec(await staffOnly.page('/admin'))![1]!;
    const res = await staffOnly.request(`/admin/articles/${id}/publish`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(store.config.baseUrl).origin },
      body: new URLSearchParams({ _csrf: token }),
    });
    expect(res.status).toBe(403);
    expect((await articleRow(id)).status).toBe('draft');
    expect(await staffOnly.page('/admin')).not.toContain('href="/admin/articles"');
    expect(await admin.page('/admin')).toContain('href="/admin/articles"');
    expect((await admin.request('/admin/articles/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('refuse a form posted without the CSRF token', async () => {
    const before = (await store.ctx.db.select({ n: sql<number>`count(*)::int` }).from(articles))[0]!.n;
    const { intent: _intent, ...typed } = fields();
    const res = await admin.request('/admin/articles', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(store.config.baseUrl).origin },
      body: new URLSearchParams(typed),
    });
    expect(res.status).toBe(403);
    expect((await store.ctx.db.select({ n: sql<number>`count(*)::int` }).from(articles))[0]!.n).toBe(before);
  });

  it('create an article with its first revision and an audit entry, listed and searchable', async () => {
    const { id, fields: f } = await create({ authorName: 'Sam Writer' });
    const row = await articleRow(id);
    expect(row).toMatchObject({ title: f.title, slug: f.slug, status: 'draft', tags: ['aftercare', 'hair'] });
    const revisions = await store.ctx.db.select().from(articleRevisions).where(eq(articleRevisions.articleId, id));
    expect(revisions.map((r) => r.number)).toEqual([1]);
    const [audit] = await store.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit).toMatchObject({ action: 'article.create', entityType: 'article' });
    const list = await admin.page(`/admin/articles?q=${encodeURIComponent(f.title!)}`);
    expect(list).toContain(f.title);
    expect(list).toContain('1 article');
    expect(await admin.page('/admin/articles?status=published&q=Sam+Writer')).toContain('0 articles');
  });

  it('escape what the author typed in every field, in the list, the editor and the preview', async () => {
    const { id } = await create({
      title: `Title ${XSS}`,
      excerpt: `Excerpt ${XSS}`,
      body: `Body ${XSS}\n\n[a link](javascript:alert(3))\n\n<iframe src="https://evil.test"></iframe>`,
      authorName: `Author ${XSS}`,
      tags: 'tag <svg onload=alert(4)>',
      seoTitle: `SEO ${XSS}`,
      seoDescription: `Description ${XSS}`,
    });
    for (const page of [await admin.page('/admin/articles'), await admin.page(`/admin/articles/${id}`)]) {
      expect(page).not.toContain('<script>alert(1)');
      expect(page).not.toMatch(/<img[^>]*onerror/);
      expect(page).not.toMatch(/href="javascript:/i);
      expect(page).not.toContain('<iframe');
      expect(page).not.toContain('<svg onload');
    }
    const editor = await admin.page(`/admin/articles/${id}`);
    expect(editor).toContain('Title &lt;script&gt;');
    const preview = await admin.submit(
      `/admin/articles/${id}`,
      fields({ body: `Typed ${XSS}`, intent: 'preview' }),
      `/admin/articles/${id}`,
    );
    expect(preview.status).toBe(200);
    const previewHtml = await preview.text();
    expect(previewHtml).toContain('Typed');
    expect(previewHtml).not.toContain('<script>alert(1)');
    expect(previewHtml).not.toMatch(/<img[^>]*onerror/);
  });

  it('show the typed text in the preview without saving it, with the button and with the script', async () => {
    const { id, fields: f } = await create();
    const res = await admin.submit(
      `/admin/articles/${id}`,
      { ...f, body: '## Typed heading\n\nNot saved yet.', intent: 'preview' },
      `/admin/articles/${id}`,
    );
    const page = await res.text();
    expect(res.status).toBe(200);
    expect(page).toMatch(/<h2[^>]*>Typed heading<\/h2>/);
    expect((await articleRow(id)).body).toBe(f.body);
    const fragment = await admin.submit(
      `/admin/articles/${id}`,
      { ...f, body: '**Bold** news' },
      `/admin/articles/preview?id=${id}`,
    );
    expect(fragment.status).toBe(200);
    const text = await fragment.text();
    expect(text).toContain('<strong>Bold</strong>');
    expect(text).toContain('id="article-preview-pane"');
  });

  it('re-render the form with field errors and what was typed', async () => {
    const res = await admin.submit(
      '/admin/articles/new',
      fields({ slug: 'Not A Slug!', canonicalUrl: 'javascript:alert(1)', title: 'Kept title' }),
      '/admin/articles',
    );
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain('value="Kept title"');
    expect(page).toContain('Use lowercase letters');
    expect(page).toContain('Enter a full address');
  });

  it('keep the old address answering 301 after a slug rename', async () => {
    const { id, fields: f } = await create({ status: 'published' });
    expect((await admin.request(`/blog/${f.slug}`)).status).toBe(200);
    const res = await admin.submit(
      `/admin/articles/${id}`,
      { ...f, slug: `${f.slug}-renamed` },
      `/admin/articles/${id}`,
    );
    expect(res.status).toBe(303);
    const old = await createVisitor(store).request(`/blog/${f.slug}`);
    expect(old.status).toBe(301);
    expect(old.headers.get('location')).toBe(`/blog/${f.slug}-renamed`);
    expect((await createVisitor(store).request(`/blog/${f.slug}-renamed`)).status).toBe(200);
    // Another article cannot take a slug in use.
    const clash = await admin.submit('/admin/articles/new', fields({ slug: `${f.slug}-renamed` }), '/admin/articles');
    expect(clash.status).toBe(409);
  });

  it('block publishing while a claim contradicts the catalogue, until the finding is acknowledged', async () => {
    const product = await createTestProduct(store.ctx, { name: 'Copper Peptide Serum', regulatoryStatus: 'cosmetic' });
    const claim = 'Copper Peptide Serum is FDA-approved for thinning hair.';
    const { id, fields: f } = await create({ body: `[[product:${product.slug}]]\n\n${claim}` });
    const editor = await admin.page(`/admin/articles/${id}`);
    expect(editor).toContain(claim);
    expect(editor).toContain('1 open finding blocks publishing');

    const refused = await admin.submit(`/admin/articles/${id}`, {}, `/admin/articles/${id}/publish`);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('open finding');
    const viaForm = await admin.submit(`/admin/articles/${id}`, { ...f, status: 'published' }, `/admin/articles/${id}`);
    expect(viaForm.status).toBe(422);
    expect((await articleRow(id)).status).toBe('draft');

    const findingId = /\/findings\/([^/]+)\/acknowledge/.exec(editor)![1]!;
    const noReason = await admin.submit(
      `/admin/articles/${id}`,
      { reason: '' },
      `/admin/articles/${id}/findings/${findingId}/acknowledge`,
    );
    expect(noReason.status).toBe(400);
    const ack = await admin.submit(
      `/admin/articles/${id}`,
      { reason: 'Legal confirmed the wording' },
      `/admin/articles/${id}/findings/${findingId}/acknowledge`,
    );
    expect(ack.status).toBe(303);
    const audit = await store.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'article.acknowledge-finding'));
    expect(audit.at(-1)!.after).toMatchObject({
      rule: 'approval-claim',
      sentence: claim,
      reason: 'Legal confirmed the wording',
    });

    // The acknowledgement survives a save that keeps the sentence, with other text around it.
    const resaved = await admin.submit(
      `/admin/articles/${id}`,
      { ...f, body: `Intro added.\n\n[[product:${product.slug}]]\n\n${claim}` },
      `/admin/articles/${id}`,
    );
    expect(resaved.status).toBe(303);
    expect(await admin.page(`/admin/articles/${id}`)).toContain('Every finding is acknowledged');
    const published = await admin.submit(`/admin/articles/${id}`, {}, `/admin/articles/${id}/publish`);
    expect(published.status).toBe(303);
    expect((await articleRow(id)).status).toBe('published');
    expect((await createVisitor(store).request(`/blog/${f.slug}`)).status).toBe(200);
  });

  it('compare two revisions as a line diff and restore one as a new revision', async () => {
    const { id, fields: f } = await create({ body: 'First line.\nSecond line.' });
    await admin.submit(
      `/admin/articles/${id}`,
      { ...f, body: 'First line.\nSecond line, changed.', title: 'Changed title' },
      `/admin/articles/${id}`,
    );
    const page = await admin.page(`/admin/articles/${id}/revisions`);
    expect(page).toContain('Revision 1 compared with revision 2');
    expect(page).toMatch(/class="diff-removed">.*- Second line\./);
    expect(page).toMatch(/class="diff-added">.*\+ Second line, changed\./);
    expect(page).toMatch(/class="diff-added">.*\+ Title: Changed title/);
    const res = await admin.submit(`/admin/articles/${id}/revisions`, {}, `/admin/articles/${id}/revisions/1/restore`);
    expect(res.status).toBe(303);
    const row = await articleRow(id);
    expect(row).toMatchObject({ body: 'First line.\nSecond line.', title: f.title });
    const revisions = await store.ctx.db.select().from(articleRevisions).where(eq(articleRevisions.articleId, id));
    expect(revisions.map((r) => [r.number, r.note]).sort()).toEqual([
      [1, ''],
      [2, ''],
      [3, 'Restored revision 1'],
    ]);
    expect((await admin.request(`/admin/articles/${id}/revisions/9/restore`, { method: 'POST' })).status).toBe(403);
  });

  it('publish a scheduled article through the job runner at its time, and empty the cached blog', async () => {
    const at = new Date(Date.now() + 3_600_000).toISOString().slice(0, 16);
    const { id, fields: f } = await create({ status: 'scheduled', publishAt: at });
    expect((await articleRow(id)).status).toBe('scheduled');
    const reader = createVisitor(store);
    expect(await reader.page('/blog')).not.toContain(f.title);
    expect((await reader.request(`/blog/${f.slug}`)).status).toBe(404);
    // Not yet: the job waits for its time.
    await runDueJobs(store.ctx, JOB_KINDS);
    expect((await articleRow(id)).status).toBe('scheduled');
    // The time comes.
    await store.ctx.db
      .update(articles)
      .set({ publishedAt: new Date(Date.now() - 1000) })
      .where(eq(articles.id, id));
    await store.ctx.db
      .update(jobs)
      .set({ runAt: new Date(Date.now() - 1000) })
      .where(eq(jobs.kind, 'content-publish-scheduled'));
    await runDueJobs(store.ctx, JOB_KINDS);
    expect((await articleRow(id)).status).toBe('published');
    expect(await reader.page('/blog')).toContain(f.title);
    expect((await reader.request(`/blog/${f.slug}`)).status).toBe(200);
  });

  it('refuse to schedule without a time to come', async () => {
    const res = await admin.submit(
      '/admin/articles/new',
      fields({ status: 'scheduled', publishAt: '' }),
      '/admin/articles',
    );
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('needs a publication time in the future');
  });

  it('requires the DSHEA statement for a supplement before publishing', async () => {
    const gummies = await createTestProduct(store.ctx, {
      name: 'Biotin Chews',
      regulatoryStatus: 'dietary-supplement',
      form: 'other',
      route: 'oral',
    });
    const { id, fields: f } = await create({ body: `[[product:${gummies.slug}]]\n\nChew two a day.` });
    expect((await admin.submit(`/admin/articles/${id}`, {}, `/admin/articles/${id}/publish`)).status).toBe(422);
    await admin.submit(
      `/admin/articles/${id}`,
      { ...f, body: `[[product:${gummies.slug}]]\n\nChew two a day.\n\n${DSHEA_STATEMENT}` },
      `/admin/articles/${id}`,
    );
    expect((await admin.submit(`/admin/articles/${id}`, {}, `/admin/articles/${id}/publish`)).status).toBe(303);
  });

  it('keep the text of an article written before revisions were kept as the first revision of its first edit', async () => {
    const [row] = await store.ctx.db
      .insert(articles)
      .values({ slug: 'imported-article', title: 'Imported', body: 'Old text.', status: 'draft' })
      .returning();
    const res = await admin.submit(
      `/admin/articles/${row!.id}`,
      fields({ slug: 'imported-article', title: 'Imported', body: 'New text.' }),
      `/admin/articles/${row!.id}`,
    );
    expect(res.status).toBe(303);
    const revisions = await store.ctx.db.select().from(articleRevisions).where(eq(articleRevisions.articleId, row!.id));
    expect(revisions.map((r) => [r.number, r.snapshot.body]).sort()).toEqual([
      [1, 'Old text.'],
      [2, 'New text.'],
    ]);
  });

  it('leave a rescheduled article for its new time, and hold back one whose claim the catalogue no longer bears', async () => {
    const soon = new Date(Date.now() + 3_600_000).toISOString().slice(0, 16);
    const later = new Date(Date.now() + 7_200_000).toISOString().slice(0, 16);
    const { id, fields: f } = await create({ status: 'scheduled', publishAt: soon });
    await admin.submit(
      `/admin/articles/${id}`,
      { ...f, status: 'scheduled', publishAt: later },
      `/admin/articles/${id}`,
    );
    // The first time comes: its job finds the article moved on and leaves it.
    await store.ctx.db
      .update(jobs)
      .set({ runAt: new Date(Date.now() - 1000) })
      .where(eq(jobs.kind, 'content-publish-scheduled'));
    await store.ctx.db
      .update(articles)
      .set({ publishedAt: new Date(Date.now() + 60_000) })
      .where(eq(articles.id, id));
    await runDueJobs(store.ctx, JOB_KINDS);
    expect((await articleRow(id)).status).toBe('scheduled');

    const product = await createTestProduct(store.ctx, {
      name: 'Follicle Light Cap',
      regulatoryStatus: 'fda-approved',
      form: 'device',
      route: 'device',
    });
    const held = await create({
      status: 'scheduled',
      publishAt: soon,
      body: 'The Follicle Light Cap is FDA-approved.',
    });
    await store.ctx.db.execute(sql`UPDATE products SET regulatory_status = 'de-novo' WHERE id = ${product.id}`);
    await store.ctx.db
      .update(articles)
      .set({ publishedAt: new Date(Date.now() - 1000) })
      .where(eq(articles.id, held.id));
    await store.ctx.db
      .update(jobs)
      .set({ runAt: new Date(Date.now() - 1000) })
      .where(eq(jobs.kind, 'content-publish-scheduled'));
    await runDueJobs(store.ctx, JOB_KINDS);
    expect((await articleRow(held.id)).status).toBe('draft');
    const [last] = await store.ctx.db
      .select()
      .from(articleRevisions)
      .where(eq(articleRevisions.articleId, held.id))
      .orderBy(sql`number desc`)
      .limit(1);
    expect(last!.note).toContain('Held back at its time');
  });
});
