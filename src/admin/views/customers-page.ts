import { html } from 'hono/html';
import { formatDateTime } from '#src/lib/dates.ts';
import { LICENCE_TYPE_LABELS } from '#src/licences/validators.ts';
import { LICENCE_STATUS_LABELS } from '#src/licences/views/licences-page.ts';
import type { CustomerWithLicences } from '../queries.ts';
import { renderPager } from './pager.ts';

/** Customers found by email, name or company, each with their licences and a link to review them. */
export function renderCustomersPage(o: {
  items: CustomerWithLicences[];
  total: number;
  page: number;
  limit: number;
  q: string | undefined;
  canReview: boolean;
}) {
  return html`<h1>Customers</h1>
    <form method="get" action="/admin/customers" class="search-form" role="search">
      <label for="customer-q">Email, name or company</label>
      <input id="customer-q" name="q" type="search" value="${o.q ?? ''}" maxlength="200">
      <button type="submit">Search</button>
    </form>
    <p class="muted">${o.total} customer${o.total === 1 ? '' : 's'}${o.q ? html` matching “${o.q}”` : ''}.</p>
    ${
      o.items.length
        ? html`<table class="data-table">
          <thead><tr><th scope="col">Customer</th><th scope="col">Account</th><th scope="col">Since</th><th scope="col">Licences</th></tr></thead>
          <tbody>
            ${o.items.map(
              (cu) => html`<tr>
                <td><a href="/admin/customers/${cu.id}">${cu.name}</a><br><span class="muted">${cu.email}</span><br>${
                  cu.emailVerifiedAt
                    ? html`<span class="badge">email confirmed</span>`
                    : html`<span class="badge badge-warning">email not confirmed</span>`
                }</td>
                <td>${cu.accountType}${cu.companyName ? html`, ${cu.companyName}` : ''}${cu.deletedAt ? ' (deleted)' : ''}</td>
                <td>${formatDateTime(cu.createdAt)}</td>
                <td>${
                  cu.licences.length
                    ? html`<ul class="plain">${cu.licences.map((l) => {
                        const label = html`${LICENCE_TYPE_LABELS[l.type]} ${l.number}: ${LICENCE_STATUS_LABELS[l.status]}, expires ${l.expiresOn}`;
                        return html`<li>${o.canReview ? html`<a href="/admin/licences/${l.id}">${label}</a>` : label}</li>`;
                      })}</ul>`
                    : html`<span class="muted">None</span>`
                }</td>
              </tr>`,
            )}
          </tbody>
        </table>`
        : ''
    }
    ${renderPager({ path: '/admin/customers', params: { q: o.q }, page: o.page, total: o.total, limit: o.limit })}`;
}
