import { html, raw } from 'hono/html';
import type { ProductListItem } from '../queries.ts';
import type { Category } from '../schema.ts';
import { PRODUCT_SORTS, type ProductSort, SORT_LABELS } from '../validators.ts';
import { type Crumb, renderBreadcrumbs } from './breadcrumbs.ts';
import { renderPagination } from './pagination.ts';
import { renderProductCard } from './product-card.ts';

export type ListPageData = {
  heading: string;
  intro?: string | undefined;
  crumbs: Crumb[];
  /** Path the sort form and page links point to: /products or /categories/:slug. */
  basePath: string;
  /** Set when /products is filtered with ?category=: kept in the sort form and page links. */
  categoryParam?: string | undefined;
  /** Categories offered as filters (top level on /products, children on a category page). */
  subcategories: Category[];
  subcategoryHeading: string;
  currentCategorySlug?: string | undefined;
  items: ProductListItem[];
  total: number;
  page: number;
  pageSize: number;
  sort: ProductSort;
};

/** The address of one page of a list, leaving out parameters at their default value. */
export function buildListHref(o: {
  basePath: string;
  categoryParam?: string | undefined;
  sort: ProductSort;
  page: number;
}) {
  const params = new URLSearchParams();
  if (o.categoryParam) params.set('category', o.categoryParam);
  if (o.sort !== 'name') params.set('sort', o.sort);
  if (o.page > 1) params.set('page', String(o.page));
  const query = params.toString();
  return query ? `${o.basePath}?${query}` : o.basePath;
}

function renderSortForm(d: ListPageData) {
  return html`<form class="sort-form" method="get" action="${d.basePath}">
    ${d.categoryParam ? html`<input type="hidden" name="category" value="${d.categoryParam}">` : ''}
    <label for="sort">Sort by</label>
    <select id="sort" name="sort">
      ${PRODUCT_SORTS.map(
        (s) => html`<option value="${s}"${s === d.sort ? raw(' selected') : ''}>${SORT_LABELS[s]}</option>`,
      )}
    </select>
    <button type="submit" class="button button-secondary">Apply</button>
  </form>`;
}

function renderSubcategories(d: ListPageData) {
  if (d.subcategories.length === 0) return '';
  return html`<nav class="category-chips" aria-label="${d.subcategoryHeading}">
    <h2 class="visually-hidden">${d.subcategoryHeading}</h2>
    <ul>
      ${d.subcategories.map(
        (c) =>
          html`<li><a href="/categories/${c.slug}"${c.slug === d.currentCategorySlug ? raw(' aria-current="page"') : ''}>${c.name}</a></li>`,
      )}
    </ul>
  </nav>`;
}

function renderResults(d: ListPageData) {
  const pageCount = Math.max(1, Math.ceil(d.total / d.pageSize));
  const hrefFor = (page: number) => buildListHref({ ...d, page });
  if (d.total === 0) {
    return html`<div class="empty-state">
      <p>There are no products here yet.</p>
      <p><a class="button" href="/products">Browse all products</a></p>
    </div>`;
  }
  if (d.items.length === 0) {
    return html`<div class="empty-state">
      <p>Page ${d.page} is past the end of this list, which has ${pageCount} ${pageCount === 1 ? 'page' : 'pages'}.</p>
      <p><a class="button" href="${hrefFor(1)}">Go to page 1</a></p>
    </div>`;
  }
  const first = (d.page - 1) * d.pageSize + 1;
  const last = first + d.items.length - 1;
  return html`<p class="result-count" role="status">
      Showing ${first}&ndash;${last} of ${d.total} ${d.total === 1 ? 'product' : 'products'}
    </p>
    <div class="product-grid">
      ${d.items.map((p) => renderProductCard(p, { headingLevel: 2 }))}
    </div>
    ${renderPagination({ page: d.page, pageCount, hrefFor })}`;
}

/** A list of products: the shop (/products) or one category's page. */
export function renderProductListPage(d: ListPageData) {
  return html`${renderBreadcrumbs(d.crumbs)}
    <header class="page-header">
      <h1>${d.heading}</h1>
      ${d.intro ? html`<p class="lead">${d.intro}</p>` : ''}
    </header>
    ${renderSubcategories(d)}
    <div class="list-toolbar">${renderSortForm(d)}</div>
    ${renderResults(d)}`;
}
