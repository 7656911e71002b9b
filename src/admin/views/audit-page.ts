import { html, raw } from 'hono/html';
import { formatDateTime } from '#src/lib/dates.ts';
import { AUDIT_ENTITY_TYPES, type AuditEntityType, type AuditEntry, diffAudit } from '#src/staff/audit.ts';
import { renderPager } from './pager.ts';

// "-" stands for no value at all (e.g. before a record existed), so that an empty text reads differently.
function show(value: unknown): string {
  if (value === undefined || value === null) return '-';
  if (value === '') return '(empty)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function recordLink(e: AuditEntry) {
  if (e.entityType === 'licence')
    return html`<a href="/admin/licences/${e.entityId}">licence ${e.entityId.slice(0, 8)}</a>`;
  if (e.entityType === 'staff') return html`<a href="/admin/staff">staff ${e.entityId.slice(0, 8)}</a>`;
  if (e.entityType === 'settings') return html`<a href="/admin/settings">store texts</a>`;
  if (e.entityType === 'product')
    return html`<a href="/admin/products/${e.entityId}">product ${e.entityId.slice(0, 8)}</a>`;
  if (e.entityType === 'lot')
    return html`<a href="/admin/inventory/lots/${e.entityId}">lot ${e.entityId.slice(0, 8)}</a>`;
  if (e.entityType === 'stock-rules') return html`<a href="/admin/inventory/${e.entityId}">stock rules</a>`;
  if (e.entityType === 'shipping') return html`<a href="/admin/settings/shipping">shipping ${e.entityId}</a>`;
  if (e.entityType === 'tax-rate')
    return html`<a href="/admin/settings/tax?state=${e.entityId}">tax rate ${e.entityId}</a>`;
  if (e.entityType === 'article')
    return html`<a href="/admin/articles/${e.entityId}">article ${e.entityId.slice(0, 8)}</a>`;
  if (e.entityType === 'product-import') return html`<a href="/admin/import/${e.entityId}">product import</a>`;
  return html`${e.entityType} ${e.entityId}`;
}

function changes(e: AuditEntry) {
  const diff = diffAudit(e.before, e.after);
  if (!diff.length) return html`<span class="muted">no field changed</span>`;
  return html`<table class="diff-table">
    <thead><tr><th scope="col">Field</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
    <tbody>${diff.map((d) => html`<tr><td>${d.field}</td><td>${show(d.before)}</td><td>${show(d.after)}</td></tr>`)}</tbody>
  </table>`;
}

const ENTITY_LABELS: Record<AuditEntityType, string> = {
  licence: 'Licences',
  staff: 'Staff',
  settings: 'Store settings',
  category: 'Categories',
  product: 'Products',
  customer: 'Customers',
  lot: 'Stock lots',
  'stock-rules': 'Stock rules',
  shipping: 'Shipping',
  'tax-rate': 'Tax rates',
  order: 'Orders',
  article: 'Articles',
  'product-import': 'Product imports',
};

/** Who did what to which record, with before and after, newest first; owners only. */
export function renderAuditPage(o: {
  items: AuditEntry[];
  total: number;
  page: number;
  limit: number;
  entity: AuditEntityType | undefined;
}) {
  return html`<h1>Audit log</h1>
    <nav aria-label="Filter by record"><ul class="filter-links plain">
      ${[['', 'Everything'], ...AUDIT_ENTITY_TYPES.map((t) => [t, ENTITY_LABELS[t]])].map(
        ([value, label]) =>
          html`<li><a href="${value ? `/admin/audit?entity=${value}` : '/admin/audit'}"${(o.entity ?? '') === value ? raw(' aria-current="page"') : ''}>${label}</a></li>`,
      )}
    </ul></nav>
    ${
      o.items.length
        ? html`<table class="data-table">
          <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Record</th><th scope="col">Before and after</th></tr></thead>
          <tbody>
            ${o.items.map(
              (e) => html`<tr>
                <td>${formatDateTime(e.createdAt)}</td>
                <td>${e.actorEmail}</td>
                <td>${e.action}</td>
                <td>${recordLink(e)}</td>
                <td>${changes(e)}</td>
              </tr>`,
            )}
          </tbody>
        </table>`
        : html`<p class="muted">Nothing has been recorded yet.</p>`
    }
    ${renderPager({ path: '/admin/audit', params: { entity: o.entity }, page: o.page, total: o.total, limit: o.limit })}`;
}
