import type { Context } from 'hono';
import { Hono } from 'hono';
import { getShippingCutoffHour, listAllShippingMethods, saveShippingSettings } from '#src/shipping/methods.ts';
import type { ShippingMethod } from '#src/shipping/schema.ts';
import { expectedShipDate, formatShipDay } from '#src/shipping/ship-date.ts';
import { recordAudit } from '#src/staff/audit.ts';
import { actorOf, requireStaff } from '#src/staff/current.ts';
import type { StaffUser } from '#src/staff/schema.ts';
import { renderAdminPage } from '#src/staff/views/admin-layout.ts';
import { getStoreSettings } from '#src/store/settings.ts';
import type { AppEnv } from '#src/web/context.ts';
import { type FormValues, readForm } from '#src/web/forms.ts';
import { centsToDollars, shippingFormSchema } from './shipping-tax-validators.ts';
import { renderSettingsTabs } from './views/settings-tabs.ts';
import { renderShippingSettingsPage } from './views/shipping-settings-page.ts';

/** The shipping methods, their rates and the same-day cut-off, under /admin/settings/shipping. */
export const shippingSettingsPages = new Hono<AppEnv>();

const TITLE = 'Shipping settings';

function valuesOf(methods: ShippingMethod[], cutoffHour: number): FormValues {
  const values: FormValues = { cutoffHour: String(cutoffHour) };
  for (const m of methods) {
    values[`${m.code}-name`] = m.name;
    values[`${m.code}-description`] = m.description;
    values[`${m.code}-rate`] = centsToDollars(m.rateCents);
    values[`${m.code}-freeAbove`] = m.freeAboveCents === null ? '' : centsToDollars(m.freeAboveCents);
    values[`${m.code}-position`] = String(m.position);
    // Unticked boxes send nothing, so an inactive method is "" rather than absent: the box stays unticked.
    values[`${m.code}-active`] = m.isActive ? 'on' : '';
    if (m.code === 'refrigerated') values['refrigerated-surcharge'] = centsToDollars(m.surchargeCents);
  }
  return values;
}

// What the audit log keeps of a method: the fields staff edit, money in cents.
function auditViewOf(m: Omit<ShippingMethod, 'code' | 'updatedAt'>): Record<string, unknown> {
  return {
    name: m.name,
    description: m.description,
    rateCents: m.rateCents,
    freeAboveCents: m.freeAboveCents,
    surchargeCents: m.surchargeCents,
    isActive: m.isActive,
    position: m.position,
  };
}

// Only what changed goes into an entry, so that a reader sees at once what a save did.
function changedOnly(before: Record<string, unknown>, after: Record<string, unknown>) {
  const keys = Object.keys(after).filter((key) => before[key] !== after[key]);
  if (keys.length === 0) return undefined;
  return {
    before: Object.fromEntries(keys.map((key) => [key, before[key] ?? null])),
    after: Object.fromEntries(keys.map((key) => [key, after[key]])),
  };
}

async function showPage(
  c: Context<AppEnv>,
  staff: StaffUser,
  o: { values?: FormValues; errors?: Record<string, string>; status?: 200 | 400 } = {},
) {
  const { db } = c.var.ctx;
  const [methods, cutoffHour, settings] = await Promise.all([
    listAllShippingMethods(db),
    getShippingCutoffHour(db),
    getStoreSettings(db),
  ]);
  const shipsOn = (isRefrigerated: boolean) =>
    formatShipDay(expectedShipDate({ now: new Date(), timeZone: settings.timeZone, isRefrigerated, cutoffHour }));
  const status = o.status ?? 200;
  return renderAdminPage(c, {
    staff,
    title: TITLE,
    section: 'settings',
    status,
    notice:
      status === 200 && c.req.query('done') === 'saved' ? 'Saved. Checkout uses the new rates from now on.' : undefined,
    body: renderShippingSettingsPage(c, {
      state: { values: o.values ?? valuesOf(methods, cutoffHour), errors: o.errors },
      methods,
      timeZone: settings.timeZone,
      shipsNext: { ambient: shipsOn(false), cold: shipsOn(true) },
      tabs: renderSettingsTabs(staff, 'shipping'),
    }),
  });
}

shippingSettingsPages.get('/', async (c) => {
  const staff = await requireStaff(c, 'settings:manage');
  return showPage(c, staff);
});

shippingSettingsPages.post('/', async (c) => {
  const staff = await requireStaff(c, 'settings:manage');
  const { ctx } = c.var;
  const form = await readForm(c, shippingFormSchema);
  if (!form.ok) return showPage(c, staff, { values: form.values, errors: form.errors, status: 400 });
  const [methods, cutoffHour] = await Promise.all([listAllShippingMethods(ctx.db), getShippingCutoffHour(ctx.db)]);
  const actor = actorOf(staff);
  await saveShippingSettings(ctx, form.data, async (tx) => {
    for (const before of methods) {
      const change = changedOnly(auditViewOf(before), auditViewOf(form.data.methods[before.code]));
      if (change) {
        await recordAudit(tx, {
          staff: actor,
          action: 'shipping.update',
          entityType: 'shipping',
          entityId: before.code,
          ...change,
        });
      }
    }
    if (cutoffHour !== form.data.cutoffHour) {
      await recordAudit(tx, {
        staff: actor,
        action: 'shipping.update',
        entityType: 'shipping',
        entityId: 'cutoff',
        before: { cutoffHour },
        after: { cutoffHour: form.data.cutoffHour },
      });
    }
  });
  return c.redirect('/admin/settings/shipping?done=saved', 303);
});
