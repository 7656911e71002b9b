import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '#src/web/context.ts';
import { fieldErrorsOf, parseQuery } from '#src/web/validation.ts';
import {
  type FilterParam,
  filterErrorsOf,
  filterQueryFields,
  isPriceRangeReversed,
  PRICE_RANGE_MESSAGE,
  type ProductFilters,
  toProductFilters,
} from './filters.ts';
import { listPageQuerySchema, type ProductSort } from './validators.ts';

export type ListPageQuery = {
  category?: string | undefined;
  sort: ProductSort;
  page: number;
  filters: ProductFilters;
  /** A message for each filter that could not be applied; the page lists products without it. */
  filterErrors: Partial<Record<FilterParam, string>>;
  /** Prices as typed, so a refused amount is shown back in its field for correcting. */
  typedPrices: { minPrice?: string | undefined; maxPrice?: string | undefined };
};

const filterQuerySchema = z.object(filterQueryFields);

// The query as the API's validator sees it: a repeated parameter is a list, a single one a string.
function queryValuesOf(c: Context<AppEnv>): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(c.req.queries()).map(([k, v]) => [k, v.length === 1 ? v[0]! : v]));
}

/**
 * Reads the query of a product list page. A bad page, sort or category answers 400 as before; a bad filter is
 * form input (a price typed by hand, an old link), so the page still lists products, without that filter, and
 * says what was wrong with it.
 */
export function parseListPageQuery(c: Context<AppEnv>, options: { hasCategoryParam: boolean }): ListPageQuery {
  const base = parseQuery(
    c,
    options.hasCategoryParam ? listPageQuerySchema : listPageQuerySchema.omit({ category: true }),
  );
  const values = queryValuesOf(c);
  let result = filterQuerySchema.safeParse(values);
  let errors: Partial<Record<FilterParam, string>> = {};
  if (!result.success) {
    errors = filterErrorsOf(fieldErrorsOf(result.error));
    // Each filter is checked on its own, so without the refused ones the rest always passes.
    const rest = Object.fromEntries(Object.entries(values).filter(([k]) => !(k in errors)));
    result = filterQuerySchema.safeParse(rest);
  }
  const query = result.success ? result.data : filterQuerySchema.parse({});
  if (isPriceRangeReversed(query.minPrice, query.maxPrice)) {
    errors.maxPrice = PRICE_RANGE_MESSAGE;
    query.maxPrice = undefined;
  }
  const typed = (name: 'minPrice' | 'maxPrice') => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  return {
    ...base,
    filters: toProductFilters(query),
    filterErrors: errors,
    typedPrices: { minPrice: typed('minPrice'), maxPrice: typed('maxPrice') },
  };
}
