import { html, raw } from 'hono/html';
import type { StockLot } from '#src/inventory/schema.ts';
import type { InventoryRow } from '../inventory-queries.ts';
import { EXPIRING_CHOICES } from '../inventory-validators.ts';
import { lotClass, renderExpiry, renderLotState } from './lot-labels.ts';
import { renderPager } from './pager.ts';

function lotItem(lot: StockLot, today: string) {
  return html`<li class="${lotClass(lot, today)}">
    <span class="lot-number">${lot.lotNumber}</span>
    <span class="lot-units">${lot.quantityOnHand} on hand</span>
    <span class="lot-expiry">${renderExpiry(lot, today)}</span>
    ${renderLotState(lot)}
  </li>`;
}

function lotsCell(row: InventoryRow, today: string) {
  // Emptied lots stay in the ledger and on the product's page; the list shows what is on the shelf.
  const held = row.lots.filter((l) => l.quantityOnHand > 0);
  const emptied = row.lots.length - held.length;
  if (held.length === 0) {
    return html`<span class="muted">${row.lots.length ? 'All lots empty' : 'No lots received'}</span>`;
  }
  return html`<ul class="lot-list plain">${held.map((lot) => lotItem(lot, today))}</ul>
    ${emptied ? html`<p class="muted lot-emptied">and ${emptied} empty ${emptied === 1 ? 'lot' : 'lots'}</p>` : ''}`;
}

function filterForm(o: { q: string | undefined; expiring: number | undefined; stock: 'low' | undefined }) {
  const choices = [...new Set([...EXPIRING_CHOICES, ...(o.expiring ? [o.expiring] : [])])].sort((a, b) => a - b);
  return html`<form method="get" action="/admin/inventory" class="inventory-filters" role="search">
    <div class="field">
      <label for="f-q">SKU or name</label>
      <input id="f-q" name="q" type="search" value="${o.q ?? ''}" maxlength="200" autocomplete="off">
    </div>
    <div class="field">
      <label for="f-expiring">Expiring</label>
      <select id="f-expiring" name="expiring">
        <option value=""${o.expiring ? '' : raw(' selected')}>Any time</option>
        ${choices.map(
          (days) =>
            html`<option value="${days}"${o.expiring === days ? raw(' selected') : ''}>Within ${days} days</option>`,
        )}
      </select>
    </div>
    <div class="field">
      <label for="f-stock">Stock</label>
      <select id="f-stock" name="stock">
        <option value=""${o.stock ? '' : raw(' selected')}>Any level</option>
        <option value="low"${o.stock === 'low' ? raw(' selected') : ''}>At or below the alert threshold</option>
      </select>
    </div>
    <div class="inventory-filter-actions">
      <button type="submit">Show</button>
      ${o.q || o.expiring || o.stock ? html`<a href="/admin/inventory">Clear</a>` : ''}
    </div>
  </form>`;
}

function summaryOf(o: {
  total: number;
  q: string | undefined;
  expiring: number | undefined;
  stock: 'low' | undefined;
}) {
  const products = `${o.total} ${o.total === 1 ? 'product' : 'products'}`;
  const parts = [
    o.q ? `matching “${o.q}”` : '',
    o.expiring ? `with units expiring within ${o.expiring} days` : '',
    o.stock === 'low' ? 'at or below their low-stock threshold' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return parts ? `${products} ${parts}.` : `${products}.`;
}

/** Stock of every product: what can be sold, what is on the shelf and in which lots; filtered and paged. */
export function renderInventoryList(o: {
  items: InventoryRow[];
  total: number;
  page: number;
  limit: number;
  q: string | undefined;
  expiring: number | undefined;
  stock: 'low' | undefined;
  today: string;
}) {
  return html`<h1>Inventory</h1>
    <p class="muted">Available counts the units that can be sold today: sellable lots, not expired, with the product's
      minimum shelf life left. On hand counts every unit on the shelf. Expired lots are marked, and lots expiring
      within 60 days are highlighted.</p>
    ${filterForm(o)}
    <p class="list-count" role="status">${summaryOf(o)}</p>
    ${
      o.items.length
        ? html`<table class="data-table inventory-table">
          <thead><tr><th scope="col">Product</th><th scope="col" class="number">Available</th><th scope="col" class="number">On hand</th><th scope="col">Lots on the shelf</th></tr></thead>
          <tbody>
            ${o.items.map(
              (row) => html`<tr>
                <th scope="row" class="inventory-product">
                  <a href="/admin/inventory/${row.productId}">${row.name}</a>
                  <span class="sku">${row.sku}</span>
                  ${row.status === 'active' ? '' : html`<span class="badge">${row.status}</span>`}
                </th>
                <td class="number" data-label="Available"><strong>${row.available}</strong></td>
                <td class="number" data-label="On hand">${row.onHand}</td>
                <td class="inventory-lots">${lotsCell(row, o.today)}</td>
              </tr>`,
            )}
          </tbody>
        </table>`
        : html`<p class="empty-state">No product matches. <a href="/admin/inventory">Show every product</a></p>`
    }
    ${renderPager({
      path: '/admin/inventory',
      params: { q: o.q, expiring: o.expiring ? String(o.expiring) : undefined, stock: o.stock },
      page: o.page,
      total: o.total,
      limit: o.limit,
    })}`;
}
