import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import { checkboxField, selectField } from '#src/accounts/shared/fields.ts';
import type { FieldErrors } from '#src/lib/errors.ts';
import { formatTaxPercent } from '#src/tax/rates.ts';
import type { TaxRate } from '#src/tax/schema.ts';
import { isTaxState, TAX_STATES } from '#src/tax/states.ts';
import type { AppEnv } from '#src/web/context.ts';
import { csrfField, errorSummary, type FormValues, textField } from '#src/web/forms.ts';

type FormState = { values: FormValues; errors?: FieldErrors | undefined };

const nameOf = (state: string) => (isTaxState(state) ? TAX_STATES[state] : state);

function rateRow(r: TaxRate, editing: string | undefined) {
  const isEditing = r.state === editing;
  return html`<tr${isEditing ? raw(' class="is-current"') : ''}>
    <th scope="row">${nameOf(r.state)} <span class="muted">${r.state}</span></th>
    <td class="num">${formatTaxPercent(r.ratePer100k)} %</td>
    <td>${r.isShippingTaxed ? 'Taxed' : 'Not taxed'}</td>
    <td><a href="/admin/settings/tax?state=${r.state}#tax-form"${isEditing ? raw(' aria-current="true"') : ''}>Edit<span class="visually-hidden"> ${nameOf(r.state)}</span></a></td>
  </tr>`;
}

/** The sales-tax rate of each state, and the form that sets one. */
export function renderTaxSettingsPage(c: Context<AppEnv>, o: { state: FormState; rates: TaxRate[]; tabs: unknown }) {
  const charged = o.rates.filter((r) => r.ratePer100k > 0);
  const editing = o.state.values.state;
  const errors = o.state.errors ? { errors: o.state.errors } : {};
  return html`<h1>Tax</h1>
    ${o.tabs}
    <p>The sales tax checkout adds to an order, by the state it ships to: the rate applies to the items, and to
      shipping where the state taxes it, and is rounded to the cent once per order (half a cent rounds up). A
      business with an approved tax-exemption certificate for that state pays none; certificates are reviewed with
      the <a href="/admin/licences">licences</a>. Set the rates of the states where the store is registered to
      collect; the rest stay at 0 %.</p>
    <p>${charged.length === 0 ? 'No state is taxed yet.' : `Tax is charged in ${charged.length} ${charged.length === 1 ? 'state' : 'states'}: ${charged.map((r) => nameOf(r.state)).join(', ')}.`}</p>
    <section id="tax-form" class="settings-section" aria-labelledby="tax-form-title">
      <h2 id="tax-form-title">Set a state's rate</h2>
      ${errorSummary(o.state.errors)}
      <form method="post" action="/admin/settings/tax" class="settings-form tax-form" novalidate>
        ${csrfField(c)}
        <div class="settings-grid">
          ${selectField({
            name: 'state',
            label: 'State',
            options: [
              { value: '', label: 'Choose a state' },
              ...Object.entries(TAX_STATES).map(([code, name]) => ({ value: code, label: `${name} (${code})` })),
            ],
            values: o.state.values,
            ...errors,
          })}
          ${textField({ name: 'rate', label: 'Rate, in %', required: true, maxlength: 8, autocomplete: 'off', hint: 'Up to 3 decimals, like 8.875; at most 20.', values: o.state.values, ...errors })}
        </div>
        ${checkboxField({ name: 'isShippingTaxed', label: 'The state taxes the shipping charge too', values: o.state.values })}
        <div class="settings-actions"><button type="submit">Save the rate</button></div>
      </form>
    </section>
    <table class="data-table tax-table">
      <caption>Rates by state</caption>
      <thead><tr><th scope="col">State</th><th scope="col">Rate</th><th scope="col">Shipping</th><th scope="col"><span class="visually-hidden">Change</span></th></tr></thead>
      <tbody>${o.rates.map((r) => rateRow(r, editing))}</tbody>
    </table>`;
}
