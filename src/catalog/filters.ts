import { z } from 'zod';
import type { FieldErrors } from '#src/lib/errors.ts';
import { ACCESS_CLASSES, REGULATORY_STATUSES, STORAGE_CLASSES } from './schema.ts';

/**
 * The filters of a product list, shared by the pages (/products, /categories/:slug) and the store API, so the
 * same query string filters both. Enumerated filters may repeat (`accessClass=open&accessClass=professional`)
 * and match any of their values; different filters must all match.
 */
export type ProductFilters = {
  regulatoryStatus: (typeof REGULATORY_STATUSES)[number][];
  accessClass: (typeof ACCESS_CLASSES)[number][];
  storage: (typeof STORAGE_CLASSES)[number][];
  minPriceCents?: number | undefined;
  maxPriceCents?: number | undefined;
  /** Only products that can ship now (any units on hand). */
  inStock: boolean;
};

export const NO_FILTERS: ProductFilters = { regulatoryStatus: [], accessClass: [], storage: [], inStock: false };

/** The query parameters of the filters, in the order the filter form sends them and links are written. */
export const FILTER_PARAMS = ['regulatoryStatus', 'accessClass', 'storage', 'minPrice', 'maxPrice', 'inStock'] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

// Whole units and cents, as a shopper types a price: "20", "19.99". Seven digits stay far below what the
// integer price column can hold, so no typed amount can fail in the database.
const PRICE_PATTERN = /^\d{1,7}(?:\.\d{1,2})?$/;

function toList(value: unknown): unknown {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  // An empty value is "not chosen", as an empty form field is.
  return list.filter((v) => v !== '');
}

function listOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess(
    toList,
    z
      .array(
        z.enum(values, {
          error: (issue) => `"${String(issue.input)}" is not one of the choices (${values.join(', ')})`,
        }),
      )
      .max(values.length * 2, { error: `repeat at most ${values.length * 2} times` })
      .transform((list) => [...new Set(list)]),
  );
}

const priceSchema = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
  z
    .string({ error: 'must be given once' })
    .regex(PRICE_PATTERN, { error: 'must be an amount in dollars, such as 20 or 19.99' })
    .transform((s) => Math.round(Number(s) * 100))
    .optional(),
);

/** The filter parameters' rules; the API adds its descriptions to the same rules. */
export const filterQueryFields = {
  regulatoryStatus: listOf(REGULATORY_STATUSES),
  accessClass: listOf(ACCESS_CLASSES),
  storage: listOf(STORAGE_CLASSES),
  minPrice: priceSchema,
  maxPrice: priceSchema,
  inStock: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .enum(['true'], { error: 'must be true, or left out to include products that are out of stock' })
      .optional()
      .transform((v) => v === 'true'),
  ),
};

type ParsedFilterQuery = {
  regulatoryStatus: ProductFilters['regulatoryStatus'];
  accessClass: ProductFilters['accessClass'];
  storage: ProductFilters['storage'];
  minPrice?: number | undefined;
  maxPrice?: number | undefined;
  inStock: boolean;
};

export const PRICE_RANGE_MESSAGE = 'must be at least the minimum price';

/** A price range whose maximum is below its minimum matches nothing: most likely the two were swapped. */
export function isPriceRangeReversed(min: number | undefined, max: number | undefined): boolean {
  return min !== undefined && max !== undefined && max < min;
}

/** The range check as a refinement of a whole query schema (the API's). */
export function checkPriceRange(
  query: { minPrice?: number | undefined; maxPrice?: number | undefined },
  ctx: z.RefinementCtx,
): void {
  if (isPriceRangeReversed(query.minPrice, query.maxPrice)) {
    ctx.addIssue({ code: 'custom', path: ['maxPrice'], message: PRICE_RANGE_MESSAGE });
  }
}

export function toProductFilters(query: ParsedFilterQuery): ProductFilters {
  return {
    regulatoryStatus: query.regulatoryStatus,
    accessClass: query.accessClass,
    storage: query.storage,
    minPriceCents: query.minPrice,
    maxPriceCents: query.maxPrice,
    inStock: query.inStock,
  };
}

export function countActiveFilters(f: ProductFilters): number {
  return (
    f.regulatoryStatus.length +
    f.accessClass.length +
    f.storage.length +
    (f.minPriceCents !== undefined ? 1 : 0) +
    (f.maxPriceCents !== undefined ? 1 : 0) +
    (f.inStock ? 1 : 0)
  );
}

function formatPrice(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

/** The filters as query parameters, in the order the filter form sends them, so equal lists share one URL. */
export function appendFilterParams(params: URLSearchParams, f: ProductFilters): void {
  for (const v of f.regulatoryStatus) params.append('regulatoryStatus', v);
  for (const v of f.accessClass) params.append('accessClass', v);
  for (const v of f.storage) params.append('storage', v);
  if (f.minPriceCents !== undefined) params.set('minPrice', formatPrice(f.minPriceCents));
  if (f.maxPriceCents !== undefined) params.set('maxPrice', formatPrice(f.maxPriceCents));
  if (f.inStock) params.set('inStock', 'true');
}

/** A price as the filter form shows it back: "20" or "19.99". */
export function formatFilterPrice(cents: number | undefined): string {
  return cents === undefined ? '' : formatPrice(cents);
}

/** Field errors named by the parameter: a repeated parameter's errors are named `accessClass.1` by zod. */
export function filterErrorsOf(fields: FieldErrors): Partial<Record<FilterParam, string>> {
  const errors: Partial<Record<FilterParam, string>> = {};
  for (const [key, message] of Object.entries(fields)) {
    const name = key.split('.')[0] as FilterParam;
    if ((FILTER_PARAMS as readonly string[]).includes(name)) errors[name] ??= message;
  }
  return errors;
}
