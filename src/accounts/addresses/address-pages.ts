import type { Context } from 'hono';
import { html } from 'hono/html';
import type { FieldErrors } from '#src/lib/errors.ts';
import type { AppEnv } from '#src/web/context.ts';
import { csrfField, errorSummary, type FormValues, textField } from '#src/web/forms.ts';
import type { Address } from '../schema.ts';
import { checkboxField, doneNotice, selectField } from '../shared/fields.ts';
import { countryName, listCountries } from './countries.ts';

/** An address as it is written on a parcel. */
export function addressLines(a: Address) {
  const cityLine = [a.city, [a.state, a.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return html`<address class="postal">
    ${a.name}<br>${a.line1}<br>${a.line2 ? html`${a.line2}<br>` : ''}${cityLine}<br>${countryName(a.country)}
    ${a.phone ? html`<br>${a.phone}` : ''}
  </address>`;
}

const NOTICES = {
  added: 'The address is added.',
  saved: 'The address is saved.',
  deleted: 'The address is deleted.',
  default: 'The default address is changed.',
};

function defaultButton(c: Context<AppEnv>, a: Address, kind: 'shipping' | 'billing') {
  const isDefault = kind === 'shipping' ? a.isDefaultShipping : a.isDefaultBilling;
  if (isDefault) return html`<span class="badge">Default ${kind}</span>`;
  return html`<form method="post" action="/account/addresses/${a.id}/default" class="inline-form">
    ${csrfField(c)}
    <input type="hidden" name="kind" value="${kind}">
    <button type="submit" class="link-button">Use for ${kind}</button>
  </form>`;
}

export function addressListBody(
  c: Context<AppEnv>,
  o: { addresses: Address[]; notice?: string; errors?: FieldErrors },
) {
  return html`<h1>Addresses</h1>
    ${doneNotice(o.notice, NOTICES)}
    ${errorSummary(o.errors)}
    <p><a class="button" href="/account/addresses/new">Add an address</a></p>
    ${
      o.addresses.length === 0
        ? html`<p>Your address book is empty. Addresses you add here can be chosen at checkout.</p>`
        : html`<ul class="plain address-list">
          ${o.addresses.map(
            (a) => html`<li class="account-card">
              ${addressLines(a)}
              <div class="actions">${defaultButton(c, a, 'shipping')} ${defaultButton(c, a, 'billing')}</div>
              <div class="actions">
                <a href="/account/addresses/${a.id}/edit">Edit</a>
                <form method="post" action="/account/addresses/${a.id}/delete" class="inline-form">
                  ${csrfField(c)}
                  <button type="submit" class="link-button">Delete</button>
                </form>
              </div>
            </li>`,
          )}
        </ul>`
    }`;
}

/** The form values of a stored address, for its edit form. */
export function addressValues(a: Address): FormValues {
  return {
    name: a.name,
    line1: a.line1,
    line2: a.line2,
    city: a.city,
    state: a.state,
    postalCode: a.postalCode,
    country: a.country,
    phone: a.phone,
  };
}

export function addressFormBody(
  c: Context<AppEnv>,
  o: { action: string; heading: string; values?: FormValues; errors?: FieldErrors; address?: Address },
) {
  const f = { values: o.values, errors: o.errors };
  const countries = listCountries().map((x) => ({ value: x.code, label: x.name }));
  return html`<h1>${o.heading}</h1>
    ${errorSummary(o.errors)}
    <form method="post" action="${o.action}" novalidate>
      ${csrfField(c)}
      ${textField({ name: 'name', label: 'Full name of the recipient', autocomplete: 'name', required: true, maxlength: 100, ...f })}
      ${textField({ name: 'line1', label: 'Street address', autocomplete: 'address-line1', required: true, maxlength: 200, ...f })}
      ${textField({ name: 'line2', label: 'Apartment, suite, unit', autocomplete: 'address-line2', maxlength: 200, ...f })}
      ${textField({ name: 'city', label: 'City', autocomplete: 'address-level2', required: true, maxlength: 100, ...f })}
      ${textField({ name: 'state', label: 'State, province or region', autocomplete: 'address-level1', maxlength: 100, hint: 'Required for US addresses, e.g. CA.', ...f })}
      ${textField({ name: 'postalCode', label: 'ZIP or postal code', autocomplete: 'postal-code', required: true, maxlength: 20, ...f })}
      ${selectField({ name: 'country', label: 'Country', options: countries, fallback: 'US', autocomplete: 'country', ...f })}
      ${textField({ name: 'phone', label: 'Phone', type: 'tel', autocomplete: 'tel', maxlength: 25, hint: 'For the carrier, if they need to reach the recipient.', ...f })}
      ${
        o.address?.isDefaultShipping
          ? html`<p>This is your default shipping address.</p>`
          : checkboxField({ name: 'isDefaultShipping', label: 'Use as my default shipping address', values: o.values })
      }
      ${
        o.address?.isDefaultBilling
          ? html`<p>This is your default billing address.</p>`
          : checkboxField({ name: 'isDefaultBilling', label: 'Use as my default billing address', values: o.values })
      }
      <button type="submit">Save the address</button>
      <a href="/account/addresses">Cancel</a>
    </form>`;
}
