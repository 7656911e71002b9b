import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '#src/lib/errors.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { catalogSlugRedirects, products } from './schema.ts';
import { createCategory, createProduct, updateCategory, updateProduct } from './service.ts';
import { createTestCategory, createTestProduct } from './test-factory.ts';

let store: TestStore;

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
});
afterAll(() => store.close());

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('catalogue writes', () => {
  it('creates a product with database defaults and stores only the changed fields on update', async () => {
    const created = await createProduct(store.ctx, {
      slug: 'plain-serum',
      name: 'Plain Serum',
      sku: 'PLAIN-1',
      priceCents: 1500,
      form: 'serum',
      route: 'topical',
      regulatoryStatus: 'cosmetic',
    });
    expect(created).toMatchObject({ status: 'draft', accessClass: 'open', storage: 'ambient', currency: 'USD' });
    await updateProduct(store.ctx, { id: created.id, changes: { summary: 'Now described.' } });
    const [row] = await store.ctx.db.select().from(products).where(eq(products.id, created.id));
    expect(row).toMatchObject({ summary: 'Now described.', priceCents: 1500, name: 'Plain Serum', sku: 'PLAIN-1' });
    expect(row!.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());
  });

  it('refuses a taken slug or SKU with a conflict naming the field, and writes nothing', async () => {
    await createTestProduct(store.ctx, { slug: 'taken-slug', sku: 'TAKEN-SKU' });
    const bySlug = await errorOf(createTestProduct(store.ctx, { slug: 'taken-slug' }));
    expect(bySlug.code).toBe('CONFLICT');
    expect(bySlug.fields).toEqual({ slug: 'is already taken' });
    const bySku = await errorOf(createTestProduct(store.ctx, { sku: 'TAKEN-SKU' }));
    expect(bySku.fields).toEqual({ sku: 'is already taken' });
    const other = await createTestProduct(store.ctx);
    const rename = await errorOf(updateProduct(store.ctx, { id: other.id, changes: { slug: 'taken-slug' } }));
    expect(rename.code).toBe('CONFLICT');
    const redirects = await store.ctx.db
      .select()
      .from(catalogSlugRedirects)
      .where(eq(catalogSlugRedirects.targetId, other.id));
    expect(redirects).toEqual([]);
  });

  it('validates input: bad slug, negative price, image without alt text, unknown field, unknown category', async () => {
    const bad = await errorOf(createTestProduct(store.ctx, { slug: 'Bad Slug', priceCents: -1 }));
    expect(bad.code).toBe('VALIDATION');
    expect(Object.keys(bad.fields!)).toEqual(expect.arrayContaining(['slug', 'priceCents']));
    const noAlt = await errorOf(createTestProduct(store.ctx, { images: [{ src: '/assets/x.svg', alt: ' ' }] }));
    expect(noAlt.fields).toHaveProperty(['images.0.alt']);
    const product = await createTestProduct(store.ctx);
    const unknown = await errorOf(updateProduct(store.ctx, { id: product.id, changes: { bogus: 1 } as never }));
    expect(unknown.code).toBe('VALIDATION');
    const category = await errorOf(
      updateProduct(store.ctx, { id: product.id, changes: { categoryId: '00000000-0000-4000-8000-000000000000' } }),
    );
    expect(category.fields).toEqual({ categoryId: 'no such category' });
  });

  it('answers NOT_FOUND when updating a product that does not exist', async () => {
    const err = await errorOf(
      updateProduct(store.ctx, { id: '00000000-0000-4000-8000-000000000000', changes: { name: 'X' } }),
    );
    expect(err.code).toBe('NOT_FOUND');
  });

  it('keeps the category tree free of loops', async () => {
    const top = await createCategory(store.ctx, { slug: 'top-shelf', name: 'Top' });
    const middle = await createTestCategory(store.ctx, { parentId: top.id });
    const bottom = await createTestCategory(store.ctx, { parentId: middle.id });
    const loop = await errorOf(updateCategory(store.ctx, { id: top.id, changes: { parentId: bottom.id } }));
    expect(loop.fields).toEqual({ parentId: 'would make a loop' });
    const self = await errorOf(updateCategory(store.ctx, { id: top.id, changes: { parentId: top.id } }));
    expect(self.code).toBe('VALIDATION');
    const moved = await updateCategory(store.ctx, { id: bottom.id, changes: { parentId: top.id } });
    expect(moved.parentId).toBe(top.id);
  });
});
