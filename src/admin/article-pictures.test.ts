import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestProduct } from '#src/catalog/test-factory.ts';
import { articleRevisions } from '#src/content/schema.ts';
import { createTestStaff } from '#src/licences/test-factory.ts';
import { auditLog } from '#src/staff/schema.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor, type Visitor } from '#test/support/visitor.ts';
import { articleRowOf, createArticleByForm } from './test-articles.ts';

let store: TestStore;
let admin: Visitor;
let staffOnly: Visitor;
let reader: Visitor;
let token: string;
let staffToken: string;
let seq = 0;

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  const made = await createTestStaff(store.ctx.db, 'admin');
  token = made.token;
  admin = createVisitor(store);
  admin.cookies.set('staff_sid', made.token);
  const staff = await createTestStaff(store.ctx.db, 'staff');
  staffToken = staff.token;
  staffOnly = createVisitor(store);
  staffOnly.cookies.set('staff_sid', staff.token);
  reader = createVisitor(store);
});
afterAll(async () => {
  await store?.close();
});

function picture(format: 'jpeg' | 'png' | 'webp', o: { width?: number; height?: number; colour?: string } = {}) {
  return sharp({
    create: { width: o.width ?? 1600, height: o.height ?? 900, channels: 3, background: o.colour ?? '#2a7de1' },
  })
    .toFormat(format)
    .toBuffer();
}

const file = (bytes: Uint8Array<ArrayBuffer>, name: string, type = 'image/jpeg') => new File([bytes], name, { type });
const renamedText = () => file(new TextEncoder().encode('Shopping list: gloves, gauze'), 'photo.jpg');

function fields(o: Record<string, string> = {}): Record<string, string> {
  seq += 1;
  return {
    title: `Scalp care, week ${seq}`,
    slug: `scalp-care-week-${seq}`,
    excerpt: 'How the scalp looks as it heals.',
    body: 'Rest for a day.\n\nDrink water.',
    authorName: 'Dana Lee',
    tags: 'aftercare',
    status: 'published',
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
const auditActions = async (id: string) =>
  (await store.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, id))).map((r) => r.action);

const call = (path: string, init: { method: string; body?: FormData; as?: string }) =>
  store.request(`/api/admin/articles${path}`, {
    method: init.method,
    headers: { authorization: `Bearer ${init.as ?? token}` },
    ...(init.body ? { body: init.body } : {}),
  });

function uploadForm(image: File, alt: string): FormData {
  const form = new FormData();
  form.set('image', image);
  form.set('alt', alt);
  return form;
}

const widthsOf = (hash: string, widths: number[]) =>
  widths.map((w) => `/media/images/${hash}/${w}.webp ${w}w`).join(', ');

describe('article pictures', () => {
  it('takes a cover on the editor page, keeping unsaved text, and the blog shows it with srcset, og:image and JSON-LD', async () => {
    const { id, fields: f } = await create();
    // Cached before the upload: the upload must refresh these pages.
    expect(await reader.page(`/blog/${f.slug}`)).not.toContain('srcset');
    expect(await reader.page('/blog')).toContain(f.title);

    const jpeg = await picture('jpeg');
    const res = await admin.submit(
      `/admin/articles/${id}`,
      {
        ...f,
        body: 'Words typed but not saved yet.',
        coverFile: file(jpeg, 'scalp.jpg'),
        coverAlt: 'Scalp, two weeks on',
      },
      `/admin/articles/${id}/cover`,
    );
    expect(res.status).toBe(200);
    const editor = await res.text();
    expect(editor).toContain('Cover picture saved.');
    expect(editor).toContain('Words typed but not saved yet.</textarea>');
    expect(editor).toContain('Change cover');

    const row = await articleRow(id);
    expect(row.body).toBe('Rest for a day.\n\nDrink water.');
    expect(row.coverImage).toMatchObject({
      alt: 'Scalp, two weeks on',
      upload: { width: 1600, height: 900, widths: [320, 640, 1280] },
    });
    const hash = row.coverImage!.upload!.hash;
    expect(row.coverImage!.src).toBe(`/media/images/${hash}/640.webp`);
    expect(await auditActions(id)).toContain('article.cover-add');
    const [revision] = await store.ctx.db
      .select()
      .from(articleRevisions)
      .where(and(eq(articleRevisions.articleId, id), eq(articleRevisions.note, 'Cover picture added')));
    expect(revision!.snapshot.coverImage).toMatchObject({ alt: 'Scalp, two weeks on', upload: { hash } });

    const page = await reader.page(`/blog/${f.slug}`);
    expect(page).toContain(`srcset="${widthsOf(hash, [320, 640, 1280])}"`);
    expect(page).toContain('alt="Scalp, two weeks on"');
    const large = `${store.config.baseUrl}/media/images/${hash}/1280.webp`;
    expect(page).toContain(`<meta property="og:image" content="${large}">`);
    expect(page).toContain(`"image":["${large}"]`);
    expect(await reader.page('/blog')).toContain(`/media/images/${hash}/320.webp 320w`);

    for (const width of [320, 640, 1280]) {
      const served = await reader.request(`/media/images/${hash}/${width}.webp`);
      expect(served.status).toBe(200);
      expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect((await sharp(new Uint8Array(await served.arrayBuffer())).metadata()).width).toBe(width);
    }
  });

  it('replaces and removes a cover without losing the text, and a restored revision brings its cover back', async () => {
    const { id, fields: f } = await create();
    const first = await picture('png', { width: 800, height: 600, colour: '#aa3355' });
    await admin.submit(
      `/admin/articles/${id}`,
      { ...f, coverFile: file(first, 'a.png', 'image/png'), coverAlt: 'Red swatch' },
      `/admin/articles/${id}/cover`,
    );
    const firstCover = (await articleRow(id)).coverImage!;
    expect(firstCover.upload!.widths).toEqual([320, 640, 800]);
    const second = await picture('webp', { width: 500, height: 500, colour: '#33aa55' });
    await admin.submit(
      `/admin/articles/${id}`,
      { ...f, coverFile: file(second, 'b.webp', 'image/webp'), coverAlt: 'Green swatch' },
      `/admin/articles/${id}/cover`,
    );
    expect((await articleRow(id)).coverImage).toMatchObject({ alt: 'Green swatch', upload: { widths: [320, 500] } });
    // No file chosen: the cover keeps its picture and takes the new alt text.
    const green = (await articleRow(id)).coverImage!;
    const altOnly = await admin.submit(
      `/admin/articles/${id}`,
      { ...f, coverFile: new File([], ''), coverAlt: 'Green swatch, square' },
      `/admin/articles/${id}/cover`,
    );
    expect(altOnly.status).toBe(200);
    expect((await articleRow(id)).coverImage).toEqual({ ...green, alt: 'Green swatch, square' });
    const removed = await admin.submit(
      `/admin/articles/${id}`,
      { ...f, body: 'Still typing.' },
      `/admin/articles/${id}/cover/remove`,
    );
    expect(removed.status).toBe(200);
    expect(await removed.text()).toContain('Still typing.</textarea>');
    expect((await articleRow(id)).coverImage).toBeNull();
    expect(await reader.page(`/blog/${f.slug}`)).not.toContain('article-cover');
    expect(await auditActions(id)).toEqual(
      expect.arrayContaining([
        'article.cover-add',
        'article.cover-replace',
        'article.cover-update',
        'article.cover-remove',
      ]),
    );

    const history = await admin.page(`/admin/articles/${id}/revisions`);
    expect(history).toContain('Cover: Green swatch, square (/media/images/');
    const revisions = await store.ctx.db.select().from(articleRevisions).where(eq(articleRevisions.articleId, id));
    const withRed = revisions.find((r) => r.note === 'Cover picture added')!;
    const restored = await admin.submit(
      `/admin/articles/${id}/revisions`,
      {},
      `/admin/articles/${id}/revisions/${withRed.number}/restore`,
    );
    expect(restored.status).toBe(303);
    expect((await articleRow(id)).coverImage).toMatchObject({
      alt: 'Red swatch',
      upload: { hash: firstCover.upload!.hash },
    });
  });

  it('refuses a bad cover or body picture with field errors and keeps what was typed', async () => {
    const { id, fields: f } = await create({ status: 'draft' });
    const typed = { ...f, title: 'A title typed here', body: 'A paragraph typed here.' };
    const renamed = await admin.submit(
      `/admin/articles/${id}`,
      { ...typed, coverFile: renamedText(), coverAlt: '' },
      `/admin/articles/${id}/cover`,
    );
    expect(renamed.status).toBe(422);
    const page = await renamed.text();
    expect(page).toContain('This file is not a JPEG, PNG or WebP picture.');
    expect(page).toContain('Describe the picture for people who cannot see it');
    expect(page).toContain('value="A title typed here"');
    expect(page).toContain('A paragraph typed here.</textarea>');

    const justOver = new Uint8Array(10 * 1024 * 1024 + 1);
    justOver.set([0xff, 0xd8, 0xff]);
    const big = await admin.submit(
      `/admin/articles/${id}`,
      { ...typed, imageFile: file(justOver, 'big.jpg'), imageAlt: 'Big' },
      `/admin/articles/${id}/images`,
    );
    expect(big.status).toBe(413);
    const bigPage = await big.text();
    expect(bigPage).toContain('The picture is larger than 10 MB.');
    expect(bigPage).toContain('A paragraph typed here.</textarea>');

    const noAlt = await admin.submit(
      `/admin/articles/${id}`,
      { ...typed, imageFile: file(await picture('jpeg', { width: 300, height: 200 }), 'ok.jpg'), imageAlt: ' ' },
      `/admin/articles/${id}/images`,
    );
    expect(noAlt.status).toBe(422);
    expect(await noAlt.text()).toContain('Describe the picture for people who cannot see it');
    expect((await articleRow(id)).coverImage).toBeNull();
    expect(await auditActions(id)).not.toContain('article.image-upload');

    const apiBad = await call(`/${id}/cover`, { method: 'PUT', body: uploadForm(renamedText(), 'A photo') });
    expect(apiBad.status).toBe(422);
    expect(apiBad.headers.get('content-type')).toContain('application/problem+json');
    expect(((await apiBad.json()) as { errors: { field: string }[] }).errors).toEqual([
      expect.objectContaining({ field: 'image' }),
    ]);
    const apiNoAlt = await call(`/${id}/images`, {
      method: 'POST',
      body: uploadForm(file(await picture('jpeg', { width: 300, height: 200 }), 'ok.jpg'), ''),
    });
    expect(apiNoAlt.status).toBe(422);
    expect(((await apiNoAlt.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['alt']);
  });

  it('uploads a picture for the text: the Markdown to copy without the script, and a responsive picture in preview and article', async () => {
    const { id, fields: f } = await create();
    const jpeg = await picture('jpeg', { width: 1000, height: 750, colour: '#777777' });
    const res = await admin.submit(
      `/admin/articles/${id}`,
      { ...f, body: 'Unsaved first paragraph.', imageFile: file(jpeg, 'scalp.jpg'), imageAlt: 'Scalp [close-up]' },
      `/admin/articles/${id}/images`,
    );
    expect(res.status).toBe(200);
    const editor = await res.text();
    const hash = /\/media\/images\/([0-9a-f]{32})\/1000\.webp/.exec(editor)![1]!;
    const markdown = `![Scalp \\[close-up\\]](/media/images/${hash}/1000.webp)`;
    expect(editor).toContain(`readonly>${markdown}</textarea>`);
    expect(editor).toContain('Unsaved first paragraph.</textarea>');
    expect(await auditActions(id)).toContain('article.image-upload');

    const body = `Unsaved first paragraph.\n\n${markdown}\n\n![Elsewhere](https://cdn.example.com/a.png)\n\n![Bad](javascript:alert(1))`;
    const preview = await admin.submit(`/admin/articles/${id}`, { ...f, body }, `/admin/articles/preview?id=${id}`);
    const pane = await preview.text();
    const responsive = `srcset="${widthsOf(hash, [320, 640, 1000])}"`;
    expect(pane).toContain(responsive);
    expect(pane).toContain('alt="Scalp [close-up]"');
    expect(pane).toContain('<img src="https://cdn.example.com/a.png" alt="Elsewhere" loading="lazy" />');
    expect(pane).not.toMatch(/<img[^>]*javascript:/);

    const saved = await admin.submit(`/admin/articles/${id}`, { ...f, body }, `/admin/articles/${id}`);
    expect(saved.status).toBe(303);
    const article = await reader.page(`/blog/${f.slug}`);
    expect(article).toContain(responsive);
    expect(article).not.toMatch(/<img[^>]*javascript:/);

    // The editor's script asks for JSON and places the line itself.
    const token = /name="_csrf" value="([^"]+)"/.exec(await admin.page(`/admin/articles/${id}`))![1]!;
    const form = uploadForm(file(await picture('png', { width: 200, height: 100 }), 'a.png', 'image/png'), 'Tiny');
    form.set('_csrf', token);
    form.set('imageFile', form.get('image')!);
    form.set('imageAlt', 'Tiny');
    const json = await admin.request(`/admin/articles/${id}/images`, {
      method: 'POST',
      body: form,
      headers: { accept: 'application/json', origin: new URL(store.config.baseUrl).origin },
    });
    expect(json.status).toBe(201);
    expect(((await json.json()) as { markdown: string }).markdown).toMatch(
      /^!\[Tiny\]\(\/media\/images\/[0-9a-f]{32}\/200\.webp\)$/,
    );
  });

  it('takes a cover and body pictures through the API', async () => {
    const { id, fields: f } = await create();
    const put = await call(`/${id}/cover`, {
      method: 'PUT',
      body: uploadForm(file(await picture('webp', { width: 1400, height: 700 }), 'c.webp', 'image/webp'), 'Cover'),
    });
    expect(put.status).toBe(200);
    const article = (await put.json()) as { coverImage: { src: string; alt: string; srcset: { width: number }[] } };
    expect(article.coverImage.alt).toBe('Cover');
    expect(article.coverImage.srcset.map((s) => s.width)).toEqual([320, 640, 1280]);
    expect(await reader.page(`/blog/${f.slug}`)).toContain(article.coverImage.src);
    const stored = (await (await reader.api(`/api/store/articles/${f.slug}`)).json()) as {
      coverImage: { src: string; srcset: { src: string; width: number }[] };
    };
    expect(stored.coverImage.src).toBe(`${store.config.baseUrl}${article.coverImage.src}`);
    expect(stored.coverImage.srcset.map((s) => s.width)).toEqual([320, 640, 1280]);
    expect(stored.coverImage.srcset[0]!.src).toMatch(/^http.*\/320\.webp$/);
    const altForm = new FormData();
    altForm.set('alt', 'Cover, seen from above');
    const altOnly = await call(`/${id}/cover`, { method: 'PUT', body: altForm });
    expect(altOnly.status).toBe(200);
    expect(((await altOnly.json()) as { coverImage: { src: string; alt: string } }).coverImage).toEqual(
      expect.objectContaining({ src: article.coverImage.src, alt: 'Cover, seen from above' }),
    );

    const body = await call(`/${id}/images`, {
      method: 'POST',
      body: uploadForm(file(await picture('jpeg', { width: 700, height: 400 }), 'b.jpg'), 'Vial on a tray'),
    });
    expect(body.status).toBe(201);
    const answer = (await body.json()) as { markdown: string; src: string; srcset: { width: number }[] };
    expect(answer.markdown).toMatch(/^!\[Vial on a tray\]\(\/media\/images\/[0-9a-f]{32}\/700\.webp\)$/);
    expect(answer.srcset.map((s) => s.width)).toEqual([320, 640, 700]);

    const deleted = await call(`/${id}/cover`, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect(((await deleted.json()) as { coverImage: unknown }).coverImage).toBeNull();
    expect(await reader.page(`/blog/${f.slug}`)).not.toContain('og:image');
  });

  it('keeps the files of a photo that is both a product picture and an article cover when the product drops it', async () => {
    const { id, fields: f } = await create();
    const bytes = await picture('jpeg', { width: 900, height: 600, colour: '#445566' });
    const product = await createTestProduct(store.ctx);
    const added = await store.request(`/api/admin/products/${product.id}/images`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: uploadForm(file(bytes, 'p.jpg'), 'Shared photo'),
    });
    expect(added.status).toBe(201);
    const imageId = ((await added.json()) as { images: { id: string }[] }).images[0]!.id;
    await call(`/${id}/cover`, { method: 'PUT', body: uploadForm(file(bytes, 'a.jpg'), 'Shared photo') });
    const hash = (await articleRow(id)).coverImage!.upload!.hash;
    expect(hash).toBe(imageId);
    const removed = await store.request(`/api/admin/products/${product.id}/images/${imageId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(removed.status).toBe(204);
    expect((await reader.request(`/media/images/${hash}/640.webp`)).status).toBe(200);
    expect(await reader.page(`/blog/${f.slug}`)).toContain(`/media/images/${hash}/900.webp 900w`);
  });

  it('is for staff with content:manage only', async () => {
    const { id, fields: f } = await create({ status: 'draft' });
    const jpeg = await picture('jpeg', { width: 300, height: 200 });
    const origin = new URL(store.config.baseUrl).origin;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await staffOnly.page('/admin'))![1]!;
    for (const path of ['cover', 'images']) {
      const form = new FormData();
      form.set('_csrf', csrf);
      form.set(path === 'cover' ? 'coverFile' : 'imageFile', file(jpeg, 'x.jpg'));
      form.set(path === 'cover' ? 'coverAlt' : 'imageAlt', 'X');
      for (const [k, v] of Object.entries(f)) form.set(k, v);
      const res = await staffOnly.request(`/admin/articles/${id}/${path}`, {
        method: 'POST',
        body: form,
        headers: { origin },
      });
      expect(res.status).toBe(403);
    }
    expect(
      (await call(`/${id}/cover`, { method: 'PUT', body: uploadForm(file(jpeg, 'x.jpg'), 'X'), as: staffToken }))
        .status,
    ).toBe(403);
    expect((await call(`/${id}/cover`, { method: 'DELETE', as: staffToken })).status).toBe(403);
    expect(
      (await call(`/${id}/images`, { method: 'POST', body: uploadForm(file(jpeg, 'x.jpg'), 'X'), as: staffToken }))
        .status,
    ).toBe(403);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(
      (await call(`/${missing}/cover`, { method: 'PUT', body: uploadForm(file(jpeg, 'x.jpg'), 'X') })).status,
    ).toBe(404);
    expect((await articleRow(id)).coverImage).toBeNull();
  });
});
