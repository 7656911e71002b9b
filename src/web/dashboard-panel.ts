import type { Db } from '#src/db/client.ts';
import type { Html } from './layout.ts';

/** The periods the dashboard's "last N days" figures may cover (a link switches between them). */
export const DASHBOARD_PERIODS = [30, 90] as const;
export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number];

/** What a panel's query may use: the database, the store's calendar and the chosen period. */
export type PanelContext = {
  db: Db;
  /** The store's time zone: "a day" is a day there. */
  timeZone: string;
  /** Today where the store is (YYYY-MM-DD). */
  today: string;
  days: DashboardPeriod;
  /** Names and SKUs of products by id, for panels of domains below the catalogue that hold only ids. */
  describeProducts(ids: readonly string[]): Promise<Map<string, { name: string; sku: string }>>;
};

/**
 * One panel of the admin dashboard. Each domain declares its own panels beside its queries; the admin gathers
 * them and shows those the signed-in staff member's role allows (`permission` names a staff permission).
 */
export type DashboardPanel<Data = unknown, P extends string = string> = {
  id: string;
  title: string;
  permission: P;
  /** A cheap read: aggregates over indexed columns, a handful of rows. */
  load(ctx: PanelContext): Promise<Data>;
  render(data: Data, o: { days: DashboardPeriod; currency: string }): Html;
};

/** Declares a panel; the function only ties `load`'s result to `render`'s argument. */
export function defineDashboardPanel<Data, P extends string>(panel: DashboardPanel<Data, P>): DashboardPanel<Data, P> {
  return panel;
}
