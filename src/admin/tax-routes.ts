import type { Context } from 'hono';
import { Hono } from 'hono';
import { recordAudit } from '#src/staff/audit.ts';
import { actorOf, requireStaff } from '#src/staff/current.ts';
import type { StaffUser } from '#src/staff/schema.ts';
import { renderAdminPage } from '#src/staff/views/admin-layout.ts';
import { findTaxRate, formatTaxPercent, listTaxRates, saveTaxRate, stateName } from '#src/tax/rates.ts';
import type { TaxRate } from '#src/tax/schema.ts';
import { isTaxState } from '#src/tax/states.ts';
import type { AppEnv } from '#src/web/context.ts';
import { type FormValues, readForm } from '#src/web/forms.ts';
import { taxRateFormSchema } from './shipping-tax-validators.ts';
import { renderSettingsTabs } from './views/settings-tabs.ts';
import { renderTaxSettingsPage } from './views/tax-settings-page.ts';

/** The sales-tax rate of each state, under /admin/settings/tax. */
export const taxSettingsPages = new Hono<AppEnv>();

const TITLE = 'Tax settings';

function valuesOf(r: TaxRate): FormValues {
  return { state: r.state, rate: formatTaxPercent(r.ratePer100k), isShippingTaxed: r.isShippingTaxed ? 'on' : '' };
}

// What the audit log keeps of a rate: the percentage as staff typed it, and the shipping flag.
function auditViewOf(r: TaxRate) {
  return { ratePercent: formatTaxPercent(r.ratePer100k), isShippingTaxed: r.isShippingTaxed };
}

async function showPage(
  c: Context<AppEnv>,
  staff: StaffUser,
  o: { values: FormValues; errors?: Record<string, string>; status?: 200 | 400; notice?: string | undefined },
) {
  return renderAdminPage(c, {
    staff,
    title: TITLE,
    section: 'settings',
    status: o.status ?? 200,
    notice: o.notice,
    body: renderTaxSettingsPage(c, {
      state: { values: o.values, errors: o.errors },
      rates: await listTaxRates(c.var.ctx.db),
      tabs: renderSettingsTabs(staff, 'tax'),
    }),
  });
}

taxSettingsPages.get('/', async (c) => {
  const staff = await requireStaff(c, 'settings:manage');
  // ?state= fills the form with that state's rate; anything else leaves it empty.
  const state = (c.req.query('state') ?? '').toUpperCase();
  if (!isTaxState(state)) return showPage(c, staff, { values: {} });
  const rate = await findTaxRate(c.var.ctx.db, state);
  const notice =
    c.req.query('done') === 'saved'
      ? `Saved: ${stateName(state)} is taxed at ${formatTaxPercent(rate.ratePer100k)} % from now on, shipping ${rate.isShippingTaxed ? 'included' : 'not included'}.`
      : undefined;
  return showPage(c, staff, { values: valuesOf(rate), notice });
});

taxSettingsPages.post('/', async (c) => {
  const staff = await requireStaff(c, 'settings:manage');
  const form = await readForm(c, taxRateFormSchema);
  if (!form.ok) return showPage(c, staff, { values: form.values, errors: form.errors, status: 400 });
  const { state, rate, isShippingTaxed } = form.data;
  await saveTaxRate(c.var.ctx.db, { state, ratePer100k: rate, isShippingTaxed }, async (tx, before, after) => {
    const [b, a] = [auditViewOf(before), auditViewOf(after)];
    if (b.ratePercent === a.ratePercent && b.isShippingTaxed === a.isShippingTaxed) return;
    await recordAudit(tx, {
      staff: actorOf(staff),
      action: 'tax-rate.update',
      entityType: 'tax-rate',
      entityId: state,
      before: b,
      after: a,
    });
  });
  return c.redirect(`/admin/settings/tax?state=${state}&done=saved`, 303);
});
