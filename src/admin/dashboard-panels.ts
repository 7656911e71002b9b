import { html } from 'hono/html';
import { catalogPanel, describeProducts } from '#src/catalog/dashboard-panel.ts';
import { expiringLotsPanel, lowStockPanel } from '#src/inventory/dashboard-panels.ts';
import { dateInZone } from '#src/lib/dates.ts';
import { waitingLicencesPanel } from '#src/licences/dashboard-panel.ts';
import { orderStatesPanel, salesPanel, topProductsPanel } from '#src/orders/dashboard-panels.ts';
import { hasPermission, type Permission } from '#src/staff/permissions.ts';
import type { StaffUser } from '#src/staff/schema.ts';
import type { AppContext } from '#src/web/context.ts';
import { type DashboardPanel, type DashboardPeriod, defineDashboardPanel } from '#src/web/dashboard-panel.ts';
import type { Html } from '#src/web/layout.ts';
import { countOutbox } from './queries.ts';

/** Mail kept in the outbox: whether delivery keeps up. */
const outboxPanel = defineDashboardPanel({
  id: 'outbox',
  title: 'Outbox',
  permission: 'outbox:read',
  load: (ctx) => countOutbox(ctx.db),
  render({ total, undelivered }) {
    return html`<p class="panel-figure"><strong>${total}</strong> mail${total === 1 ? '' : 's'} in the outbox,
        ${undelivered} not delivered by SMTP</p>
      <p class="panel-more"><a href="/admin/outbox">The outbox</a></p>`;
  },
});

/**
 * The dashboard's panels, in the order they are shown. Each domain declares its own (promotions and inquiries
 * add theirs here as they come); a staff member sees those their role's permissions allow.
 */
// biome-ignore lint/suspicious/noExplicitAny: each panel's data type is its own; load and render agree within one.
export const DASHBOARD_PANELS: readonly DashboardPanel<any, Permission>[] = [
  salesPanel,
  orderStatesPanel,
  topProductsPanel,
  lowStockPanel,
  expiringLotsPanel,
  waitingLicencesPanel,
  catalogPanel,
  outboxPanel,
];

export type LoadedPanel = { id: string; title: string; body: Html };

/** Loads, in parallel, the panels this staff member may see; a panel whose query fails says so and the rest show. */
export async function loadDashboard(
  ctx: Pick<AppContext, 'db' | 'log'>,
  o: { staff: StaffUser; timeZone: string; currency: string; days: DashboardPeriod; now?: Date },
): Promise<LoadedPanel[]> {
  const panelContext = {
    db: ctx.db,
    timeZone: o.timeZone,
    today: dateInZone(o.timeZone, o.now),
    days: o.days,
    describeProducts: (ids: readonly string[]) => describeProducts(ctx.db, ids),
  };
  const allowed = DASHBOARD_PANELS.filter((panel) => hasPermission(o.staff.role, panel.permission));
  return Promise.all(
    allowed.map(async (panel): Promise<LoadedPanel> => {
      try {
        const data = await panel.load(panelContext);
        return { id: panel.id, title: panel.title, body: panel.render(data, { days: o.days, currency: o.currency }) };
      } catch (err) {
        ctx.log.error({ err, panel: panel.id }, 'dashboard panel failed');
        return { id: panel.id, title: panel.title, body: html`<p>These figures could not be read just now.</p>` };
      }
    }),
  );
}
