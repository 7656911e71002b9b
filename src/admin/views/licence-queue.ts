import { html, raw } from 'hono/html';
import { formatDateTime } from '#src/lib/dates.ts';
import type { ReviewedLicence } from '#src/licences/queries.ts';
import { LICENCE_STATUSES, type Licence } from '#src/licences/schema.ts';
import { LICENCE_TYPE_LABELS } from '#src/licences/validators.ts';
import { LICENCE_STATUS_LABELS } from '#src/licences/views/licences-page.ts';
import { renderPager } from './pager.ts';

function filterLinks(current: Licence['status'] | undefined) {
  const options: [string, string][] = [
    ['', 'All'],
    ...LICENCE_STATUSES.map((s): [string, string] => [s, LICENCE_STATUS_LABELS[s]]),
  ];
  return html`<nav aria-label="Filter by status"><ul class="filter-links plain">
    ${options.map(([value, label]) => {
      const href = value ? `/admin/licences?status=${value}` : '/admin/licences';
      return html`<li><a href="${href}"${(current ?? '') === value ? raw(' aria-current="page"') : ''}>${label}</a></li>`;
    })}
  </ul></nav>`;
}

/** The review queue: pending licences first, oldest first; the others after them. */
export function renderLicenceQueue(o: {
  items: ReviewedLicence[];
  total: number;
  page: number;
  limit: number;
  status: Licence['status'] | undefined;
}) {
  return html`<h1>Licences</h1>
    ${filterLinks(o.status)}
    ${
      o.items.length
        ? html`<table class="data-table">
          <thead><tr><th scope="col">Customer</th><th scope="col">Licence</th><th scope="col">Expires</th><th scope="col">Status</th><th scope="col">Submitted</th></tr></thead>
          <tbody>
            ${o.items.map(
              (l) => html`<tr>
                <td>${l.customer.name}<br><span class="muted">${l.customer.email}${l.customer.companyName ? html`, ${l.customer.companyName}` : ''}</span></td>
                <td><a href="/admin/licences/${l.id}">${LICENCE_TYPE_LABELS[l.type]} ${l.number}</a> (${l.issuingState})</td>
                <td>${l.expiresOn}</td>
                <td>${LICENCE_STATUS_LABELS[l.status]}</td>
                <td>${formatDateTime(l.createdAt)}</td>
              </tr>`,
            )}
          </tbody>
        </table>`
        : html`<p class="muted">No licences ${o.status ? html`with the status “${LICENCE_STATUS_LABELS[o.status]}”` : 'yet'}.</p>`
    }
    ${renderPager({ path: '/admin/licences', params: { status: o.status }, page: o.page, total: o.total, limit: o.limit })}`;
}
