import { html, raw } from 'hono/html';
import { formatMoney } from '#src/lib/money.ts';
import {
  countActiveFilters,
  type FilterParam,
  formatFilterPrice,
  NO_FILTERS,
  type ProductFilters,
} from '../filters.ts';
import { ACCESS_LABELS, REGULATORY_LABELS, STORAGE_SHORT_LABELS } from '../labels.ts';
import { ACCESS_CLASSES, REGULATORY_STATUSES, STORAGE_CLASSES } from '../schema.ts';
import type { ProductSort } from '../validators.ts';

/** The id of the filter form; the sort menu beside the results belongs to it through its `form` attribute. */
export const FILTER_FORM_ID = 'product-filters';

export type FilterState = {
  /** Where the form sends the filters: /products or /categories/:slug. */
  basePath: string;
  /** The ?category= of /products, kept by the form and by every link. */
  categoryParam?: string | undefined;
  /** The category the list is limited to, shown as a removable filter. */
  activeCategoryName?: string | undefined;
  filters: ProductFilters;
  filterErrors: Partial<Record<FilterParam, string>>;
  typedPrices: { minPrice?: string | undefined; maxPrice?: string | undefined };
  sort: ProductSort;
  currency: string;
};

/** The address of one page of a list, leaving out parameters at their default value, in the form's order. */
export function buildListHref(o: {
  basePath: string;
  categoryParam?: string | undefined;
  filters?: ProductFilters | undefined;
  sort: ProductSort;
  page: number;
}) {
  const params = new URLSearchParams();
  if (o.categoryParam) params.set('category', o.categoryParam);
  const f = o.filters ?? NO_FILTERS;
  for (const v of f.regulatoryStatus) params.append('regulatoryStatus', v);
  for (const v of f.accessClass) params.append('accessClass', v);
  for (const v of f.storage) params.append('storage', v);
  if (f.minPriceCents !== undefined) params.set('minPrice', formatFilterPrice(f.minPriceCents));
  if (f.maxPriceCents !== undefined) params.set('maxPrice', formatFilterPrice(f.maxPriceCents));
  if (f.inStock) params.set('inStock', 'true');
  if (o.sort !== 'name') params.set('sort', o.sort);
  if (o.page > 1) params.set('page', String(o.page));
  const query = params.toString();
  return query ? `${o.basePath}?${query}` : o.basePath;
}

function checkbox(o: { name: FilterParam; value: string; label: string; isChecked: boolean }) {
  const id = `filter-${o.name}-${o.value}`;
  return html`<li>
    <input type="checkbox" id="${id}" name="${o.name}" value="${o.value}"${o.isChecked ? raw(' checked') : ''}>
    <label for="${id}">${o.label}</label>
  </li>`;
}

function fieldError(s: FilterState, name: FilterParam) {
  const message = s.filterErrors[name];
  return message ? html`<p class="field-error" id="filter-${name}-error">${message}</p>` : '';
}

function checkboxGroup<T extends string>(
  s: FilterState,
  o: { name: FilterParam; legend: string; values: readonly T[]; labels: Record<T, string>; chosen: readonly T[] },
) {
  return html`<fieldset class="filter-group${s.filterErrors[o.name] ? ' has-error' : ''}">
    <legend>${o.legend}</legend>
    <ul class="plain filter-options">
      ${o.values.map((v) => checkbox({ name: o.name, value: v, label: o.labels[v], isChecked: o.chosen.includes(v) }))}
    </ul>
    ${fieldError(s, o.name)}
  </fieldset>`;
}

function priceInput(s: FilterState, name: 'minPrice' | 'maxPrice', label: string) {
  const error = s.filterErrors[name];
  const cents = name === 'minPrice' ? s.filters.minPriceCents : s.filters.maxPriceCents;
  // A refused amount is shown as typed, so it can be corrected; an accepted one as the list applied it.
  const value = error ? (s.typedPrices[name] ?? '') : formatFilterPrice(cents);
  return html`<div class="price-field">
    <label for="filter-${name}">${label}</label>
    <input type="number" id="filter-${name}" name="${name}" value="${value}" min="0" step="0.01"
      inputmode="decimal"${error ? raw(` aria-invalid="true" aria-describedby="filter-${name}-error"`) : ''}>
  </div>`;
}

/**
 * The filter form: a GET form, so the address holds the filters and every combination is a page of its own,
 * cached and shareable. A small script (assets/product-filters.js) applies each change at once; without it
 * the Apply button does. Folded away on a phone, beside the list on a wide screen.
 */
export function renderFilterPanel(s: FilterState) {
  const count = countActiveFilters(s.filters);
  const hasErrors = Object.keys(s.filterErrors).length > 0;
  return html`<details class="filter-panel" id="filter-panel"${hasErrors ? raw(' open') : ''}>
    <summary class="filter-summary">Filters<span class="filter-count">${count ? ` (${count})` : ''}</span></summary>
    <form class="filter-form" id="${FILTER_FORM_ID}" method="get" action="${s.basePath}" aria-label="Filter products">
      ${s.categoryParam ? html`<input type="hidden" name="category" value="${s.categoryParam}">` : ''}
      ${checkboxGroup(s, {
        name: 'regulatoryStatus',
        legend: 'Regulatory status',
        values: REGULATORY_STATUSES,
        labels: REGULATORY_LABELS,
        chosen: s.filters.regulatoryStatus,
      })}
      ${checkboxGroup(s, {
        name: 'accessClass',
        legend: 'Who can buy',
        values: ACCESS_CLASSES,
        labels: ACCESS_LABELS,
        chosen: s.filters.accessClass,
      })}
      ${checkboxGroup(s, {
        name: 'storage',
        legend: 'Storage',
        values: STORAGE_CLASSES,
        labels: STORAGE_SHORT_LABELS,
        chosen: s.filters.storage,
      })}
      <fieldset class="filter-group${s.filterErrors.minPrice || s.filterErrors.maxPrice ? ' has-error' : ''}">
        <legend>Price (${s.currency})</legend>
        <div class="price-range">
          ${priceInput(s, 'minPrice', 'From')}
          ${priceInput(s, 'maxPrice', 'To')}
        </div>
        ${fieldError(s, 'minPrice')}
        ${fieldError(s, 'maxPrice')}
      </fieldset>
      <fieldset class="filter-group${s.filterErrors.inStock ? ' has-error' : ''}">
        <legend>Availability</legend>
        <ul class="plain filter-options">
          ${checkbox({ name: 'inStock', value: 'true', label: 'In stock only', isChecked: s.filters.inStock })}
        </ul>
        ${fieldError(s, 'inStock')}
      </fieldset>
      <div class="filter-actions">
        <button type="submit">Apply filters</button>
        ${count ? html`<a href="${buildListHref({ ...s, filters: NO_FILTERS, page: 1 })}">Clear filters</a>` : ''}
      </div>
    </form>
  </details>`;
}

// A live link is followed by the filter script without a page load; only links to this same list may be.
type Chip = { label: string; href: string; isLive: boolean };

function without<K extends 'regulatoryStatus' | 'accessClass' | 'storage'>(
  f: ProductFilters,
  key: K,
  value: string,
): ProductFilters {
  return { ...f, [key]: (f[key] as string[]).filter((v) => v !== value) };
}

function activeChips(s: FilterState): Chip[] {
  const f = s.filters;
  const href = (filters: ProductFilters) => buildListHref({ ...s, filters, page: 1 });
  const chips: Chip[] = [];
  if (s.activeCategoryName) {
    // Removing the category keeps the other filters, on the list of all products.
    chips.push({
      label: `Category: ${s.activeCategoryName}`,
      href: buildListHref({ basePath: '/products', filters: f, sort: s.sort, page: 1 }),
      isLive: false,
    });
  }
  for (const v of f.regulatoryStatus)
    chips.push({ label: REGULATORY_LABELS[v], href: href(without(f, 'regulatoryStatus', v)), isLive: true });
  for (const v of f.accessClass)
    chips.push({ label: ACCESS_LABELS[v], href: href(without(f, 'accessClass', v)), isLive: true });
  for (const v of f.storage)
    chips.push({ label: STORAGE_SHORT_LABELS[v], href: href(without(f, 'storage', v)), isLive: true });
  if (f.minPriceCents !== undefined) {
    chips.push({
      label: `From ${formatMoney(f.minPriceCents, s.currency)}`,
      href: href({ ...f, minPriceCents: undefined }),
      isLive: true,
    });
  }
  if (f.maxPriceCents !== undefined) {
    chips.push({
      label: `Up to ${formatMoney(f.maxPriceCents, s.currency)}`,
      href: href({ ...f, maxPriceCents: undefined }),
      isLive: true,
    });
  }
  if (f.inStock) chips.push({ label: 'In stock only', href: href({ ...f, inStock: false }), isLive: true });
  return chips;
}

/** Each active filter as a chip that removes just that one; nothing when the list is unfiltered. */
export function renderActiveFilters(s: FilterState) {
  const chips = activeChips(s);
  if (chips.length === 0) return '';
  const hasFilters = countActiveFilters(s.filters) > 0;
  return html`<div class="active-filters">
    <h2 class="active-filters-heading">Showing only</h2>
    <ul class="chip-list">
      ${chips.map(
        (c) => html`<li><a class="chip chip-removable" href="${c.href}"${c.isLive ? raw(' data-live-link') : ''}>
          <span class="visually-hidden">Remove filter: </span>${c.label}<span class="chip-x" aria-hidden="true">×</span>
        </a></li>`,
      )}
      ${
        hasFilters && chips.length > 1
          ? html`<li><a class="clear-filters" href="${buildListHref({ ...s, filters: NO_FILTERS, page: 1 })}" data-live-link>Clear filters</a></li>`
          : ''
      }
    </ul>
  </div>`;
}

/** What went wrong with the filters that were not applied, above the list they would have narrowed. */
export function renderFilterErrors(s: FilterState) {
  const entries = Object.entries(s.filterErrors);
  if (entries.length === 0) return '';
  const names: Record<FilterParam, string> = {
    regulatoryStatus: 'Regulatory status',
    accessClass: 'Who can buy',
    storage: 'Storage',
    minPrice: 'Price from',
    maxPrice: 'Price to',
    inStock: 'Availability',
  };
  return html`<div class="notice notice-error" role="alert">
    <p>Some filters could not be applied, so the list below leaves them out:</p>
    <ul>
      ${entries.map(([name, message]) => html`<li>${names[name as FilterParam]}: ${message}</li>`)}
    </ul>
  </div>`;
}
