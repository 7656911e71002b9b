import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { toTsQuery } from '#src/lib/tsquery.ts';
import { PRODUCT_CARD_COLUMNS } from './card-columns.ts';
import { encodeCursor, type ProductCursor } from './cursor.ts';
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
  'description' | 'directions' | 'activeIngredients' | 'sideEffects' | 'search' | 'status'
> & {
  createdKey: string;
};

export type ProductListOptions = {
  /** Limits the list to these categories (a category and its descendants). */
  categoryIds?: string[] | undefined;
  /** Full-text filter, as typed by a visitor. */
  q?: string | undefined;
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

/** Active products, filtered, sorted and paged; `total` counts every match, not only this page. */
export async function listActiveProducts(db: Db, o: ProductListOptions): Promise<ProductList> {
  const filters: SQL[] = [eq(products.status, 'active')];
  if (o.categoryIds) filters.push(inArray(products.categoryId, o.categoryIds));
  if (o.q) filters.push(sql`${products.search} @@ ${toTsQuery(o.q)}`);
  const where = and(...filters);
  const pageWhere = o.after ? and(where, afterCursor(o.after)) : where;
  const offset = !o.after && o.page ? (o.page - 1) * o.limit : 0;
  const rows = await db
    .select(listColumns)
    .from(products)
    .where(pageWhere)
    .orderBy(...ORDERS[o.sort])
    .limit(o.limit + 1)
    .offset(offset);
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

export type ProductLookup =
  | { kind: 'found'; product: Product; category: Category | null }
  | { kind: 'moved'; slug: string }
  | { kind: 'missing' };

/**
 * An active product by slug, as the public sees it. An old slug of a renamed product answers the current one,
 * so links in articles and search engines keep working (a 301 for the caller to send).
 */
export async function findActiveProduct(db: Db, slug: string): Promise<ProductLookup> {
  const [row] = await db
    .select({ product: products, category: categories })
    .from(products)
    .leftJoin(categories, eq(categories.id, products.categoryId))
    .where(and(eq(products.slug, slug), eq(products.status, 'active')));
  if (row) return { kind: 'found', product: row.product, category: row.category };
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
