import { html, raw } from 'hono/html';
import { hasPermission } from '#src/staff/permissions.ts';
import type { StaffUser } from '#src/staff/schema.ts';
import { DASHBOARD_PERIODS, type DashboardPeriod } from '#src/web/dashboard-panel.ts';
import type { LoadedPanel } from '../dashboard-panels.ts';
import { EXPORTS } from '../exports.ts';

function periodSwitch(days: DashboardPeriod) {
  return html`<nav class="period-switch" aria-label="Period of the sales figures">
    <span>Sales of the last</span>
    <ul class="plain">
      ${DASHBOARD_PERIODS.map(
        (d) => html`<li><a href="/admin?days=${d}"${d === days ? raw(' aria-current="page"') : ''}>${d} days</a></li>`,
      )}
    </ul>
  </nav>`;
}

/** The admin landing page: the panels this role may see, the files it may download, and where to work next. */
export function renderDashboard(o: { staff: StaffUser; panels: LoadedPanel[]; days: DashboardPeriod }) {
  const can = (p: Parameters<typeof hasPermission>[1]) => hasPermission(o.staff.role, p);
  const exports = EXPORTS.filter((e) => can(e.permission));
  return html`<div class="admin-header">
      <h1>Dashboard</h1>
      ${can('orders:read') ? periodSwitch(o.days) : ''}
    </div>
    <div class="dashboard-panels">
      ${o.panels.map(
        (
          panel,
        ) => html`<section class="dashboard-panel" id="panel-${panel.id}" aria-labelledby="panel-${panel.id}-heading">
          <h2 id="panel-${panel.id}-heading">${panel.title}</h2>
          ${panel.body}
        </section>`,
      )}
    </div>
    ${
      exports.length > 0
        ? html`<h2>Download</h2>
          <ul class="download-list">
            ${exports.map(
              (e) =>
                html`<li><a href="/admin/exports/${e.name}.csv" download>${e.label}</a> (CSV): ${e.description}</li>`,
            )}
          </ul>`
        : ''
    }
    <h2>Tasks</h2>
    <ul>
      ${can('orders:read') ? html`<li><a href="/admin/orders">Orders</a>: take payments, ship, cancel, print packing slips.</li>` : ''}
      ${can('licences:review') ? html`<li><a href="/admin/licences">Review licences</a>: approve, reject or suspend.</li>` : ''}
      ${can('inventory:manage') ? html`<li><a href="/admin/inventory">Keep stock</a>: receive lots, adjust and quarantine them.</li>` : ''}
      ${can('content:manage') ? html`<li><a href="/admin/articles">Write articles</a>: draft, check for compliance, schedule and publish.</li>` : ''}
      ${can('catalog:manage') ? html`<li><a href="/admin/import">Import products</a> from a CSV file, with a dry run first.</li>` : ''}
      ${can('customers:read') ? html`<li><a href="/admin/customers">Find a customer</a> and see their licences.</li>` : ''}
      ${can('staff:manage') ? html`<li><a href="/admin/staff">Manage staff</a> and their roles.</li>` : ''}
      ${can('audit:read') ? html`<li><a href="/admin/audit">Read the audit log</a> of staff actions.</li>` : ''}
    </ul>`;
}
