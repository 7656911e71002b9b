import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { products } from '#src/catalog/schema.ts';
import { createTestProduct } from '#src/catalog/test-factory.ts';
import { createTestStaff } from '#src/licences/test-factory.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor, type Visitor } from '#test/support/visitor.ts';

let store: TestStore;
let admin: Visitor;
let shopper: Visitor;
let token: string;

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  const made = await createTestStaff(store.ctx.db, 'admin');
  token = made.token;
  admin = createVisitor(store);
  admin.cookies.set('staff_sid', made.token);
  shopper = createVisitor(store);
});
afterAll(async () => {
  await store?.close();
});

function picture(format: 'jpeg' | 'png' | 'webp', o: { width?: number; height?: number; colour?: string } = {}) {
  return sharp({
    create: { width: o.width ?? 1600, height: o.height ?? 1200, channels: 3, background: o.colour ?? '#2a7de1' },
  })
    .toFormat(format)
    .toBuffer();
}

function file(bytes: Uint8Array<ArrayBuffer>, name: string, type: string): File {
  return new File([bytes], name, { type });
}

async function imagesOf(id: string) {
  const [row] = await store.ctx.db.select({ images: products.images }).from(products).where(eq(products.id, id));
  return row!.images;
}

const editorOf = (id: string) => `/admin/products/${id}`;

describe('product pictures', () => {
  it('resizes an upload into WebP widths, keeps the original, and shows it with srcset on the product page and cards', async () => {
    const product = await createTestProduct(store.ctx, { name: 'Pictured Serum', slug: 'pictured-serum' });
    // Cached before the upload: the upload must refresh it.
    expect(await shopper.page('/products/pictured-serum')).not.toContain('srcset');
    const jpeg = await picture('jpeg');
    const res = await admin.submit(
      editorOf(product.id),
      { image: file(jpeg, 'serum.jpg', 'image/jpeg'), alt: 'Amber bottle of serum' },
      `${editorOf(product.id)}/images`,
    );
    expect(res.status).toBe(303);
    const [image] = await imagesOf(product.id);
    expect(image).toMatchObject({
      alt: 'Amber bottle of serum',
      upload: { width: 1600, height: 1200, widths: [320, 640, 1280] },
    });
    const hash = image!.upload!.hash;
    expect(image!.src).toBe(`/media/images/${hash}/640.webp`);
    expect(await store.ctx.storage.has(`images/${hash}/original.jpg`)).toBe(true);

    const page = await shopper.page('/products/pictured-serum');
    expect(page).toContain(
      `srcset="/media/images/${hash}/320.webp 320w, /media/images/${hash}/640.webp 640w, /media/images/${hash}/1280.webp 1280w"`,
    );
    expect(page).toContain('alt="Amber bottle of serum"');
    expect(await shopper.page('/products')).toContain(`/media/images/${hash}/320.webp 320w`);

    const served = await shopper.request(`/media/images/${hash}/1280.webp`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/webp');
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const meta = await sharp(new Uint8Array(await served.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 1280, height: 960 });
    expect((await shopper.request(`/media/images/${hash}/original.jpg`)).status).toBe(404);
    expect((await shopper.request(`/media/images/${hash}/999.webp`)).status).toBe(404);
    expect((await shopper.request('/media/images/..%2F..%2Fsession-secret/640.webp')).status).toBe(404);
  });

  it('never enlarges a small picture, and takes PNG and WebP', async () => {
    const product = await createTestProduct(store.ctx);
    const png = await picture('png', { width: 500, height: 500, colour: '#aa3355' });
    await admin.submit(
      editorOf(product.id),
      { image: file(png, 'a.png', 'image/png'), alt: 'Swatch' },
      `${editorOf(product.id)}/images`,
    );
    const webp = await picture('webp', { width: 700, height: 350, colour: '#33aa55' });
    await admin.submit(
      editorOf(product.id),
      { image: file(webp, 'b.webp', 'image/webp'), alt: 'Box' },
      `${editorOf(product.id)}/images`,
    );
    const images = await imagesOf(product.id);
    expect(images.map((i) => i.upload?.widths)).toEqual([
      [320, 500],
      [320, 640, 700],
    ]);
  });

  it('orders pictures by number and by the drag script, and removes them', async () => {
    const product = await createTestProduct(store.ctx);
    for (const [colour, alt] of [
      ['#111111', 'First'],
      ['#555555', 'Second'],
      ['#999999', 'Third'],
    ] as const) {
      const bytes = await picture('jpeg', { width: 400, height: 300, colour });
      await admin.submit(
        editorOf(product.id),
        { image: file(bytes, 'x.jpg', 'image/jpeg'), alt },
        `${editorOf(product.id)}/images`,
      );
    }
    let images = await imagesOf(product.id);
    const [first, second, third] = images.map((i) => i.upload!.hash);
    const moved = await admin.submit(
      editorOf(product.id),
      { alt: 'Third, now first', position: '1' },
      `${editorOf(product.id)}/images/${third}`,
    );
    expect(moved.status).toBe(303);
    images = await imagesOf(product.id);
    expect(images.map((i) => i.alt)).toEqual(['Third, now first', 'First', 'Second']);
    const dragged = await admin.submit(
      editorOf(product.id),
      { order: `${second},${first},${third}` },
      `${editorOf(product.id)}/images/order`,
    );
    expect(dragged.status).toBe(303);
    expect((await imagesOf(product.id)).map((i) => i.alt)).toEqual(['Second', 'First', 'Third, now first']);
    const noAlt = await admin.submit(
      editorOf(product.id),
      { alt: ' ', position: '2' },
      `${editorOf(product.id)}/images/${first}`,
    );
    expect(noAlt.status).toBe(400);
    expect(await noAlt.text()).toContain('Describe the picture for people who cannot see it.');
    const removed = await admin.submit(editorOf(product.id), {}, `${editorOf(product.id)}/images/${second}/delete`);
    expect(removed.status).toBe(303);
    expect((await imagesOf(product.id)).map((i) => i.alt)).toEqual(['First', 'Third, now first']);
    expect(await store.ctx.storage.has(`images/${second}/640.webp`)).toBe(false);
    expect((await shopper.request(`/media/images/${second}/320.webp`)).status).toBe(404);
  });

  it('refuses bad uploads with a clear message on the form', async () => {
    const product = await createTestProduct(store.ctx);
    const upload = (fields: Record<string, string | Blob>) =>
      admin.submit(editorOf(product.id), fields, `${editorOf(product.id)}/images`);
    const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF');
    const renamed = await upload({ image: file(pdf, 'photo.jpg', 'image/jpeg'), alt: 'A photo' });
    expect(renamed.status).toBe(422);
    const page = await renamed.text();
    expect(page).toContain('This file is not a JPEG, PNG or WebP picture.');
    expect(page).toContain('value="A photo"');
    const text = await upload({
      image: file(new TextEncoder().encode('hello'), 'notes.png', 'image/png'),
      alt: 'Notes',
    });
    expect(text.status).toBe(422);
    const damaged = new Uint8Array(2000).fill(7);
    damaged.set([0xff, 0xd8, 0xff, 0xe0]);
    const broken = await upload({ image: file(damaged, 'broken.jpg', 'image/jpeg'), alt: 'Broken' });
    expect(broken.status).toBe(422);
    expect(await broken.text()).toContain('The picture could not be read');
    const jpeg = await picture('jpeg', { width: 200, height: 200 });
    const noAlt = await upload({ image: file(jpeg, 'ok.jpg', 'image/jpeg'), alt: '' });
    expect(noAlt.status).toBe(422);
    expect(await noAlt.text()).toContain('Describe the picture for people who cannot see it');
    const none = await upload({ image: file(new Uint8Array(), 'empty.jpg', 'image/jpeg'), alt: 'Nothing' });
    expect(none.status).toBe(422);
    expect(await none.text()).toContain('Choose a picture to upload.');
    const justOver = new Uint8Array(10 * 1024 * 1024 + 1);
    justOver.set([0xff, 0xd8, 0xff]);
    const big = await upload({ image: file(justOver, 'big.jpg', 'image/jpeg'), alt: 'Big' });
    expect(big.status).toBe(413);
    expect(await big.text()).toContain('The picture is larger than 10 MB.');
    const huge = await upload({ image: file(new Uint8Array(12 * 1024 * 1024), 'huge.jpg', 'image/jpeg'), alt: 'Huge' });
    expect(huge.status).toBe(413);
    expect(await huge.text()).toContain('larger than 10 MB');
    expect(await imagesOf(product.id)).toEqual([]);
  });

  it('takes uploads through the API too, with problem+json for a bad one', async () => {
    const product = await createTestProduct(store.ctx);
    const send = (form: FormData) =>
      store.request(`/api/admin/products/${product.id}/images`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
    const bad = new FormData();
    bad.set('image', file(new TextEncoder().encode('%PDF-1.4'), 'x.jpg', 'image/jpeg'));
    bad.set('alt', 'Label');
    const refused = await send(bad);
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe('image');
    const good = new FormData();
    good.set('image', file(await picture('png', { width: 300, height: 200 }), 'x.png', 'image/png'));
    good.set('alt', 'Label on the box');
    const res = await send(good);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { images: { id: string; alt: string; srcset: { width: number }[] }[] };
    expect(body.images[0]).toMatchObject({ alt: 'Label on the box', srcset: [{ width: 300 }] });
    const del = await store.request(`/api/admin/products/${product.id}/images/${body.images[0]!.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(del.status).toBe(204);
  });
});
