import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStaff } from '#src/licences/test-factory.ts';
import { auditLog } from '#src/staff/schema.ts';
import { getStoreSettings } from '#src/store/settings.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor, type Visitor } from '#test/support/visitor.ts';
import { valuesOf } from './settings-values.ts';

let store: TestStore;
let owner: Visitor;
let staffOnly: Visitor;

beforeAll(async () => {
  store = await createTestStore();
  owner = createVisitor(store);
  owner.cookies.set('staff_sid', (await createTestStaff(store.ctx.db, 'owner')).token);
  staffOnly = createVisitor(store);
  staffOnly.cookies.set('staff_sid', (await createTestStaff(store.ctx.db, 'staff')).token);
});
afterAll(async () => {
  await store?.close();
});

/** The form as it stands, so that a test changes only the fields it names. */
async function currentTexts(): Promise<Record<string, string>> {
  return valuesOf(await getStoreSettings(store.ctx.db));
}

describe('the store settings: home page and store pages', () => {
  it("shows the hero and every store page's Markdown to an owner", async () => {
    const page = await owner.page('/admin/settings');
    expect(page).toContain('<h1>Store settings</h1>');
    expect(page).toContain('value="Fuller-looking hair, backed by plain facts"');
    expect(page).toContain('<label for="f-shipping">Shipping and cold chain</label>');
    expect(page).toContain('## Refrigerated products: how the cold chain works');
    expect(page).toContain('<a href="/admin/settings" aria-current="page">Store settings</a>');
  });

  it('saves a page, which customers see at once although it was cached, and records the change', async () => {
    expect(await (await store.request('/shipping')).text()).toContain('1 pm Arizona time');
    expect((await store.request('/shipping')).headers.get('x-cache')).toBe('hit');

    const texts = await currentTexts();
    const res = await owner.submit('/admin/settings', {
      ...texts,
      shipping:
        'Orders placed before **noon** leave the same day.\r\n\r\n## Cold chain\r\n\r\nOn ice, Monday to Wednesday.',
      terms: '',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/settings?done=saved');
    expect(await owner.page('/admin/settings?done=saved')).toContain(
      'Saved. Every page shows the new settings from now on.',
    );

    const shipping = await (await store.request('/shipping')).text();
    expect(shipping).toContain('Orders placed before <strong>noon</strong> leave the same day.');
    expect(shipping).toContain('<h2>Cold chain</h2>');
    expect(shipping).not.toContain('1 pm Arizona time');
    // An emptied page is withdrawn, and its footer link with it.
    expect((await store.request('/terms')).status).toBe(404);
    expect(shipping).not.toContain('href="/terms"');
    // The other settings stay as they were.
    expect((await getStoreSettings(store.ctx.db)).name).toBe('FACE Med Store');
    expect((await getStoreSettings(store.ctx.db)).pages.shipping).toBe(
      'Orders placed before **noon** leave the same day.\n\n## Cold chain\n\nOn ice, Monday to Wednesday.',
    );

    const [entry] = await store.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityType, 'settings'))
      .orderBy(desc(auditLog.createdAt))
      .limit(1);
    expect(entry).toMatchObject({ action: 'settings.update' });
    expect((entry!.before as Record<string, string>).shipping).toContain('1 pm Arizona time');
    expect((entry!.after as Record<string, string>).terms).toBe('');
  });

  it('refuses a headline that is too long or a product that is not on sale, keeping what was typed', async () => {
    const texts = await currentTexts();
    const tooLong = await owner.submit('/admin/settings', { ...texts, heroHeading: 'H'.repeat(121), about: 'Draft' });
    expect(tooLong.status).toBe(400);
    const page = await tooLong.text();
    expect(page).toContain('Use at most 120 characters.');
    expect(page).toContain('>Draft</textarea>');

    const unknown = await owner.submit('/admin/settings', { ...texts, heroProductSlug: 'no-such-serum' });
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain('No product on sale has the address /products/no-such-serum.');
    expect(await currentTexts()).toEqual(texts);
  });

  it('is closed to staff whose role does not edit the store', async () => {
    expect((await staffOnly.request('/admin/settings')).status).toBe(403);
    const before = await currentTexts();
    // With a valid form token from a page the role may open, so that only the permission can refuse it.
    const res = await staffOnly.submit('/admin', { ...before, heroHeading: 'Hijacked' }, '/admin/settings');
    expect(res.status).toBe(403);
    expect(await currentTexts()).toEqual(before);
    expect((await store.request('/admin/settings')).status).toBe(303);
  });
});
