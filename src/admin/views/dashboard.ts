import { html } from 'hono/html';
import { hasPermission } from '#src/staff/permissions.ts';
import type { StaffUser } from '#src/staff/schema.ts';

/** The admin landing page: what is waiting for staff, limited to what this role may open. */
export function renderDashboard(o: {
  staff: StaffUser;
  pendingLicences?: number | undefined;
  outbox?: { total: number; undelivered: number } | undefined;
  /** Lots with units that expire within 60 days or have expired. */
  expiringLots?: number | undefined;
  orders?: { awaitingPayment: number; toShip: number } | undefined;
}) {
  const can = (p: Parameters<typeof hasPermission>[1]) => hasPermission(o.staff.role, p);
  return html`<h1>Dashboard</h1>
    <ul class="stat-cards plain">
      ${
        o.orders
          ? html`<li class="stat-card">
            <p class="stat-value">${o.orders.toShip}</p>
            <p><a href="/admin/orders?status=paid">Order${o.orders.toShip === 1 ? '' : 's'} to ship</a>
              (paid, or <a href="/admin/orders?status=processing">on invoice</a>)</p>
          </li>
          <li class="stat-card">
            <p class="stat-value">${o.orders.awaitingPayment}</p>
            <p><a href="/admin/orders?status=pending_payment">Order${o.orders.awaitingPayment === 1 ? '' : 's'} awaiting payment</a></p>
          </li>`
          : ''
      }
      ${
        o.pendingLicences !== undefined
          ? html`<li class="stat-card">
            <p class="stat-value">${o.pendingLicences}</p>
            <p><a href="/admin/licences?status=pending">Licence${o.pendingLicences === 1 ? '' : 's'} waiting for review</a></p>
          </li>`
          : ''
      }
      ${
        o.outbox
          ? html`<li class="stat-card">
            <p class="stat-value">${o.outbox.total}</p>
            <p><a href="/admin/outbox">Mail${o.outbox.total === 1 ? '' : 's'} in the outbox</a>
              (${o.outbox.undelivered} not delivered by SMTP)</p>
          </li>`
          : ''
      }
      ${
        o.expiringLots !== undefined
          ? html`<li class="stat-card">
            <p class="stat-value">${o.expiringLots}</p>
            <p><a href="/admin/inventory?expiring=60">Lot${o.expiringLots === 1 ? '' : 's'} expiring within 60 days</a>
              or expired, with units on the shelf</p>
          </li>`
          : ''
      }
    </ul>
    <h2>Tasks</h2>
    <ul>
      ${can('orders:read') ? html`<li><a href="/admin/orders">Orders</a>: take payments, ship, cancel, print packing slips.</li>` : ''}
      ${can('licences:review') ? html`<li><a href="/admin/licences">Review licences</a>: approve, reject or suspend.</li>` : ''}
      ${can('inventory:manage') ? html`<li><a href="/admin/inventory">Keep stock</a>: receive lots, adjust and quarantine them.</li>` : ''}
      ${can('content:manage') ? html`<li><a href="/admin/articles">Write articles</a>: draft, check for compliance, schedule and publish.</li>` : ''}
      ${can('customers:read') ? html`<li><a href="/admin/customers">Find a customer</a> and see their licences.</li>` : ''}
      ${can('staff:manage') ? html`<li><a href="/admin/staff">Manage staff</a> and their roles.</li>` : ''}
      ${can('audit:read') ? html`<li><a href="/admin/audit">Read the audit log</a> of staff actions.</li>` : ''}
    </ul>`;
}
