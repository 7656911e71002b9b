import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import { checkboxField, selectField } from '#src/accounts/shared/fields.ts';
import type { FieldErrors } from '#src/lib/errors.ts';
import type { ShippingMethod } from '#src/shipping/schema.ts';
import type { AppEnv } from '#src/web/context.ts';
import { csrfField, errorSummary, type FormValues, textField } from '#src/web/forms.ts';
import { MAX_METHOD_DESCRIPTION, MAX_METHOD_NAME } from '../shipping-tax-validators.ts';

type FormState = { values: FormValues; errors?: FieldErrors | undefined };

const INTROS: Record<ShippingMethod['code'], string> = {
  standard: 'The everyday method for products kept at room temperature: a flat rate, waived above a subtotal.',
  express: 'A faster, dearer method for products kept at room temperature.',
  refrigerated:
    'The only method a cart holding a refrigerated product may use; it ships Monday to Wednesday only. Switched ' +
    'off, refrigerated products cannot be ordered at all.',
};

// "14:00 (2 pm)": staff think in either.
function hourLabel(hour: number): string {
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  const spoken =
    hour === 0 ? 'midnight, no same-day shipping' : hour === 12 ? 'noon' : `${twelve} ${hour < 12 ? 'am' : 'pm'}`;
  return `${String(hour).padStart(2, '0')}:00 (${spoken})`;
}

// A sentence or two: a textarea shows it whole where an input would cut it off.
function descriptionField(name: string, state: FormState) {
  const id = `f-${name}`;
  const error = state.errors?.[name];
  return html`<div class="field field-wide${error ? ' has-error' : ''}">
    <label for="${id}">Description <span class="optional">(optional)</span></label>
    <p class="hint" id="${id}-hint">One or two sentences under the name at checkout: transit time, what it suits.</p>
    <textarea id="${id}" name="${name}" rows="3" maxlength="${MAX_METHOD_DESCRIPTION}" aria-describedby="${id}-hint${error ? ` ${id}-error` : ''}"${error ? raw(' aria-invalid="true"') : ''}>${state.values[name] ?? ''}</textarea>
    ${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : ''}
  </div>`;
}

function methodSection(code: ShippingMethod['code'], title: string, state: FormState) {
  const f = (o: Omit<Parameters<typeof textField>[0], 'values' | 'errors'>) =>
    textField({ ...o, values: state.values, ...(state.errors ? { errors: state.errors } : {}) });
  return html`<fieldset id="shipping-${code}" class="settings-section">
    <legend>${title}</legend>
    <p class="settings-intro">${INTROS[code]} Checkout and the API name it <code>${code}</code>.</p>
    <div class="settings-grid">
      ${f({ name: `${code}-name`, label: 'Name shoppers see', required: true, maxlength: MAX_METHOD_NAME })}
      ${f({ name: `${code}-rate`, label: code === 'refrigerated' ? 'Rate of the overnight service, in $' : 'Rate per order, in $', required: true, maxlength: 12, autocomplete: 'off', hint: 'Dollars and cents, like 7.95.' })}
      ${code === 'refrigerated' ? f({ name: 'refrigerated-surcharge', label: 'Cold-chain surcharge, in $', required: true, maxlength: 12, autocomplete: 'off', hint: 'Added to the rate and never waived: the insulated shipper and gel packs.' }) : ''}
      ${f({ name: `${code}-freeAbove`, label: 'Free from a subtotal of, in $', maxlength: 12, autocomplete: 'off', hint: code === 'refrigerated' ? 'The rate is waived from this item subtotal; the surcharge stays. Empty for never.' : 'The rate is waived from this item subtotal. Empty for never.' })}
      ${f({ name: `${code}-position`, label: 'Position in the list', type: 'number', required: true, maxlength: 2, autocomplete: 'off', hint: '1 is listed first.' })}
    </div>
    ${descriptionField(`${code}-description`, state)}
    ${checkboxField({ name: `${code}-active`, label: 'Offered at checkout', values: state.values })}
  </fieldset>`;
}

/** The shipping methods, their rates and the cut-off for same-day shipping, in one form. */
export function renderShippingSettingsPage(
  c: Context<AppEnv>,
  o: {
    state: FormState;
    methods: Pick<ShippingMethod, 'code' | 'name'>[];
    timeZone: string;
    shipsNext: { ambient: string; cold: string };
    tabs: unknown;
  },
) {
  return html`<h1>Shipping</h1>
    ${o.tabs}
    <p>What shipping costs and when orders leave. Checkout prices the method a shopper picks from these, and tells
      them the day their order ships.</p>
    ${errorSummary(o.state.errors)}
    <form method="post" action="/admin/settings/shipping" class="settings-form" novalidate>
      ${csrfField(c)}
      ${o.methods.map((m) => methodSection(m.code, m.name || m.code, o.state))}
      <fieldset id="shipping-cutoff" class="settings-section">
        <legend>When orders leave</legend>
        <p class="settings-intro">Orders placed on a business day before the cut-off ship that day, later ones the
          next business day; refrigerated orders ship Monday to Wednesday only. Hours are in the store's time zone,
          ${o.timeZone} (<a href="/admin/settings#settings-store">store settings</a>). An order placed now ships
          on ${o.shipsNext.ambient}, a refrigerated one on ${o.shipsNext.cold}.</p>
        <div class="settings-grid">
          ${selectField({
            name: 'cutoffHour',
            label: 'Same-day cut-off',
            options: Array.from({ length: 24 }, (_, hour) => ({ value: String(hour), label: hourLabel(hour) })),
            values: o.state.values,
            ...(o.state.errors ? { errors: o.state.errors } : {}),
          })}
        </div>
      </fieldset>
      <div class="settings-actions"><button type="submit">Save shipping</button></div>
    </form>`;
}
