import type { ScaleDatabase } from './scale-database.ts';

/**
 * What the catalogue at scale is measured on, and the answer time each must keep: shoppers' pages and search
 * within 20 ms at the 95th percentile, staff's product search within 100 ms.
 */
export type ScaleTarget = {
  name: string;
  /** The 95th percentile answer time to stay under, uncached. */
  p95LimitMs: number;
  /** Whether the page cache may keep the answer, so that a cached run says something. */
  isCacheable: boolean;
  /** Whether the request is sent as the bench's staff member. */
  isStaff: boolean;
  /** The `count` paths to ask for, all different so that none is answered from the page cache. */
  paths(db: ScaleDatabase, count: number, random: () => number): string[];
};

export const PAGE_LIMIT_MS = 20;
export const ADMIN_LIMIT_MS = 100;

// What shoppers type: whole words, beginnings of words, and slips (minoxidl, lazer comb) that the trigram index
// must still find.
const SHOPPER_QUERIES = [
  'hair loss',
  'minoxidil',
  'minoxidl',
  'biotin',
  'biotn capsules',
  'lazer comb',
  'laser comb',
  'exosome',
  'exosme',
  'peptide serum',
  'hyaluronic',
  'hyaluronc acid',
  'finasteride',
  'finasterid',
  'ketoconazole shampoo',
  'microneedling',
  'microneedle cartridges',
  'prp kit',
  'growth factor',
  'recovery balm',
  'gummies',
  'supplement',
  'collagen',
  'retinol',
  'shampoo',
  'clinic pack',
  'cedar ridge',
  'stem cell',
  'scalp',
  'travel size',
];

// What staff type in the product list: a piece of a name, or the start of a SKU read off a label.
const STAFF_QUERIES = [
  'minox',
  'serum',
  'clinic pack',
  'SCL-0012',
  'SCL-09',
  'biotin',
  'comb',
  'northwind',
  'gummies',
  'vial',
  'SCL-05555',
  'balm',
  'refill',
  'kit',
  'shampoo',
];

const SORTS = ['name', 'price-asc', 'price-desc', 'newest'];
// Visitors mostly look at the first pages of a list.
const FIRST_PAGES = 5;
const PAGE_SIZE = 24;

function pick<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(random() * list.length)]!;
}

// A parameter the store ignores, as it ignores a campaign's tracking parameters: it makes each address a page of
// its own in the page cache, so every request is rendered.
let serial = 0;
function unique(path: string): string {
  serial++;
  return `${path}${path.includes('?') ? '&' : '?'}ref=${serial}`;
}

function listPaths(base: string, count: number, random: () => number, lastPage: number): string[] {
  return Array.from({ length: count }, () => {
    const page = 1 + Math.floor(random() * lastPage);
    return unique(`${base}?sort=${pick(SORTS, random)}${page > 1 ? `&page=${page}` : ''}`);
  });
}

export const SCALE_TARGETS: ScaleTarget[] = [
  {
    name: 'category page',
    p95LimitMs: PAGE_LIMIT_MS,
    isCacheable: true,
    isStaff: false,
    paths: (db, count, random) =>
      Array.from(
        { length: count },
        () => listPaths(`/categories/${pick(db.categorySlugs, random)}`, 1, random, FIRST_PAGES)[0]!,
      ),
  },
  {
    name: 'product list',
    p95LimitMs: PAGE_LIMIT_MS,
    isCacheable: true,
    isStaff: false,
    paths: (_db, count, random) => listPaths('/products', count, random, FIRST_PAGES),
  },
  {
    // Any page of the whole list, up to the last: what a crawler following the page links asks for.
    name: 'product list, any page',
    p95LimitMs: PAGE_LIMIT_MS,
    isCacheable: true,
    isStaff: false,
    paths: (db, count, random) =>
      listPaths('/products', count, random, Math.min(10_000, Math.ceil(db.products / PAGE_SIZE))),
  },
  {
    name: 'product page',
    p95LimitMs: PAGE_LIMIT_MS,
    isCacheable: true,
    isStaff: false,
    paths: (db, count) =>
      Array.from({ length: count }, (_, i) => unique(`/products/${db.productSlugs[i % db.productSlugs.length]}`)),
  },
  {
    name: 'search page',
    p95LimitMs: PAGE_LIMIT_MS,
    isCacheable: true,
    isStaff: false,
    paths: (_db, count, random) =>
      Array.from({ length: count }, () => unique(`/search?q=${encodeURIComponent(pick(SHOPPER_QUERIES, random))}`)),
  },
  {
    name: 'search API',
    p95LimitMs: PAGE_LIMIT_MS,
    isCacheable: true,
    isStaff: false,
    paths: (_db, count, random) =>
      Array.from({ length: count }, () =>
        unique(`/api/store/search?q=${encodeURIComponent(pick(SHOPPER_QUERIES, random))}&limit=10`),
      ),
  },
  {
    name: 'admin product search',
    p95LimitMs: ADMIN_LIMIT_MS,
    isCacheable: false,
    isStaff: true,
    paths: (_db, count, random) =>
      Array.from({ length: count }, () => `/admin/products?q=${encodeURIComponent(pick(STAFF_QUERIES, random))}`),
  },
  {
    name: 'admin product search API',
    p95LimitMs: ADMIN_LIMIT_MS,
    isCacheable: false,
    isStaff: true,
    paths: (_db, count, random) =>
      Array.from(
        { length: count },
        () => `/api/admin/products?q=${encodeURIComponent(pick(STAFF_QUERIES, random))}&limit=50`,
      ),
  },
];

/** A repeatable sequence of numbers in [0, 1), so that two runs ask for the same pages. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
