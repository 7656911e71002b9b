import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import type { Category, Product } from './schema.ts';
import { updateProduct } from './service.ts';
import { createTestCategory, createTestProduct } from './test-factory.ts';

let store: TestStore;
let hairLoss: Category;
let finasteride: Product;
let gauze: Product;

// Product slugs of the cards under "Related products", in page order.
function relatedSlugs(page: string): string[] {
  const section = /<section class="related-products"[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
  return [...section.matchAll(/class="card-title"><a href="\/products\/([^"]+)"/g)].map((m) => m[1]!);
}

async function waitForCacheEcho(): Promise<void> {
  if (store.ctx.dbKind !== 'postgres') return;
  const version = store.ctx.cache.pages.version;
  for (let i = 0; i < 100 && store.ctx.cache.pages.version === version; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  const { ctx } = store;
  const hair = await createTestCategory(ctx, { slug: 'hair', name: 'Hair' });
  hairLoss = await createTestCategory(ctx, { slug: 'hair-loss', name: 'Hair loss', parentId: hair.id });
  const devices = await createTestCategory(ctx, { slug: 'devices', name: 'Devices' });
  const firstAid = await createTestCategory(ctx, { slug: 'first-aid', name: 'First aid' });
  await createTestProduct(ctx, {
    slug: 'minoxidil',
    name: 'Minoxidil Solution',
    summary: 'Regrows hair in hereditary hair loss.',
    categoryId: hairLoss.id,
  });
  finasteride = await createTestProduct(ctx, {
    slug: 'finasteride',
    name: 'Finasteride Tablets',
    summary: 'For male pattern hair loss.',
    priceCents: 3600,
    categoryId: hairLoss.id,
  });
  await createTestProduct(ctx, {
    slug: 'thickening-shampoo',
    name: 'Thickening Shampoo',
    summary: 'Lifts fine hair.',
    categoryId: hair.id,
  });
  await createTestProduct(ctx, {
    slug: 'scalp-serum',
    name: 'Scalp Serum',
    summary: 'Calms the scalp.',
    categoryId: hair.id,
  });
  await createTestProduct(ctx, { slug: 'conditioner', name: 'Conditioner', summary: 'Softens.', categoryId: hair.id });
  await createTestProduct(ctx, {
    slug: 'laser-comb',
    name: 'Laser Comb',
    summary: 'Light therapy for hair loss at home.',
    categoryId: devices.id,
  });
  await createTestProduct(ctx, {
    slug: 'microneedling-pen',
    name: 'Microneedling Pen',
    summary: 'For skin texture in the clinic.',
    categoryId: devices.id,
  });
  gauze = await createTestProduct(ctx, {
    slug: 'gauze-pads',
    name: 'Gauze Pads',
    summary: 'Cotton pads for wound dressing.',
    categoryId: firstAid.id,
  });
  await createTestProduct(ctx, {
    slug: 'draft-lotion',
    name: 'Draft Hair Lotion',
    summary: 'For hair loss.',
    status: 'draft',
    categoryId: hairLoss.id,
  });
});
afterAll(() => store.close());

describe('related products on a product page', () => {
  it('shows a handful from the same category first, then the same branch, never the product itself', async () => {
    const page = await (await store.request('/products/minoxidil')).text();
    expect(page).toContain('<h2 id="related-heading">Related products</h2>');
    const related = relatedSlugs(page);
    expect(related).toHaveLength(4);
    expect(related[0]).toBe('finasteride');
    expect(related.slice(1).sort()).toEqual(['conditioner', 'scalp-serum', 'thickening-shampoo']);
    expect(related).not.toContain('minoxidil');
    expect(related).not.toContain('draft-lotion');
  });

  it('finds the same treatment in another category by the words of its name and summary', async () => {
    const related = relatedSlugs(await (await store.request('/products/laser-comb')).text());
    // Its own branch first, then the hair-loss products its summary shares words with.
    expect(related[0]).toBe('microneedling-pen');
    expect(related).toEqual(expect.arrayContaining(['minoxidil', 'finasteride']));
    expect(related).not.toContain('gauze-pads');
  });

  it('shows no related section when nothing in the catalogue is related', async () => {
    const page = await (await store.request('/products/gauze-pads')).text();
    expect(page).not.toContain('Related products');
  });

  it('is refreshed when a related product changes or joins the category, and not by an unrelated write', async () => {
    await store.request('/products/minoxidil');
    await waitForCacheEcho();
    expect((await store.request('/products/minoxidil')).headers.get('x-cache')).toBe('hit');

    await updateProduct(store.ctx, { id: gauze.id, changes: { priceCents: 450 } });
    await waitForCacheEcho();
    expect((await store.request('/products/minoxidil')).headers.get('x-cache')).toBe('hit');

    await updateProduct(store.ctx, { id: finasteride.id, changes: { priceCents: 3100 } });
    const changed = await store.request('/products/minoxidil');
    expect(changed.headers.get('x-cache')).toBe('miss');
    expect(await changed.text()).toContain('$31.00');

    await waitForCacheEcho();
    await createTestProduct(store.ctx, {
      slug: 'biotin-foam',
      name: 'Biotin Foam',
      summary: 'A foam for hair loss.',
      categoryId: hairLoss.id,
    });
    const joined = await store.request('/products/minoxidil');
    expect(joined.headers.get('x-cache')).toBe('miss');
    expect(
      relatedSlugs(await joined.text())
        .slice(0, 2)
        .sort(),
    ).toEqual(['biotin-foam', 'finasteride']);
  });

  it('drops a related product that is archived', async () => {
    await updateProduct(store.ctx, { id: finasteride.id, changes: { status: 'archived' } });
    expect(relatedSlugs(await (await store.request('/products/minoxidil')).text())).not.toContain('finasteride');
  });
});
