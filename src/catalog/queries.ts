import { and, asc, desc, eq, gte, inArray, lte, ne, type SQL, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { availableSql } from '#src/inventory/availability.ts';
import { toTsQuery } from '#src/lib/tsquery.ts';
import { PRODUCT_CARD_COLUMNS } from './card-columns.ts';
import { encodeCursor, type ProductCursor } from './cursor.ts';
import type { ProductFilters } from './filters.ts';
import { type Category, catalogSlugRedirects, categories, type Product, products } from './schema.ts';
import type { ProductSort } from './validators.ts';

/** The columns a product list needs: everything but the long texts and the search document. */
const listColumns = {
  ...PRODUCT_CARD_COLUMNS,
  form: products.form,
  route: products.route,
  storage: products.storage,
  categoryId: products.categoryId,
  isFeatured: products.isFeatured,
  createdAt: products.createdAt,
  updatedAt: products.updatedAt,
  // Full microsecond precision, so a keyset cursor on the creation time never skips or repeats a row.
  createdKey: sql<string>`to_char(${products.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
};

export type ProductListItem = Omit<
  Product,
  'description' | 'directions' | 'activeIngredients' | 'sideEffects' | 'warnings' | 'search' | 'status'
> & {
  createdKey: string;
  available: number;
};

/** A product with the units available to sell today, as the pages and the API show it. */
export type ProductWithStock = Product & { available: number };

export type ProductListOptions = {
  /** Limits the list to these categories (a category and its descendants). */
  categoryIds?: string[] | undefined;
  /** Full-text filter, as typed by a visitor. */
  q?: string | undefined;
  /** Regulatory status, access class, storage, price range and availability. */
  filters?: ProductFilters | undefined;
  sort: ProductSort;
  limit: number;
  /** 1-based page (offset pagination) ... */
  page?: number | undefined;
  /** ... or the end of the previous keyset page. */
  after?: ProductCursor | undefined;
};

export type ProductList = { items: ProductListItem[]; total: number; nextCursor: string | null };

// Every order ends on the id, so rows with equal names or prices keep a stable order across pages; each one
// matches an index (status, key, id) of schema.ts.
const ORDERS: Record<ProductSort, SQL[]> = {
  name: [asc(products.name), asc(products.id)],
  'price-asc': [asc(products.priceCents), asc(products.id)],
  'price-desc': [desc(products.priceCents), desc(products.id)],
  newest: [desc(products.createdAt), desc(products.id)],
};

function afterCursor(c: ProductCursor): SQL {
  switch (c.sort) {
    case 'name':
      return sql`(${products.name}, ${products.id}) > (${c.value}, ${c.id}::uuid)`;
    case 'price-asc':
      return sql`(${products.priceCents}, ${products.id}) > (${Number(c.value)}::int, ${c.id}::uuid)`;
    case 'price-desc':
      return sql`(${products.priceCents}, ${products.id}) < (${Number(c.value)}::int, ${c.id}::uuid)`;
    case 'newest':
      return sql`(${products.createdAt}, ${products.id}) < (${c.value}::timestamptz, ${c.id}::uuid)`;
  }
}

function cursorOf(item: ProductListItem, sort: ProductSort): string {
  const value = sort === 'name' ? item.name : sort === 'newest' ? item.createdKey : String(item.priceCents);
  return encodeCursor({ sort, value, id: item.id });
}

function filterConditions(f: ProductFilters): SQL[] {
  const conditions: SQL[] = [];
  if (f.regulatoryStatus.length) conditions.push(inArray(products.regulatoryStatus, f.regulatoryStatus));
  if (f.accessClass.length) conditions.push(inArray(products.accessClass, f.accessClass));
  if (f.storage.length) conditions.push(inArray(products.storage, f.storage));
  if (f.minPriceCents !== undefined) conditions.push(gte(products.priceCents, f.minPriceCents));
  if (f.maxPriceCents !== undefined) conditions.push(lte(products.priceCents, f.maxPriceCents));
  // "In stock" is what getStockStatus calls in stock or low stock: anything that can ship now.
  if (f.inStock) conditions.push(sql`${availableSql(products.id)} > 0`);
  return conditions;
}

/** Active products, filtered, sorted and paged; `total` counts every match, not only this page. */
export async function listActiveProducts(db: Db, o: ProductListOptions): Promise<ProductList> {
  const filters: SQL[] = [eq(products.status, 'active')];
  if (o.categoryIds) filters.push(inArray(products.categoryId, o.categoryIds));
  if (o.q) filters.push(sql`${products.search} @@ ${toTsQuery(o.q)}`);
  if (o.filters) filters.push(...filterConditions(o.filters));
  const where = and(...filters);
  const pageWhere = o.after ? and(where, afterCursor(o.after)) : where;
  const offset = !o.after && o.page ? (o.page - 1) * o.limit : 0;
  // The page's ids first, then their rows: the rows skipped over to reach a page far down the list are then read
  // from the sort's index alone (it holds the status and the category), not fetched whole and thrown away.
  const pageIds = db
    .select({ id: products.id })
    .from(products)
    .where(pageWhere)
    .orderBy(...ORDERS[o.sort])
    .limit(o.limit + 1)
    .offset(offset);
  const rows = await db
    .select(listColumns)
    .from(products)
    .where(inArray(products.id, pageIds))
    .orderBy(...ORDERS[o.sort]);
  const items = rows.slice(0, o.limit);
  const last = items.at(-1);
  const hasMore = rows.length > o.limit;
  const nextCursor = hasMore && last ? cursorOf(last, o.sort) : null;
  // An offset page that holds the last match already tells the total; only a full page, an empty page past the
  // end or a keyset page (its rows start mid-list) needs the count, so a small list costs one query, not two.
  if (!o.after && !hasMore && (items.length > 0 || offset === 0)) {
    return { items, total: offset + items.length, nextCursor };
  }
  const [count] = await db.select({ total: sql<number>`count(*)::int` }).from(products).where(where);
  return { items, total: count?.total ?? 0, nextCursor };
}

/** Featured active products for the home page, alphabetically. */
export async function listFeaturedProducts(db: Db, limit = 8): Promise<ProductListItem[]> {
  return db
    .select(listColumns)
    .from(products)
    .where(and(eq(products.status, 'active'), eq(products.isFeatured, true)))
    .orderBy(asc(products.name), asc(products.id))
    .limit(limit);
}

/**
 * Active products related to `product`, most related first: the same category, then the same branch of the
 * category tree (`branchIds`), then products whose name, summary, brand and ingredients share the most words with
 * its own (the weighted parts of the search document), which finds the same treatment across categories.
 */
export async function listRelatedProducts(
  db: Db,
  o: { product: Pick<Product, 'id' | 'categoryId'>; branchIds: string[]; limit: number },
): Promise<ProductListItem[]> {
  // The product's own heavier search terms (weights A and B), as one OR query.
  const terms = sql`(select string_agg(quote_literal(t), ' | ')::tsquery
    from ${products} source, unnest(tsvector_to_array(ts_filter(source.search, '{a,b}'))) as t
    where source.id = ${o.product.id})`;
  const isSameCategory = o.product.categoryId ? eq(products.categoryId, o.product.categoryId) : sql`false`;
  const isSameBranch = o.branchIds.length ? inArray(products.categoryId, o.branchIds) : sql`false`;
  // Without coalesce, so that the full-text index finds them.
  const sharesTerms = sql`${products.search} @@ ${terms}`;
  const score = sql`(case when ${isSameCategory} then 4 else 0 end) + (case when ${isSameBranch} then 2 else 0 end)
    + coalesce(ts_rank(${products.search}, ${terms}), 0)`;
  // Scored are a few hundred candidates, not every product of the branch or every one sharing a word: in a large
  // catalogue those are tens of thousands, each ranked for a page that shows four. A small catalogue keeps every
  // candidate, so its related products are the ones every qualifying product would give.
  const others = and(eq(products.status, 'active'), ne(products.id, o.product.id));
  const candidates = (condition: SQL) =>
    db.select({ id: products.id }).from(products).where(and(others, condition)).limit(RELATED_CANDIDATES);
  const candidateIds = sql`(${candidates(isSameBranch)} union ${candidates(sharesTerms)})`;
  return db
    .select(listColumns)
    .from(products)
    .where(sql`${products.id} in ${candidateIds}`)
    .orderBy(desc(score), asc(products.name), asc(products.id))
    .limit(o.limit);
}

// How many products of each kind (in the branch; sharing words) are scored.
const RELATED_CANDIDATES = 200;

export type ProductLookup =
  | { kind: 'found'; product: ProductWithStock; category: Category | null }
  | { kind: 'moved'; slug: string }
  | { kind: 'missing' };

/**
 * An active product by slug, as the public sees it. An old slug of a renamed product answers the current one,
 * so links in articles and search engines keep working (a 301 for the caller to send).
 */
export async function findActiveProduct(db: Db, slug: string): Promise<ProductLookup> {
  const [row] = await db
    .select({ product: products, category: categories, available: availableSql(products.id) })
    .from(products)
    .leftJoin(categories, eq(categories.id, products.categoryId))
    .where(and(eq(products.slug, slug), eq(products.status, 'active')));
  if (row) return { kind: 'found', product: { ...row.product, available: row.available }, category: row.category };
  const [moved] = await db
    .select({ slug: products.slug })
    .from(catalogSlugRedirects)
    .innerJoin(products, eq(products.id, catalogSlugRedirects.targetId))
    .where(
      and(
        eq(catalogSlugRedirects.kind, 'product'),
        eq(catalogSlugRedirects.fromSlug, slug),
        eq(products.status, 'active'),
      ),
    );
  return moved ? { kind: 'moved', slug: moved.slug } : { kind: 'missing' };
}

/** Any product by id, whatever its status; for services and staff. */
export async function getProductById(db: Db, id: string): Promise<Product | undefined> {
  const [row] = await db.select().from(products).where(eq(products.id, id));
  return row;
}

/** How many products, drafts included, are priced in a currency other than `currency`. */
export async function countProductsPricedOtherThan(db: Db, currency: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(products)
    .where(ne(products.currency, currency));
  return row?.n ?? 0;
}
