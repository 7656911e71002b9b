import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import { formatDateTime, todayUtc } from '#src/lib/dates.ts';
import type { FieldErrors } from '#src/lib/errors.ts';
import type { ReviewedLicence } from '#src/licences/queries.ts';
import { LICENCE_TYPE_LABELS, US_STATES } from '#src/licences/validators.ts';
import { LICENCE_STATUS_LABELS } from '#src/licences/views/licences-page.ts';
import { renderFacts } from '#src/staff/views/admin-layout.ts';
import type { AppEnv } from '#src/web/context.ts';
import { csrfField, errorSummary, type FormValues } from '#src/web/forms.ts';

function reasonForm(
  c: Context<AppEnv>,
  o: {
    id: string;
    action: 'reject' | 'suspend';
    label: string;
    hint: string;
    values?: FormValues | undefined;
    errors?: FieldErrors | undefined;
  },
) {
  const fieldId = `reason-${o.action}`;
  const error = o.values?.action === o.action ? o.errors?.reason : undefined;
  return html`<form method="post" action="/admin/licences/${o.id}/${o.action}" class="review-form" novalidate>
    ${csrfField(c)}
    <div class="field${error ? ' has-error' : ''}">
      <label for="${fieldId}">Reason the customer will read</label>
      <p class="hint" id="${fieldId}-hint">${o.hint}</p>
      <textarea id="${fieldId}" name="reason" rows="3" maxlength="1000" required aria-describedby="${fieldId}-hint${error ? ` ${fieldId}-error` : ''}"${error ? raw(' aria-invalid="true"') : ''}>${error ? (o.values?.reason ?? '') : ''}</textarea>
      ${error ? html`<p class="field-error" id="${fieldId}-error">${error}</p>` : ''}
    </div>
    <button type="submit" class="danger">${o.label}</button>
  </form>`;
}

function documentPart(l: ReviewedLicence) {
  if (!l.documentFile) return html`<p class="muted">No document is stored (the customer deleted their account).</p>`;
  const kb = Math.max(1, Math.round((l.documentSize ?? 0) / 1024));
  return html`<p>
    <a href="/admin/licences/${l.id}/document" target="_blank" rel="noopener">Open the document</a>
    (${l.documentType}, ${kb} KB) ·
    <a href="/admin/licences/${l.id}/document?download=1">Download it</a>
  </p>`;
}

/** One licence with its document and the approve, reject and suspend actions its status allows. */
export function renderLicenceReview(
  c: Context<AppEnv>,
  o: { licence: ReviewedLicence; values?: FormValues; errors?: FieldErrors },
) {
  const l = o.licence;
  const isLapsed = l.expiresOn < todayUtc();
  const canApprove = (l.status === 'pending' || l.status === 'suspended') && !isLapsed;
  const canReject = l.status === 'pending' || l.status === 'suspended';
  const canSuspend = l.status === 'approved';
  return html`<p><a href="/admin/licences">← Back to the queue</a></p>
    <h1>${LICENCE_TYPE_LABELS[l.type]} ${l.number}</h1>
    ${o.errors?._ ? errorSummary({ _: o.errors._ }) : ''}
    ${renderFacts([
      ['Status', LICENCE_STATUS_LABELS[l.status]],
      ...(l.rejectionReason ? ([['Reason given', l.rejectionReason]] as [string, unknown][]) : []),
      ['Holder name', l.holderName],
      ['Issuing state', `${US_STATES[l.issuingState as keyof typeof US_STATES] ?? l.issuingState} (${l.issuingState})`],
      ['Expires', html`${l.expiresOn}${isLapsed ? html` <strong>(date has passed)</strong>` : ''}`],
      [
        'Customer',
        html`${l.customer.name}, ${l.customer.email}${l.customer.companyName ? html` (${l.customer.companyName})` : ''}, ${l.customer.accountType} account`,
      ],
      [
        'Customer email',
        l.customer.emailVerifiedAt
          ? `Confirmed on ${formatDateTime(l.customer.emailVerifiedAt)}`
          : html`<strong>Not confirmed</strong>: nobody has proven this address belongs to the customer, and they
            cannot order restricted products until they confirm it.`,
      ],
      ['Submitted', formatDateTime(l.createdAt)],
      ['Last reviewed', l.reviewedAt ? formatDateTime(l.reviewedAt) : 'Not yet'],
    ])}
    <h2>Document</h2>
    ${documentPart(l)}
    <h2>Decision</h2>
    <p>Check the number with the issuing state's licensing board and compare the name with the document. The
      customer is emailed whatever you decide.</p>
    ${
      canApprove
        ? html`<form method="post" action="/admin/licences/${l.id}/approve" class="review-form">
          ${csrfField(c)}
          <button type="submit">Approve</button>
        </form>`
        : ''
    }
    ${canReject ? reasonForm(c, { id: l.id, action: 'reject', label: 'Reject', hint: 'For example: the number is not listed by the board, or the document is unreadable.', values: o.values, errors: o.errors }) : ''}
    ${canSuspend ? reasonForm(c, { id: l.id, action: 'suspend', label: 'Suspend the approval', hint: 'For example: the board lists the licence as under investigation.', values: o.values, errors: o.errors }) : ''}
    ${!canApprove && !canReject && !canSuspend ? html`<p class="muted">No decision is open for a licence that is ${LICENCE_STATUS_LABELS[l.status].toLowerCase()}${isLapsed && l.status !== 'expired' ? ' and past its expiry date' : ''}.</p>` : ''}`;
}
