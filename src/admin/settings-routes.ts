import { Hono } from 'hono';
import { countProductsPricedOtherThan } from '#src/catalog/queries.ts';
import { findActiveProductCard } from '#src/home/queries.ts';
import { recordAudit } from '#src/staff/audit.ts';
import { actorOf, requireStaff } from '#src/staff/current.ts';
import { renderAdminPage } from '#src/staff/views/admin-layout.ts';
import { getStoreSettings, saveStoreSettings } from '#src/store/settings.ts';
import type { AppEnv } from '#src/web/context.ts';
import { type FormValues, readForm } from '#src/web/forms.ts';
import { STORE_PAGE_KEYS, type StorePageTexts } from '#src/web/store-pages.ts';
import { storeSettingsFormSchema } from './settings-validators.ts';
import { valuesOf } from './settings-values.ts';
import { renderSettingsPage } from './views/settings-page.ts';
import { renderSettingsTabs } from './views/settings-tabs.ts';

/** Editing the store's settings (name, contact, money, returns, home page hero, store pages) in the admin area. */
export const settingsPages = new Hono<AppEnv>();

const TITLE = 'Store settings';

// Only what changed goes into the audit entry, so that a reader sees at once what a save did.
function changedOnly(before: FormValues, after: FormValues) {
  const keys = Object.keys(after).filter((key) => before[key] !== after[key]);
  return {
    before: Object.fromEntries(keys.map((key) => [key, before[key] ?? ''])),
    after: Object.fromEntries(keys.map((key) => [key, after[key]])),
  };
}

settingsPages.get('/', async (c) => {
  const staff = await requireStaff(c, 'settings:edit');
  const current = await getStoreSettings(c.var.ctx.db);
  return renderAdminPage(c, {
    staff,
    title: TITLE,
    section: 'settings',
    notice: c.req.query('done') === 'saved' ? 'Saved. Every page shows the new settings from now on.' : undefined,
    body: renderSettingsPage(c, { values: valuesOf(current) }, renderSettingsTabs(staff, 'store')),
  });
});

settingsPages.post('/', async (c) => {
  const staff = await requireStaff(c, 'settings:edit');
  const { ctx } = c.var;
  const form = await readForm(c, storeSettingsFormSchema);
  const refuse = (status: 400 | 422, errors: Record<string, string>) =>
    renderAdminPage(c, {
      staff,
      title: TITLE,
      section: 'settings',
      status,
      body: renderSettingsPage(c, { values: form.values, errors }, renderSettingsTabs(staff, 'store')),
    });
  if (!form.ok) return refuse(400, form.errors);
  const { heroProductSlug } = form.data;
  if (heroProductSlug && !(await findActiveProductCard(ctx.db, heroProductSlug))) {
    return refuse(422, { heroProductSlug: `No product on sale has the address /products/${heroProductSlug}.` });
  }
  // Prices are amounts in their product's currency; relabelling them would misstate every price, so the store's
  // currency changes only once the catalogue is priced in the new one.
  const otherPriced = await countProductsPricedOtherThan(ctx.db, form.data.currency);
  if (otherPriced > 0) {
    return refuse(422, {
      currency: `${otherPriced} ${otherPriced === 1 ? 'product is' : 'products are'} priced in another currency. Reprice the catalogue in ${form.data.currency} first, so that no price changes its meaning.`,
    });
  }
  const pages: StorePageTexts = {};
  for (const key of STORE_PAGE_KEYS) if (form.data[key]) pages[key] = form.data[key];
  const d = form.data;
  const before = valuesOf(await getStoreSettings(ctx.db));
  const settings = {
    name: d.name,
    tagline: d.tagline,
    phone: d.phone,
    email: d.email,
    address: d.address,
    timeZone: d.timeZone,
    currency: d.currency,
    disclaimer: d.disclaimer,
    bankAccountHolder: d.bankAccountHolder,
    bankName: d.bankName,
    bankAccountLines: d.bankAccountLines,
    returnWindowDays: d.returnWindowDays,
    heroHeading: d.heroHeading,
    heroText: d.heroText,
    heroProductSlug: d.heroProductSlug,
    pages,
  };
  await saveStoreSettings(ctx, settings, (tx, saved) =>
    recordAudit(tx, {
      staff: actorOf(staff),
      action: 'settings.update',
      entityType: 'settings',
      entityId: String(saved.id),
      ...changedOnly(before, valuesOf(saved)),
    }),
  );
  return c.redirect('/admin/settings?done=saved', 303);
});
