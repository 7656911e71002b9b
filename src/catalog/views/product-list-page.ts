import { html, raw } from 'hono/html';
import { assetUrl } from '#src/web/assets.ts';
import { countActiveFilters, NO_FILTERS } from '../filters.ts';
import type { ProductListItem } from '../queries.ts';
import { PRODUCT_SORTS, SORT_LABELS } from '../validators.ts';
import { type Crumb, renderBreadcrumbs } from './breadcrumbs.ts';
import { renderPagination } from './pagination.ts';
import { renderProductCard } from './product-card.ts';
import {
  buildListHref,
  FILTER_FORM_ID,
  type FilterState,
  renderActiveFilters,
  renderFilterErrors,
  renderFilterPanel,
} from './product-filters.ts';

/** A category choice above the list; its link keeps the filters and the sort. */
export type CategoryChoice = { name: string; href: string; isCurrent: boolean };

export type ListPageData = FilterState & {
  heading: string;
  intro?: string | undefined;
  crumbs: Crumb[];
  /** "All" and the categories to narrow to: the top level on /products, the children on a category page. */
  categoryChoices: CategoryChoice[];
  items: ProductListItem[];
  total: number;
  page: number;
  pageSize: number;
};

function renderCategoryChoices(d: ListPageData) {
  if (d.categoryChoices.length <= 1) return '';
  return html`<nav class="category-chips" aria-label="Shop by category">
    <ul>
      ${d.categoryChoices.map(
        (c) => html`<li><a href="${c.href}"${c.isCurrent ? raw(' aria-current="page"') : ''}>${c.name}</a></li>`,
      )}
    </ul>
  </nav>`;
}

function renderSortControl(d: ListPageData) {
  // Part of the filter form through `form`, so a new sort keeps the filters and new filters keep the sort.
  return html`<div class="sort-control">
    <label for="sort">Sort by</label>
    <select id="sort" name="sort" form="${FILTER_FORM_ID}">
      ${PRODUCT_SORTS.map(
        (s) => html`<option value="${s}"${s === d.sort ? raw(' selected') : ''}>${SORT_LABELS[s]}</option>`,
      )}
    </select>
    <button type="submit" form="${FILTER_FORM_ID}" class="button-secondary sort-apply">Sort</button>
  </div>`;
}

function renderEmpty(d: ListPageData, pageCount: number) {
  if (d.total === 0 && countActiveFilters(d.filters) > 0) {
    return html`<div class="empty-state">
      <p>No products match these filters. Remove a filter above, or clear them all.</p>
      <p><a class="button" href="${buildListHref({ ...d, filters: NO_FILTERS, page: 1 })}" data-live-link>Clear filters</a></p>
    </div>`;
  }
  if (d.total === 0) {
    return html`<div class="empty-state">
      <p>There are no products here yet.</p>
      <p><a class="button" href="/products">Browse all products</a></p>
    </div>`;
  }
  return html`<div class="empty-state">
    <p>Page ${d.page} is past the end of this list, which has ${pageCount} ${pageCount === 1 ? 'page' : 'pages'}.</p>
    <p><a class="button" href="${buildListHref({ ...d, page: 1 })}">Go to page 1</a></p>
  </div>`;
}

function renderResults(d: ListPageData) {
  const pageCount = Math.max(1, Math.ceil(d.total / d.pageSize));
  const hrefFor = (page: number) => buildListHref({ ...d, page });
  const first = (d.page - 1) * d.pageSize + 1;
  const last = first + d.items.length - 1;
  const products = d.total === 1 ? 'product' : 'products';
  // Which part of the list this is matters only when the list has more than one page.
  const count =
    d.items.length > 0 && pageCount > 1
      ? html`Showing ${first}&ndash;${last} of ${d.total} ${products}`
      : html`${d.total} ${products}`;
  return html`<div class="list-toolbar">
      <p class="result-count">${count}</p>
      ${renderSortControl(d)}
    </div>
    ${
      d.items.length === 0
        ? renderEmpty(d, pageCount)
        : html`<div class="product-grid">${d.items.map((p) => renderProductCard(p, { headingLevel: 2 }))}</div>
          ${renderPagination({ page: d.page, pageCount, hrefFor })}`
    }`;
}

/** A list of products: the shop (/products) or one category's page, with its filters. */
export function renderProductListPage(d: ListPageData) {
  return html`${renderBreadcrumbs(d.crumbs)}
    <header class="page-header">
      <h1>${d.heading}</h1>
      ${d.intro ? html`<p class="lead">${d.intro}</p>` : ''}
    </header>
    <div class="catalogue">
      ${renderFilterPanel(d)}
      <div class="list-results" id="list-results" tabindex="-1">
        ${renderCategoryChoices(d)}
        ${renderFilterErrors(d)}
        ${renderActiveFilters(d)}
        ${renderResults(d)}
      </div>
    </div>
    <p class="visually-hidden" id="filter-status" aria-live="polite"></p>
    <script type="module" src="${assetUrl('product-filters.js')}"></script>`;
}
