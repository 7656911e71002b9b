import { Hono } from 'hono';
import { findActiveProductCard } from '#src/home/queries.ts';
import { recordAudit } from '#src/staff/audit.ts';
import { actorOf, requireStaff } from '#src/staff/current.ts';
import { renderAdminPage } from '#src/staff/views/admin-layout.ts';
import type { StoreSettings } from '#src/store/schema.ts';
import { getStoreSettings, saveStoreSettings } from '#src/store/settings.ts';
import type { AppEnv } from '#src/web/context.ts';
import { type FormValues, readForm } from '#src/web/forms.ts';
import { STORE_PAGE_KEYS, type StorePageTexts } from '#src/web/store-pages.ts';
import { storeTextsFormSchema } from './validators.ts';
import { renderSettingsPage } from './views/settings-page.ts';

/** Editing the store's texts (home page hero, store pages) in the admin area. */
export const settingsPages = new Hono<AppEnv>();

// What the form shows and the audit log compares: every text by its field name.
function textsOf(s: StoreSettings): FormValues {
  const texts: FormValues = {
    heroHeading: s.heroHeading,
    heroText: s.heroText,
    heroProductSlug: s.heroProductSlug,
  };
  for (const key of STORE_PAGE_KEYS) texts[key] = s.pages[key] ?? '';
  return texts;
}

settingsPages.get('/', async (c) => {
  const staff = await requireStaff(c, 'settings:edit');
  const current = await getStoreSettings(c.var.ctx.db);
  return renderAdminPage(c, {
    staff,
    title: 'Store texts',
    section: 'settings',
    notice: c.req.query('done') === 'saved' ? 'Saved. Customers see the new texts from now on.' : undefined,
    body: renderSettingsPage(c, { values: textsOf(current) }),
  });
});

settingsPages.post('/', async (c) => {
  const staff = await requireStaff(c, 'settings:edit');
  const { ctx } = c.var;
  const form = await readForm(c, storeTextsFormSchema);
  const refuse = (errors: Record<string, string>) =>
    renderAdminPage(c, {
      staff,
      title: 'Store texts',
      section: 'settings',
      status: 422,
      body: renderSettingsPage(c, { values: form.values, errors }),
    });
  if (!form.ok) return refuse(form.errors);
  const { heroHeading, heroText, heroProductSlug } = form.data;
  if (heroProductSlug && !(await findActiveProductCard(ctx.db, heroProductSlug))) {
    return refuse({ heroProductSlug: `No product on sale has the address /products/${heroProductSlug}.` });
  }
  const pages: StorePageTexts = {};
  for (const key of STORE_PAGE_KEYS) if (form.data[key]) pages[key] = form.data[key];
  const existing = await getStoreSettings(ctx.db);
  const { id: _id, updatedAt: _updatedAt, ...current } = existing;
  const before = textsOf(existing);
  await saveStoreSettings(ctx, { ...current, heroHeading, heroText, heroProductSlug, pages }, (tx, saved) =>
    recordAudit(tx, {
      staff: actorOf(staff),
      action: 'settings.texts',
      entityType: 'settings',
      entityId: String(saved.id),
      before,
      after: textsOf(saved),
    }),
  );
  return c.redirect('/admin/settings?done=saved', 303);
});
