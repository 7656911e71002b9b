import { inArray, sql } from 'drizzle-orm';
import { html } from 'hono/html';
import type { Db } from '#src/db/client.ts';
import { barChart } from '#src/web/charts.ts';
import { defineDashboardPanel } from '#src/web/dashboard-panel.ts';
import { type PRODUCT_STATUSES, products } from './schema.ts';

const STATUS_LABELS = { active: 'On sale', draft: 'Drafts', archived: 'Archived' } as const;

/** How many products are in each status (one pass over the status index). */
export async function countProductsByStatus(db: Db) {
  const rows = await db
    .select({ status: products.status, n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(products)
    .groupBy(products.status);
  const counts = new Map(rows.map((r) => [r.status, r.n]));
  return (['active', 'draft', 'archived'] as const satisfies readonly (typeof PRODUCT_STATUSES)[number][]).map(
    (status) => ({ status, label: STATUS_LABELS[status], products: counts.get(status) ?? 0 }),
  );
}

/** Names and SKUs of products by id: what the dashboard's stock panels show beside the ids they hold. */
export async function describeProducts(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { name: string; sku: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: products.id, name: products.name, sku: products.sku })
    .from(products)
    .where(inArray(products.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, { name: r.name, sku: r.sku }]));
}

/** The catalogue at a glance: products by status, with the import and export of the products file. */
export const catalogPanel = defineDashboardPanel({
  id: 'catalog',
  title: 'Catalogue',
  permission: 'catalog:manage',
  load: (ctx) => countProductsByStatus(ctx.db),
  render(statuses) {
    const total = statuses.reduce((sum, s) => sum + s.products, 0);
    return html`<p class="panel-figure"><strong>${total}</strong> product${total === 1 ? '' : 's'}</p>
      ${barChart({
        id: 'chart-catalog',
        title: 'Products by status',
        description: statuses.map((s) => `${s.label}: ${s.products}`).join(', '),
        rows: statuses.map((s) => ({ label: s.label, value: s.products })),
      })}
      <table class="data-table chart-figures">
        <thead><tr><th scope="col">Status</th><th scope="col" class="num">Products</th></tr></thead>
        <tbody>
          ${statuses.map(
            (s) =>
              html`<tr><th scope="row"><a href="/admin/products?status=${s.status}">${s.label}</a></th><td class="num">${s.products}</td></tr>`,
          )}
        </tbody>
      </table>
      <p class="panel-more"><a href="/admin/products">All products</a> ·
        <a href="/admin/import">Import products from a CSV file</a> ·
        <a href="/admin/exports/products.csv" download>Download the products file</a></p>`;
  },
});
