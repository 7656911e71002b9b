import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogSlugRedirects, categories } from '#src/catalog/schema.ts';
import { updateProduct } from '#src/catalog/service.ts';
import { createTestCategory, createTestProduct } from '#src/catalog/test-factory.ts';
import { createTestStaff } from '#src/licences/test-factory.ts';
import { auditLog } from '#src/staff/schema.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor, type Visitor } from '#test/support/visitor.ts';

let store: TestStore;
let admin: Visitor;
let staffOnly: Visitor;

// On PostgreSQL a write's NOTIFY comes back to this instance and empties the cache once more, a moment later;
// a test that expects a hit waits for that echo first.
async function waitForCacheEcho(): Promise<void> {
  if (store.ctx.dbKind !== 'postgres') return;
  const version = store.ctx.cache.pages.version;
  for (let i = 0; i < 100 && store.ctx.cache.pages.version === version; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

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

async function bySlug(slug: string) {
  const [row] = await store.ctx.db.select().from(categories).where(eq(categories.slug, slug));
  return row;
}

async function lastAudit(entityId: string) {
  const [entry] = await store.ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'category'), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(1);
  return entry;
}

async function namesUnder(parentId: string | null): Promise<string[]> {
  const rows = await store.ctx.db
    .select({ name: categories.name })
    .from(categories)
    .where(parentId ? eq(categories.parentId, parentId) : isNull(categories.parentId))
    .orderBy(asc(categories.position), asc(categories.name));
  return rows.map((r) => r.name);
}

describe('the category editor', () => {
  it('lets staff without the catalogue permission neither see nor change the tree', async () => {
    const category = await createTestCategory(store.ctx);
    expect((await staffOnly.request('/admin/categories')).status).toBe(403);
    expect((await staffOnly.request(`/admin/categories/${category.id}`)).status).toBe(403);
    const token = /name="_csrf" value="([^"]+)"/.exec(await staffOnly.page('/admin'))![1]!;
    const res = await staffOnly.request(`/admin/categories/${category.id}/delete`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(store.config.baseUrl).origin },
      body: new URLSearchParams({ _csrf: token }),
    });
    expect(res.status).toBe(403);
    expect(await bySlug(category.slug)).toBeDefined();
    expect(await staffOnly.page('/admin')).not.toContain('href="/admin/categories"');
    expect(await admin.page('/admin')).toContain('href="/admin/categories"');
  });

  it('adds a category with an address made from its name, under the chosen parent, and records it', async () => {
    const parent = await createTestCategory(store.ctx, { name: 'Skin Care Parent' });
    const res = await admin.submit('/admin/categories', {
      name: 'Peels & Masks',
      slug: '',
      description: 'Chemical peels and sheet masks.',
      parentId: parent.id,
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/categories?done=added');
    const added = await bySlug('peels-masks');
    expect(added).toMatchObject({ name: 'Peels & Masks', parentId: parent.id });
    expect(await admin.page('/admin/categories?done=added')).toContain('Peels &amp; Masks');
    expect(await lastAudit(added!.id)).toMatchObject({
      action: 'category.create',
      after: { name: 'Peels & Masks', slug: 'peels-masks', parentId: parent.id },
    });
  });

  it('re-renders the form with the errors and what was typed on bad input', async () => {
    const res = await admin.submit('/admin/categories', {
      name: '',
      slug: 'Not A Slug!',
      description: '',
      parentId: '',
    });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('Enter a name.');
    expect(page).toContain('Use lowercase letters, digits and single hyphens, like hair-care.');
    expect(page).toContain('value="Not A Slug!"');

    const taken = await createTestCategory(store.ctx);
    const clash = await admin.submit('/admin/categories', { name: 'Another', slug: taken.slug, parentId: '' });
    expect(clash.status).toBe(409);
    expect(await clash.text()).toContain('Another category already uses this address.');

    const badParent = await admin.submit('/admin/categories', { name: 'Orphan', slug: '', parentId: 'nonsense' });
    expect(badParent.status).toBe(400);
    expect(await badParent.text()).toContain('Choose a parent from the list.');
  });

  it('renames a category; the old address answers with a 301 to the new one', async () => {
    const category = await createTestCategory(store.ctx, { name: 'Old Name' });
    const res = await admin.submit(`/admin/categories/${category.id}`, {
      name: 'New Name',
      slug: 'new-name',
      description: 'Fresh words.',
    });
    expect(res.status).toBe(303);
    expect(await bySlug('new-name')).toMatchObject({ id: category.id, name: 'New Name', description: 'Fresh words.' });
    const old = await store.request(`/categories/${category.slug}`);
    expect(old.status).toBe(301);
    expect(old.headers.get('location')).toBe('/categories/new-name');
    const [redirect] = await store.ctx.db
      .select()
      .from(catalogSlugRedirects)
      .where(eq(catalogSlugRedirects.fromSlug, category.slug));
    expect(redirect).toMatchObject({ kind: 'category', targetId: category.id });
    expect(await lastAudit(category.id)).toMatchObject({
      action: 'category.rename',
      before: { name: 'Old Name', slug: category.slug, description: '' },
      after: { name: 'New Name', slug: 'new-name', description: 'Fresh words.' },
    });

    const bad = await admin.submit(`/admin/categories/${category.id}`, { name: ' ', slug: 'new-name' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Enter a name.');
  });

  it('moves a category under another, and refuses to move it under itself or its own descendant', async () => {
    const top = await createTestCategory(store.ctx, { name: 'Mover' });
    const child = await createTestCategory(store.ctx, { name: 'Mover child', parentId: top.id });
    const grandchild = await createTestCategory(store.ctx, { name: 'Mover grandchild', parentId: child.id });
    const elsewhere = await createTestCategory(store.ctx, { name: 'Elsewhere' });

    const refused = await admin.submit(
      `/admin/categories/${top.id}`,
      { parentId: grandchild.id },
      `/admin/categories/${top.id}/move`,
    );
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('A category cannot go under itself or under a category inside it.');
    const self = await admin.submit(
      `/admin/categories/${top.id}`,
      { parentId: top.id },
      `/admin/categories/${top.id}/move`,
    );
    expect(self.status).toBe(422);
    expect((await bySlug(top.slug))!.parentId).toBeNull();
    // The choice of parents leaves out the category's own branch.
    const form = await admin.page(`/admin/categories/${top.id}`);
    expect(form).toContain(`<option value="${elsewhere.id}"`);
    expect(form).not.toContain(`<option value="${grandchild.id}"`);

    const moved = await admin.submit(
      `/admin/categories/${top.id}`,
      { parentId: elsewhere.id },
      `/admin/categories/${top.id}/move`,
    );
    expect(moved.status).toBe(303);
    expect((await bySlug(top.slug))!.parentId).toBe(elsewhere.id);
    expect((await bySlug(grandchild.slug))!.parentId).toBe(child.id);
    expect(await lastAudit(top.id)).toMatchObject({
      action: 'category.move',
      before: { parentId: null },
      after: { parentId: elsewhere.id },
    });

    const back = await admin.submit(
      `/admin/categories/${top.id}`,
      { parentId: '' },
      `/admin/categories/${top.id}/move`,
    );
    expect(back.status).toBe(303);
    expect((await bySlug(top.slug))!.parentId).toBeNull();
  });

  it('reorders siblings one step per press, with plain form posts', async () => {
    const parent = await createTestCategory(store.ctx, { name: 'Order parent' });
    const a = await createTestCategory(store.ctx, { name: 'A', parentId: parent.id, position: 0 });
    await createTestCategory(store.ctx, { name: 'B', parentId: parent.id, position: 1 });
    const c = await createTestCategory(store.ctx, { name: 'C', parentId: parent.id, position: 2 });

    const up = await admin.submit('/admin/categories', { direction: 'up' }, `/admin/categories/${c.id}/order`);
    expect(up.status).toBe(303);
    expect(up.headers.get('location')).toBe('/admin/categories?done=ordered');
    expect(await namesUnder(parent.id)).toEqual(['A', 'C', 'B']);
    await admin.submit('/admin/categories', { direction: 'down' }, `/admin/categories/${a.id}/order`);
    expect(await namesUnder(parent.id)).toEqual(['C', 'A', 'B']);
    // The first cannot go further up: nothing changes.
    await admin.submit('/admin/categories', { direction: 'up' }, `/admin/categories/${c.id}/order`);
    expect(await namesUnder(parent.id)).toEqual(['C', 'A', 'B']);
    expect(await lastAudit(a.id)).toMatchObject({
      action: 'category.reorder',
      before: { place: 1 },
      after: { place: 2 },
    });

    const bad = await admin.submit('/admin/categories', { direction: 'sideways' }, `/admin/categories/${a.id}/order`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Choose to move the category up or down.');
  });

  it('deletes only an empty category, and says what is still inside otherwise', async () => {
    const parent = await createTestCategory(store.ctx, { name: 'Full parent' });
    const child = await createTestCategory(store.ctx, { name: 'Child with product', parentId: parent.id });
    const product = await createTestProduct(store.ctx, { categoryId: child.id, status: 'draft' });

    const withChild = await admin.submit(`/admin/categories/${parent.id}`, {}, `/admin/categories/${parent.id}/delete`);
    expect(withChild.status).toBe(409);
    expect(await withChild.text()).toContain('still holds 1 category. Move or delete them first');
    const withProduct = await admin.submit(`/admin/categories/${child.id}`, {}, `/admin/categories/${child.id}/delete`);
    expect(withProduct.status).toBe(409);
    expect(await withProduct.text()).toContain('still holds 1 product.');
    expect(await bySlug(child.slug)).toBeDefined();

    // Once its product has moved out, the category is empty and can go.
    await updateProduct(store.ctx, { id: product.id, changes: { categoryId: null } });
    const accepted = await admin.submit(`/admin/categories/${child.id}`, {}, `/admin/categories/${child.id}/delete`);
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe('/admin/categories?done=deleted');
    expect(await bySlug(child.slug)).toBeUndefined();
    expect(await lastAudit(child.id)).toMatchObject({
      action: 'category.delete',
      before: { name: 'Child with product', slug: child.slug },
      after: null,
    });
    expect((await admin.request(`/admin/categories/${child.id}`)).status).toBe(404);
    expect((await admin.request('/admin/categories/not-an-id')).status).toBe(404);
  });

  it('shows a change on cached store pages at once', async () => {
    const category = await createTestCategory(store.ctx, { name: 'Cached Shelf', slug: 'cached-shelf' });
    await createTestProduct(store.ctx, { categoryId: category.id, name: 'Shelf Serum' });
    await waitForCacheEcho();
    await store.request('/categories/cached-shelf');
    await store.request('/products');
    expect((await store.request('/categories/cached-shelf')).headers.get('x-cache')).toBe('hit');
    expect((await store.request('/products')).headers.get('x-cache')).toBe('hit');

    const res = await admin.submit(`/admin/categories/${category.id}`, {
      name: 'Renamed Shelf',
      slug: 'cached-shelf',
      description: 'Now with a description.',
    });
    expect(res.status).toBe(303);
    const page = await (await store.request('/categories/cached-shelf')).text();
    expect(page).toContain('Renamed Shelf');
    expect(page).toContain('Now with a description.');
    expect(page).not.toContain('Cached Shelf');
    expect(await (await store.request('/products')).text()).toContain('Renamed Shelf');
  });
});
