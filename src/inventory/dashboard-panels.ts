import { sql } from 'drizzle-orm';
import { html } from 'hono/html';
import type { Db } from '#src/db/client.ts';
import { barChart } from '#src/web/charts.ts';
import { defineDashboardPanel } from '#src/web/dashboard-panel.ts';
import { isSellableLot, STORE_TODAY } from './availability.ts';
import { DEFAULT_STOCK_RULES } from './queries.ts';
import { stockLots, stockRules } from './schema.ts';

const LISTED = 8;
/** Lots expiring within this many days are shown (the inventory list's "expiring" filter takes the same). */
export const EXPIRING_WITHIN_DAYS = 60;

type LowStockRow = { productId: string; available: number; threshold: number; total: number };

/**
 * Products whose units available to sell are at or below their low-stock threshold, fewest first. One grouped
 * pass over the lots (products never stocked have no lots and are not "running low").
 */
export async function listLowStock(db: Db, limit: number): Promise<{ rows: LowStockRow[]; total: number }> {
  const available = sql`coalesce(sum(${stockLots.quantityOnHand}) filter (where ${isSellableLot()}), 0)`;
  const threshold = sql`coalesce(${stockRules.lowStockThreshold}, ${DEFAULT_STOCK_RULES.lowStockThreshold})`;
  const result = await db.execute<{ productId: string; available: number; threshold: number; total: number }>(sql`
    select ${stockLots.productId} as "productId", ${available}::int as available, ${threshold}::int as threshold,
      count(*) over ()::int as total
    from ${stockLots} left join ${stockRules} on ${stockRules.productId} = ${stockLots.productId}
    group by ${stockLots.productId}, ${stockRules.lowStockThreshold}
    having ${available} <= ${threshold}
    order by available asc, ${stockLots.productId}
    limit ${limit}`);
  const rows = result.rows.map((r) => ({ ...r, available: Number(r.available), threshold: Number(r.threshold) }));
  return { rows, total: Number(result.rows[0]?.total ?? 0) };
}

type ExpiringLot = {
  id: string;
  productId: string;
  lotNumber: string;
  expiresOn: string;
  units: number;
  daysLeft: number;
};

/** Lots with units on the shelf that expire within `days` days or have expired, soonest first, with totals by fortnight. */
export async function listExpiringLots(
  db: Db,
  o: { days: number; limit: number },
): Promise<{ lots: ExpiringLot[]; buckets: { label: string; lots: number; units: number }[]; total: number }> {
  const daysLeft = sql`(${stockLots.expiresOn} - ${STORE_TODAY})`;
  const where = sql`${stockLots.expiresOn} is not null and ${stockLots.quantityOnHand} > 0
    and ${stockLots.expiresOn} <= ${STORE_TODAY} + ${o.days}::int`;
  const [lots, groups] = await Promise.all([
    db.execute<ExpiringLot>(sql`
      select ${stockLots.id} as id, ${stockLots.productId} as "productId", ${stockLots.lotNumber} as "lotNumber",
        ${stockLots.expiresOn}::text as "expiresOn", ${stockLots.quantityOnHand} as units, ${daysLeft}::int as "daysLeft"
      from ${stockLots} where ${where}
      order by ${stockLots.expiresOn}, ${stockLots.lotNumber} limit ${o.limit}`),
    db.execute<{ bucket: number; lots: number; units: number }>(sql`
      select case when ${daysLeft} < 0 then -1 else least(${daysLeft}::int / 15, 3) end as bucket,
        count(*)::int as lots, sum(${stockLots.quantityOnHand})::int as units
      from ${stockLots} where ${where} group by 1`),
  ]);
  const byBucket = new Map(groups.rows.map((g) => [Number(g.bucket), g]));
  const labels: [number, string][] = [
    [-1, 'Expired'],
    [0, 'Within 14 days'],
    [1, 'In 15 to 29 days'],
    [2, 'In 30 to 44 days'],
    [3, `In 45 to ${o.days} days`],
  ];
  const buckets = labels.map(([key, label]) => ({
    label,
    lots: Number(byBucket.get(key)?.lots ?? 0),
    units: Number(byBucket.get(key)?.units ?? 0),
  }));
  return {
    lots: lots.rows.map((l) => ({ ...l, units: Number(l.units), daysLeft: Number(l.daysLeft) })),
    buckets,
    total: buckets.reduce((sum, b) => sum + b.lots, 0),
  };
}

function whenExpires(daysLeft: number): string {
  if (daysLeft < 0) return `expired ${-daysLeft} day${daysLeft === -1 ? '' : 's'} ago`;
  if (daysLeft === 0) return 'expires today';
  return `in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`;
}

/** Products running low, each linking to its stock page. */
export const lowStockPanel = defineDashboardPanel({
  id: 'low-stock',
  title: 'Low stock',
  permission: 'inventory:manage',
  async load(ctx) {
    const low = await listLowStock(ctx.db, LISTED);
    const names = await ctx.describeProducts(low.rows.map((r) => r.productId));
    return {
      ...low,
      rows: low.rows.map((r) => ({ ...r, ...(names.get(r.productId) ?? { name: 'Unknown', sku: '' }) })),
    };
  },
  render({ rows, total }) {
    if (total === 0) {
      return html`<p>No product is at or below its low-stock threshold.</p>
        <p class="panel-more"><a href="/admin/inventory">Inventory</a></p>`;
    }
    return html`<p class="panel-figure"><strong>${total}</strong> product${total === 1 ? ' is' : 's are'} at or below the low-stock threshold</p>
      <table class="data-table">
        <thead><tr><th scope="col">Product</th><th scope="col" class="num">Available</th><th scope="col" class="num">Alert at</th></tr></thead>
        <tbody>
          ${rows.map(
            (
              r,
            ) => html`<tr><th scope="row"><a href="/admin/inventory/${r.productId}">${r.name}</a> <span class="sku">${r.sku}</span></th>
              <td class="num">${r.available}</td><td class="num">${r.threshold}</td></tr>`,
          )}
        </tbody>
      </table>
      ${total > rows.length ? html`<p>And ${total - rows.length} more.</p>` : ''}
      <p class="panel-more"><a href="/admin/inventory?stock=low">All products running low</a></p>`;
  },
});

/** Lots that expire within 60 days or have expired, with units still on the shelf. */
export const expiringLotsPanel = defineDashboardPanel({
  id: 'expiring-lots',
  title: `Lots expiring within ${EXPIRING_WITHIN_DAYS} days`,
  permission: 'inventory:manage',
  async load(ctx) {
    const expiring = await listExpiringLots(ctx.db, { days: EXPIRING_WITHIN_DAYS, limit: LISTED });
    const names = await ctx.describeProducts(expiring.lots.map((l) => l.productId));
    return {
      ...expiring,
      lots: expiring.lots.map((l) => ({ ...l, ...(names.get(l.productId) ?? { name: 'Unknown', sku: '' }) })),
    };
  },
  render({ lots, buckets, total }) {
    const href = `/admin/inventory?expiring=${EXPIRING_WITHIN_DAYS}`;
    if (total === 0) {
      return html`<p>No lot on the shelf expires within ${EXPIRING_WITHIN_DAYS} days.</p>
        <p class="panel-more"><a href="${href}">Inventory</a></p>`;
    }
    const units = buckets.reduce((sum, b) => sum + b.units, 0);
    return html`<p class="panel-figure"><strong>${total}</strong> lot${total === 1 ? '' : 's'} holding ${units} unit${units === 1 ? '' : 's'}</p>
      ${barChart({
        id: 'chart-expiring-lots',
        title: `Units on the shelf expiring within ${EXPIRING_WITHIN_DAYS} days`,
        description: buckets.map((b) => `${b.label}: ${b.units} units in ${b.lots} lots`).join('; '),
        rows: buckets.map((b) => ({ label: b.label, value: b.units, valueLabel: `${b.units}` })),
      })}
      <table class="data-table chart-figures">
        <thead><tr><th scope="col">Lot</th><th scope="col">Expires</th><th scope="col" class="num">Units</th></tr></thead>
        <tbody>
          ${lots.map(
            (l) => html`<tr><th scope="row"><a href="/admin/inventory/${l.productId}#lot-${l.id}">${l.lotNumber}</a>
              <span class="lot-product">${l.name}</span></th>
              <td><span class="nowrap">${l.expiresOn}</span> <span class="lot-when">${whenExpires(l.daysLeft)}</span></td><td class="num">${l.units}</td></tr>`,
          )}
        </tbody>
      </table>
      ${total > lots.length ? html`<p>And ${total - lots.length} more.</p>` : ''}
      <p class="panel-more"><a href="${href}">All lots expiring within ${EXPIRING_WITHIN_DAYS} days</a></p>`;
  },
});
