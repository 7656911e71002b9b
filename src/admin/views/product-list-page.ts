import { html, raw } from 'hono/html';
import type { EditorListItem, EditorSort, StockState } from '#src/catalog/editor-queries.ts';
import { ACCESS_LABELS, REGULATORY_LABELS, STOCK_LABELS } from '#src/catalog/labels.ts';
import type { Category, Product } from '#src/catalog/schema.ts';
import { ACCESS_CLASSES, PRODUCT_STATUSES, REGULATORY_STATUSES } from '#src/catalog/schema.ts';
import { getStockStatus } from '#src/inventory/stock-status.ts';
import { formatMoney } from '#src/lib/money.ts';
import { renderPager } from './pager.ts';

export type ProductListFilters = {
  q?: string | undefined;
  category?: string | undefined;
  status?: Product['status'] | undefined;
  access?: Product['accessClass'] | undefined;
  regulatory?: Product['regulatoryStatus'] | undefined;
  stock?: StockState | undefined;
  sort: EditorSort;
};

export const STATUS_LABELS: Record<Product['status'], string> = {
  draft: 'Draft',
  active: 'Active',
  archived: 'Archived',
};

const SORT_LABELS: Record<EditorSort, string> = {
  name: 'Name (A-Z)',
  'name-desc': 'Name (Z-A)',
  sku: 'SKU',
  'price-asc': 'Price: low to high',
  'price-desc': 'Price: high to low',
  newest: 'Newest first',
  updated: 'Recently changed',
};

function select(name: string, label: string, value: string | undefined, options: [string, string][], any: string) {
  return html`<div class="field">
    <label for="f-${name}">${label}</label>
    <select id="f-${name}" name="${name}">
      ${any ? html`<option value="">${any}</option>` : ''}
      ${options.map(([v, l]) => html`<option value="${v}"${v === value ? raw(' selected') : ''}>${l}</option>`)}
    </select>
  </div>`;
}

function filterForm(f: ProductListFilters, categories: Category[]) {
  const isFiltered = Boolean(f.q || f.category || f.status || f.access || f.regulatory || f.stock);
  return html`<form method="get" action="/admin/products" class="product-filters" role="search">
    <div class="field product-filter-q">
      <label for="f-q">Name or SKU</label>
      <input id="f-q" name="q" type="search" value="${f.q ?? ''}" maxlength="200" autocomplete="off">
    </div>
    ${select(
      'category',
      'Category',
      f.category,
      categories.map((c) => [c.id, c.name]),
      'Any category',
    )}
    ${select(
      'status',
      'Status',
      f.status,
      PRODUCT_STATUSES.map((s) => [s, STATUS_LABELS[s]]),
      'Any status',
    )}
    ${select(
      'access',
      'Access',
      f.access,
      ACCESS_CLASSES.map((a) => [a, ACCESS_LABELS[a]]),
      'Anyone',
    )}
    ${select(
      'regulatory',
      'Regulatory status',
      f.regulatory,
      REGULATORY_STATUSES.map((r) => [r, REGULATORY_LABELS[r]]),
      'Any',
    )}
    ${select(
      'stock',
      'Stock',
      f.stock,
      (['in-stock', 'low-stock', 'out-of-stock'] as const).map((s) => [s, STOCK_LABELS[s]]),
      'Any',
    )}
    ${select('sort', 'Sort by', f.sort, Object.entries(SORT_LABELS), '')}
    <div class="product-filter-actions">
      <button type="submit">Show</button>
      ${isFiltered ? html`<a href="/admin/products">Clear</a>` : ''}
    </div>
  </form>`;
}

function row(p: EditorListItem, categories: Map<string, string>) {
  const image = p.images[0];
  const stock = getStockStatus(p.available);
  return html`<tr>
    <td class="product-thumb">${image ? html`<img src="${image.src}" alt="" width="48" height="36" loading="lazy">` : ''}</td>
    <th scope="row" class="product-name">
      <a href="/admin/products/${p.id}">${p.name}</a>
      <span class="sku">${p.sku}</span>
    </th>
    <td data-label="Status"><span class="badge badge-status-${p.status}">${STATUS_LABELS[p.status]}</span></td>
    <td data-label="Category">${(p.categoryId && categories.get(p.categoryId)) || html`<span class="muted">None</span>`}</td>
    <td class="number" data-label="Price">${formatMoney(p.priceCents, p.currency)}</td>
    <td data-label="Regulatory">${REGULATORY_LABELS[p.regulatoryStatus]}${
      p.accessClass === 'open' ? '' : html`<br><span class="muted">${ACCESS_LABELS[p.accessClass]}</span>`
    }</td>
    <td class="number" data-label="Available"><span class="stock-${stock}">${p.available}</span></td>
  </tr>`;
}

/** Every product for staff: search, filters, sorting and pages, with a link to add one. */
export function renderProductList(o: {
  items: EditorListItem[];
  total: number;
  page: number;
  limit: number;
  filters: ProductListFilters;
  categories: Category[];
}) {
  const names = new Map(o.categories.map((c) => [c.id, c.name]));
  const f = o.filters;
  return html`<div class="page-heading-row">
      <h1>Products</h1>
      <a class="button" href="/admin/products/new">Add a product</a>
    </div>
    ${filterForm(f, o.categories)}
    <p class="list-count" role="status">${o.total} ${o.total === 1 ? 'product' : 'products'}${f.q ? ` matching “${f.q}”` : ''}.</p>
    ${
      o.items.length
        ? html`<table class="data-table product-table">
          <thead><tr><th scope="col"><span class="visually-hidden">Picture</span></th><th scope="col">Product</th><th scope="col">Status</th><th scope="col">Category</th><th scope="col" class="number">Price</th><th scope="col">Regulatory, access</th><th scope="col" class="number">Available</th></tr></thead>
          <tbody>${o.items.map((p) => row(p, names))}</tbody>
        </table>`
        : html`<p class="empty-state">No product matches. <a href="/admin/products">Show every product</a></p>`
    }
    ${renderPager({
      path: '/admin/products',
      params: {
        q: f.q,
        category: f.category,
        status: f.status,
        access: f.access,
        regulatory: f.regulatory,
        stock: f.stock,
        sort: f.sort === 'name' ? undefined : f.sort,
      },
      page: o.page,
      total: o.total,
      limit: o.limit,
    })}`;
}
