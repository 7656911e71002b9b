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

// The state's name opens its rate in the form above, so the table needs no column of its own for that.
function rateRow(r: TaxRate, editing: string | undefined) {
  const isEditing = r.state === editing;
  return html`<tr${isEditing ? raw(' class="is-current"') : ''}>
    <th scope="row"><a href="/admin/settings/tax?state=${r.state}#tax-form"${isEditing ? raw(' aria-current="true"') : ''}>${nameOf(r.state)}</a> <span class="muted">${r.state}</span></th>
    <td class="num">${formatTaxPercent(r.ratePer100k)} %</td>
    <td>${r.isShippingTaxed ? 'Taxed' : 'Not taxed'}</td>
  </tr>`;
}

/** The sales-tax rate of each state, and the form that sets one. */
export function renderTaxSettingsPage(c: Context<AppEnv>, o: { state: FormState; rates: TaxRate[]; tabs: unknown }) {
  // Staff look a state up by its name, so the table follows names rather than codes (Alabama before Alaska).
  const byName = [...o.rates].sort((a, b) => nameOf(a.state).localeCompare(nameOf(b.state), 'en-US'));
  const charged = byName.filter((r) => r.ratePer100k > 0);
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
    <section id="tax-form" class="settings-section">
      ${errorSummary(o.state.errors)}
      <form method="post" action="/admin/settings/tax" class="settings-form tax-form" novalidate>
        ${csrfField(c)}
        <fieldset>
        <legend>Set a state's rate</legend>
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
        <button type="submit">Save the rate</button>
        </fieldset>
      </form>
    </section>
    <table class="data-table tax-table">
      <caption>Rates by state; choose a state to change its rate</caption>
      <thead><tr><th scope="col">State</th><th scope="col" class="num">Rate</th><th scope="col">Shipping</th></tr></thead>
      <tbody>${byName.map((r) => rateRow(r, editing))}</tbody>
    </table>`;
}
