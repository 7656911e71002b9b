import type { Context } from 'hono';
import { html } from 'hono/html';
import { todayUtc } from '#src/lib/dates.ts';
import type { FieldErrors } from '#src/lib/errors.ts';
import type { AppEnv } from '#src/web/context.ts';
import { csrfField, errorSummary, type FormValues, textField } from '#src/web/forms.ts';
import { LICENCE_TYPES, type Licence } from '../schema.ts';
import { EMAIL_UNCONFIRMED_MESSAGE } from '../service.ts';
import { LICENCE_TYPE_LABELS, US_STATES } from '../validators.ts';
import { documentField, selectField } from './fields.ts';

export const LICENCE_STATUS_LABELS: Record<Licence['status'], string> = {
  pending: 'Waiting for review',
  approved: 'Verified',
  rejected: 'Not approved',
  suspended: 'Suspended',
  expired: 'Expired',
};

export const LICENCE_NOTICES: Record<string, string> = {
  submitted: 'Thank you: your licence was submitted. We will email you once our staff have reviewed it.',
};

function statusDetail(l: Licence) {
  const isExemption = l.type === 'tax-exemption';
  if (l.status === 'approved' && l.expiresOn < todayUtc())
    return isExemption ? 'Expired: submit your renewed certificate.' : 'Expired: submit your renewed licence.';
  if (l.status === 'pending') return 'Our staff will check it and email you the outcome.';
  if (l.status === 'approved' && isExemption)
    return `Orders shipped to ${l.issuingState} carry no sales tax while it is valid.`;
  if (l.status === 'approved') return 'You may order professional products while it is valid.';
  if (l.status === 'rejected')
    return html`Reason: ${l.rejectionReason}. You may submit it again with the details corrected.`;
  if (l.status === 'suspended') return html`Reason: ${l.rejectionReason}`;
  if (isExemption) return 'Submit your renewed certificate to keep ordering without sales tax.';
  return 'Submit your renewed licence to keep ordering professional products.';
}

function licenceRow(l: Licence) {
  // An approval whose date has passed no longer counts, even before the daily job marks it expired.
  const shown = l.status === 'approved' && l.expiresOn < todayUtc() ? 'expired' : l.status;
  return html`<tr>
    <td>${LICENCE_TYPE_LABELS[l.type]}</td>
    <td>${l.number}${
      l.documentFile ? html`<br><a href="/account/licences/${l.id}/document">Download the document</a>` : ''
    }</td>
    <td>${l.issuingState}</td>
    <td>${l.expiresOn}</td>
    <td><span class="badge badge-licence-${shown}">${LICENCE_STATUS_LABELS[shown]}</span>
      <p class="muted">${statusDetail(l)}</p></td>
  </tr>`;
}

/** The customer's licences with their review status, and the form that submits another. */
export function renderLicencesPage(
  c: Context<AppEnv>,
  o: {
    licences: Licence[];
    /** Without a confirmed address the form gives way to a note saying how to confirm it. */
    isEmailConfirmed: boolean;
    values?: FormValues;
    errors?: FieldErrors;
    notice?: string | undefined;
  },
) {
  return html`<h1>Licences</h1>
    ${o.notice ? html`<div class="notice notice-success" role="status"><p>${o.notice}</p></div>` : ''}
    <p>Some products are sold only to licensed professionals, and prescription items only to prescribers
      (MD, DO, NP, PA or dentist). Submit your licence here; once our staff verify it you can order them.</p>
    <p>A business exempt from sales tax submits its state's exemption or resale certificate here too, as a
      "${LICENCE_TYPE_LABELS['tax-exemption']}": once verified, orders shipped to that state carry no sales tax.</p>
    ${
      o.licences.length
        ? html`<table class="data-table">
          <caption class="visually-hidden">Your licences</caption>
          <thead><tr><th scope="col">Type</th><th scope="col">Number</th><th scope="col">State</th><th scope="col">Expires</th><th scope="col">Status</th></tr></thead>
          <tbody>${o.licences.map(licenceRow)}</tbody>
        </table>`
        : html`<p class="muted">You have not submitted a licence yet.</p>`
    }
    <section aria-labelledby="submit-licence">
      <h2 id="submit-licence">Submit a licence</h2>
      ${o.isEmailConfirmed ? submitForm(c, o) : unconfirmedNote()}
    </section>`;
}

function unconfirmedNote() {
  return html`<div class="notice notice-warning" role="alert">
      <p>${EMAIL_UNCONFIRMED_MESSAGE}</p>
      <p><a href="/account/verify-email/resend">Send the confirmation email again</a></p>
    </div>`;
}

function submitForm(c: Context<AppEnv>, o: { values?: FormValues; errors?: FieldErrors }) {
  return html`${errorSummary(o.errors)}
      <form method="post" action="/account/licences" enctype="multipart/form-data" novalidate>
        ${csrfField(c)}
        ${selectField({
          name: 'type',
          label: 'Type of licence',
          placeholder: 'Choose a type',
          options: LICENCE_TYPES.map((t) => [t, LICENCE_TYPE_LABELS[t]]),
          values: o.values,
          errors: o.errors,
        })}
        ${textField({ name: 'number', label: 'Licence number', required: true, maxlength: 40, autocomplete: 'off', values: o.values, errors: o.errors })}
        ${selectField({
          name: 'issuingState',
          label: 'Issuing state',
          placeholder: 'Choose a state',
          options: Object.entries(US_STATES),
          values: o.values,
          errors: o.errors,
        })}
        ${textField({ name: 'expiresOn', label: 'Expiry date', type: 'date', required: true, hint: 'As printed on the licence.', values: o.values, errors: o.errors })}
        ${textField({ name: 'holderName', label: 'Name on the licence', required: true, maxlength: 200, autocomplete: 'name', values: o.values, errors: o.errors })}
        ${documentField(o.errors)}
        <button type="submit">Submit for review</button>
      </form>`;
}
