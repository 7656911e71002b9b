import type { Context } from 'hono';
import { html } from 'hono/html';
import { formatDateTime } from '#src/lib/dates.ts';
import type { FieldErrors } from '#src/lib/errors.ts';
import { formatMoney } from '#src/lib/money.ts';
import { LICENCE_TYPE_LABELS } from '#src/licences/validators.ts';
import { LICENCE_STATUS_LABELS } from '#src/licences/views/licences-page.ts';
import { renderFacts } from '#src/staff/views/admin-layout.ts';
import type { AppEnv } from '#src/web/context.ts';
import { csrfField, errorSummary, type FormValues, textField } from '#src/web/forms.ts';
import type { CustomerDetail } from '../customer-queries.ts';

type TermsForm = { values?: FormValues; errors?: FieldErrors };

function renderLicences(detail: CustomerDetail, canReview: boolean) {
  if (detail.licences.length === 0) return html`<p class="muted">No licence or certificate on file.</p>`;
  return html`<table class="data-table">
    <thead><tr><th scope="col">Document</th><th scope="col">Status</th><th scope="col">Expires</th><th scope="col">Submitted</th></tr></thead>
    <tbody>
      ${detail.licences.map((l) => {
        const label = html`${LICENCE_TYPE_LABELS[l.type]} ${l.number}`;
        return html`<tr>
          <td>${canReview ? html`<a href="/admin/licences/${l.id}">${label}</a>` : label}</td>
          <td>${LICENCE_STATUS_LABELS[l.status]}</td>
          <td>${l.expiresOn}</td>
          <td>${formatDateTime(l.createdAt)}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

function renderTerms(c: Context<AppEnv>, detail: CustomerDetail, o: { canManage: boolean; form: TermsForm }) {
  const { customer, terms } = detail;
  if (customer.accountType !== 'business') {
    return html`${errorSummary(o.form.errors)}
      <p class="muted">A client account pays when it orders; invoice terms are for business accounts.</p>`;
  }
  const current = terms
    ? html`<p>May order on invoice, payable within ${terms.paymentTermsDays} days, while unpaid invoices stay within
        <strong>${formatMoney(terms.creditLimitCents, 'USD')}</strong>. Set on ${formatDateTime(terms.updatedAt)}.</p>`
    : html`<p>Pays when it orders: no invoice terms.</p>`;
  if (!o.canManage || customer.deletedAt) return current;
  const values = o.form.values ?? { creditLimit: terms ? (terms.creditLimitCents / 100).toFixed(2) : '' };
  return html`${current}
    <form method="post" action="/admin/customers/${customer.id}/credit" class="stack-form" novalidate>
      ${csrfField(c)}
      ${errorSummary(o.form.errors)}
      ${textField({
        name: 'creditLimit',
        label: 'Credit limit in US dollars',
        hint: 'Invoice orders are refused when they would take the unpaid balance above this. Leave it empty to withdraw invoice terms.',
        values,
        errors: o.form.errors,
        maxlength: 16,
      })}
      <button type="submit">Save the credit limit</button>
    </form>`;
}

/** A customer as staff see them: the account, its licences and certificates, and its invoice terms. */
export function renderCustomerPage(
  c: Context<AppEnv>,
  detail: CustomerDetail,
  o: { canReview: boolean; canManage: boolean; form?: TermsForm },
) {
  const { customer } = detail;
  return html`<p><a href="/admin/customers">← All customers</a></p>
    <h1>${customer.name}${customer.companyName ? html`, ${customer.companyName}` : ''}</h1>
    ${renderFacts([
      ['Email', customer.email],
      [
        'Email confirmed',
        customer.emailVerifiedAt
          ? `Yes, on ${formatDateTime(customer.emailVerifiedAt)}`
          : html`<strong>No</strong>: restricted products and licences wait until the customer confirms it.`,
      ],
      ['Account', customer.accountType === 'business' ? 'Business' : 'Client'],
      ['Phone', customer.phone || 'Not given'],
      ['Registered', formatDateTime(customer.createdAt)],
      ['Terms of sale accepted', customer.termsAcceptedAt ? formatDateTime(customer.termsAcceptedAt) : 'Not recorded'],
      ...(customer.deletedAt ? ([['Deleted', formatDateTime(customer.deletedAt)]] as [string, unknown][]) : []),
    ])}
    <h2>Licences and certificates</h2>
    ${renderLicences(detail, o.canReview)}
    <h2>Invoice terms</h2>
    ${renderTerms(c, detail, { canManage: o.canManage, form: o.form ?? {} })}`;
}
