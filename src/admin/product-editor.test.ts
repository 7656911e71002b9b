import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogSlugRedirects, products } from '#src/catalog/schema.ts';
import { createTestCategory, createTestProduct } from '#src/catalog/test-factory.ts';
import { createTestStaff } from '#src/licences/test-factory.ts';
import { auditLog } from '#src/staff/schema.ts';
import { staffApiCaller } from '#test/support/staff-api.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor, type Visitor } from '#test/support/visitor.ts';

let store: TestStore;
let admin: Visitor;
let adminId: string;
let staffOnly: Visitor;
let shopper: Visitor;
let token: string;
let staffToken: string;

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  const made = await createTestStaff(store.ctx.db, 'admin');
  adminId = made.staff.id;
  token = made.token;
  admin = createVisitor(store);
  admin.cookies.set('staff_sid', made.token);
  const plain = await createTestStaff(store.ctx.db, 'staff');
  staffToken = plain.token;
  staffOnly = createVisitor(store);
  staffOnly.cookies.set('staff_sid', plain.token);
  shopper = createVisitor(store);
});
afterAll(async () => {
  await store?.close();
});

/** Every field of the form for a topical serum that may be published. */
function serumForm(o: Record<string, string> = {}): Record<string, string> {
  return {
    name: 'Copper Peptide Serum',
    slug: '',
    sku: `CPS-${Math.random().toString(36).slice(2, 8)}`,
    brand: 'Lumen Labs',
    categoryId: '',
    summary: 'A light serum with copper tripeptide-1 for skin after microneedling.',
    description: '',
    price: '48.00',
    compareAt: '',
    form: 'serum',
    route: 'topical',
    regulatoryStatus: 'cosmetic',
    accessClass: 'open',
    storage: 'ambient',
    activeIngredients: 'Copper tripeptide-1 | 1%',
    sideEffects: 'Mild redness',
    warnings: 'allergy: Do not use if allergic to copper.',
    directions: 'Apply two drops to clean skin. Store at room temperature.',
    status: 'active',
    ...o,
  };
}

const api = staffApiCaller(
  () => store,
  '',
  () => token,
);

async function auditOf(productId: string) {
  return store.ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'product'), eq(auditLog.entityId, productId)))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id));
}

async function productBySku(sku: string) {
  const [row] = await store.ctx.db.select().from(products).where(eq(products.sku, sku));
  return row;
}

describe('the product list', () => {
  it('searches, filters and sorts every product, drafts and archived ones too', async () => {
    const category = await createTestCategory(store.ctx, { name: 'Scalp care list' });
    await createTestProduct(store.ctx, {
      name: 'Zinc Scalp Tonic',
      categoryId: category.id,
      priceCents: 900,
      stock: 0,
    });
    await createTestProduct(store.ctx, {
      name: 'Azelaic Scalp Gel',
      categoryId: category.id,
      priceCents: 3000,
      stock: 3,
    });
    await createTestProduct(store.ctx, {
      name: 'Scalp Tonic Draft',
      status: 'draft',
      categoryId: category.id,
      accessClass: 'professional',
      regulatoryStatus: 'not-fda-approved',
    });
    const all = await admin.page(`/admin/products?category=${category.id}`);
    expect(all).toContain('3 products');
    expect(all.indexOf('Azelaic Scalp Gel')).toBeLessThan(all.indexOf('Zinc Scalp Tonic'));
    const byPrice = await admin.page(`/admin/products?category=${category.id}&sort=price-desc&status=active`);
    expect(byPrice).toContain('2 products');
    expect(byPrice.indexOf('Azelaic Scalp Gel')).toBeLessThan(byPrice.indexOf('Zinc Scalp Tonic'));
    expect(await admin.page('/admin/products?q=scalp+tonic')).toContain('2 products');
    const drafts = await admin.page(
      `/admin/products?category=${category.id}&status=draft&access=professional&regulatory=not-fda-approved`,
    );
    expect(drafts).toContain('1 product.');
    expect(drafts).toContain('Scalp Tonic Draft');
    const out = await admin.page(`/admin/products?category=${category.id}&stock=out-of-stock&status=active`);
    expect(out).toContain('Zinc Scalp Tonic');
    expect(out).not.toContain('Azelaic Scalp Gel');
    expect(await admin.page(`/admin/products?category=${category.id}&stock=low-stock`)).toContain('Azelaic Scalp Gel');
    expect((await admin.request('/admin/products?sort=sideways')).status).toBe(400);

    const res = await api(`/api/admin/products?category=${category.id}&sort=price-asc&status=active`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { name: string; available: number }[]; total: number };
    expect(body.total).toBe(2);
    expect(body.items.map((i) => i.name)).toEqual(['Zinc Scalp Tonic', 'Azelaic Scalp Gel']);
    expect(body.items[1]!.available).toBe(3);
  });

  it('is refused to staff without the catalogue permission, on the pages and in the API', async () => {
    const product = await createTestProduct(store.ctx, { stock: 0 });
    expect((await staffOnly.request('/admin/products')).status).toBe(403);
    expect((await staffOnly.request(`/admin/products/${product.id}`)).status).toBe(403);
    expect((await api('/api/admin/products', { as: staffToken })).status).toBe(403);
    expect(
      (
        await api(`/api/admin/products/${product.id}`, {
          method: 'PATCH',
          body: { name: 'Taken over' },
          as: staffToken,
        })
      ).status,
    ).toBe(403);
    expect((await store.request('/api/admin/products')).status).toBe(401);
    expect(await getName(product.id)).toBe(product.name);
    expect(await staffOnly.page('/admin')).not.toContain('href="/admin/products"');
    expect(await admin.page('/admin')).toContain('href="/admin/products"');
  });
});

async function getName(id: string) {
  const [row] = await store.ctx.db.select({ name: products.name }).from(products).where(eq(products.id, id));
  return row?.name;
}

describe('adding a product', () => {
  it('publishes a product with every fact its kind requires, audited, on the store at once', async () => {
    const fields = serumForm();
    const res = await admin.submit('/admin/products/new', fields, '/admin/products');
    expect(res.status).toBe(303);
    const product = (await productBySku(fields.sku!))!;
    expect(res.headers.get('location')).toBe(`/admin/products/${product.id}?done=added`);
    expect(product).toMatchObject({
      slug: 'copper-peptide-serum',
      priceCents: 4800,
      status: 'active',
      activeIngredients: [{ name: 'Copper tripeptide-1', amount: '1%' }],
      sideEffects: ['Mild redness'],
      warnings: [{ topic: 'allergy', text: 'Do not use if allergic to copper.' }],
    });
    const [entry] = await auditOf(product.id);
    expect(entry).toMatchObject({
      action: 'product.create',
      staffId: adminId,
      after: { name: 'Copper Peptide Serum' },
    });
    expect(await shopper.page('/products/copper-peptide-serum')).toContain('Copper Peptide Serum');
  });

  it('refuses to publish without the facts, naming each, keeping what was typed (form 422)', async () => {
    const fields = serumForm({ name: 'Unfinished <Serum>', activeIngredients: '', sideEffects: '', directions: '' });
    const res = await admin.submit('/admin/products/new', fields, '/admin/products');
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain('A topical product needs at least one active ingredient before it is published.');
    expect(page).toContain('A topical product needs its known side effects before it is published.');
    expect(page).toContain('A published product needs directions');
    expect(page).toContain('value="Unfinished &lt;Serum&gt;"');
    expect(page).toContain('Do not use if allergic to copper.');
    expect(await productBySku(fields.sku!)).toBeUndefined();
    // The same product may wait as a draft.
    const draft = await admin.submit('/admin/products/new', { ...fields, status: 'draft' }, '/admin/products');
    expect(draft.status).toBe(303);
    expect((await productBySku(fields.sku!))?.status).toBe('draft');
  });

  it('shows malformed fields with their own messages (400), never a 500', async () => {
    const fields = serumForm({ price: 'twelve', regulatoryStatus: '', storage: '', warnings: 'sometimes: be careful' });
    const res = await admin.submit('/admin/products/new', fields, '/admin/products');
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('Enter the price like 24.00.');
    expect(page).toContain('Choose the regulatory status.');
    expect(page).toContain('Choose how it is stored.');
    expect(page).toContain('Start each line with a topic');
    expect(page).toContain('value="twelve"');
  });

  it('refuses a dietary supplement that is not taken by mouth, and a cleared cream', async () => {
    const supplement = await admin.submit(
      '/admin/products/new',
      serumForm({ regulatoryStatus: 'dietary-supplement' }),
      '/admin/products',
    );
    expect(supplement.status).toBe(422);
    expect(await supplement.text()).toContain('Only an oral product can be a dietary supplement.');
    const cleared = await admin.submit(
      '/admin/products/new',
      serumForm({ regulatoryStatus: 'fda-cleared' }),
      '/admin/products',
    );
    expect(await cleared.text()).toContain('FDA clearance and De Novo apply to devices and kits only.');
  });

  it('answers 422 problem+json in the API for missing facts, 201 with Location when complete', async () => {
    const body = {
      slug: 'api-hair-drops',
      name: 'Hair Drops',
      sku: 'API-HAIR-DROPS',
      priceCents: 2500,
      form: 'solution',
      route: 'topical',
      regulatoryStatus: 'cosmetic',
      status: 'active',
      summary: 'Drops for the scalp.',
      directions: 'Apply nightly.',
    };
    const refused = await api('/api/admin/products', { method: 'POST', body });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await refused.json()) as { errors: { field: string; message: string }[] };
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['activeIngredients', 'sideEffects']);
    const bad = await api('/api/admin/products', {
      method: 'POST',
      body: { ...body, activeIngredients: [{ name: '' }] },
    });
    expect(bad.status).toBe(400);
    const created = await api('/api/admin/products', {
      method: 'POST',
      body: { ...body, activeIngredients: [{ name: 'Caffeine', amount: '1%' }], sideEffects: ['Itching'] },
    });
    expect(created.status).toBe(201);
    const product = (await created.json()) as { id: string; status: string };
    expect(created.headers.get('location')).toBe(`/api/admin/products/${product.id}`);
    expect(product.status).toBe('active');
    expect((await auditOf(product.id))[0]).toMatchObject({ action: 'product.create' });
  });
});

describe('editing a product', () => {
  it('shows the new name on the public page right after the edit, and the old address answers 301', async () => {
    const product = await createTestProduct(store.ctx, {
      name: 'Scalp Serum Before',
      slug: 'scalp-serum-before',
      summary: 'A serum.',
      directions: 'Use daily.',
      activeIngredients: [{ name: 'Caffeine' }],
      sideEffects: ['Itching'],
    });
    // Cached for visitors before the edit.
    expect(await shopper.page('/products/scalp-serum-before')).toContain('Scalp Serum Before');
    expect(await shopper.page('/products')).toContain('Scalp Serum Before');
    const editor = `/admin/products/${product.id}`;
    const page = await admin.page(editor);
    expect(page).toContain('value="Scalp Serum Before"');
    const values = Object.fromEntries(
      [...page.matchAll(/<input id="f-(\w+)" name="\w+" type="text" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
    );
    const res = await admin.submit(
      editor,
      serumForm({ ...values, name: 'Scalp Serum After', slug: 'scalp-serum-after', sku: product.sku }),
      editor,
    );
    expect(res.status).toBe(303);
    expect(await shopper.page('/products/scalp-serum-after')).toContain('Scalp Serum After');
    expect(await shopper.page('/products')).toContain('Scalp Serum After');
    const old = await shopper.request('/products/scalp-serum-before');
    expect(old.status).toBe(301);
    expect(old.headers.get('location')).toBe('/products/scalp-serum-after');
    const [redirect] = await store.ctx.db
      .select()
      .from(catalogSlugRedirects)
      .where(eq(catalogSlugRedirects.fromSlug, 'scalp-serum-before'));
    expect(redirect?.targetId).toBe(product.id);
    const [entry] = await auditOf(product.id);
    expect(entry).toMatchObject({
      action: 'product.update',
      staffId: adminId,
      before: { name: 'Scalp Serum Before', slug: 'scalp-serum-before' },
      after: { name: 'Scalp Serum After', slug: 'scalp-serum-after' },
    });
  });

  it('refuses an edit that would leave a published product without its facts (API 422), changing nothing', async () => {
    const product = await createTestProduct(store.ctx, {
      summary: 'S.',
      directions: 'D.',
      activeIngredients: [{ name: 'Niacinamide' }],
      sideEffects: ['Flushing'],
    });
    const res = await api(`/api/admin/products/${product.id}`, { method: 'PATCH', body: { sideEffects: [] } });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe('sideEffects');
    const [row] = await store.ctx.db.select().from(products).where(eq(products.id, product.id));
    expect(row!.sideEffects).toEqual(['Flushing']);
    const renamed = await api(`/api/admin/products/${product.id}`, {
      method: 'PATCH',
      body: { name: 'Renamed by API' },
    });
    expect(renamed.status).toBe(200);
    expect(((await renamed.json()) as { name: string }).name).toBe('Renamed by API');
  });
});

describe('duplicating, archiving and restoring', () => {
  it('duplicates a product as a draft with a free slug and SKU', async () => {
    const product = await createTestProduct(store.ctx, {
      name: 'Biotin Gummies',
      slug: 'biotin-gummies-x',
      sku: 'BIO-X',
    });
    const res = await admin.submit(`/admin/products/${product.id}`, {}, `/admin/products/${product.id}/duplicate`);
    expect(res.status).toBe(303);
    const copy = (await productBySku('BIO-X-COPY'))!;
    expect(copy).toMatchObject({ slug: 'biotin-gummies-x-copy', name: 'Biotin Gummies (copy)', status: 'draft' });
    expect(res.headers.get('location')).toBe(`/admin/products/${copy.id}?done=duplicated`);
    const again = await api(`/api/admin/products/${product.id}/duplicate`, { method: 'POST' });
    expect(again.status).toBe(201);
    expect(((await again.json()) as { sku: string }).sku).toBe('BIO-X-COPY-2');
    expect((await auditOf(copy.id))[0]).toMatchObject({
      action: 'product.duplicate',
      after: { copiedFrom: product.id },
    });
  });

  it('archiving hides a product from the store; restoring brings it back', async () => {
    const product = await createTestProduct(store.ctx, {
      name: 'Archivable Balm',
      slug: 'archivable-balm',
      summary: 'A balm.',
      directions: 'Apply.',
      activeIngredients: [{ name: 'Panthenol' }],
      sideEffects: ['Rarely, itching'],
    });
    expect(await shopper.page('/products')).toContain('Archivable Balm');
    const archived = await admin.submit(`/admin/products/${product.id}`, {}, `/admin/products/${product.id}/archive`);
    expect(archived.status).toBe(303);
    expect((await shopper.request('/products/archivable-balm')).status).toBe(404);
    expect(await shopper.page('/products')).not.toContain('Archivable Balm');
    expect(await admin.page(`/admin/products/${product.id}`)).toContain('Archived: hidden from the store.');
    const restored = await admin.submit(`/admin/products/${product.id}`, {}, `/admin/products/${product.id}/restore`);
    expect(restored.headers.get('location')).toBe(`/admin/products/${product.id}?done=restored`);
    expect(await shopper.page('/products/archivable-balm')).toContain('Archivable Balm');
    const actions = (await auditOf(product.id)).map((e) => e.action);
    expect(actions.slice(0, 2)).toEqual(['product.restore', 'product.archive']);
    const again = await api(`/api/admin/products/${product.id}/restore`, { method: 'POST' });
    expect(again.status).toBe(409);
  });

  it('restores a product lacking facts as a draft', async () => {
    const product = await createTestProduct(store.ctx, { status: 'archived', name: 'Old Kit' });
    const res = await api(`/api/admin/products/${product.id}/restore`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe('draft');
  });

  it('answers 404 for an unknown or malformed id', async () => {
    expect((await admin.request('/admin/products/not-a-uuid')).status).toBe(404);
    expect((await api('/api/admin/products/0d5c3e1a-7b2f-4c8e-9a61-3f0e2d4b5c6a')).status).toBe(404);
  });
});
