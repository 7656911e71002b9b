import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { availableSql } from '#src/inventory/availability.ts';
import { LOW_STOCK_THRESHOLD } from '#src/inventory/stock-status.ts';
import { type Product, products } from './schema.ts';

export const EDITOR_SORTS = ['name', 'name-desc', 'sku', 'price-asc', 'price-desc', 'newest', 'updated'] as const;
export type EditorSort = (typeof EDITOR_SORTS)[number];
export const STOCK_STATES = ['in-stock', 'low-stock', 'out-of-stock'] as const;
export type StockState = (typeof STOCK_STATES)[number];

export type EditorListOptions = {
  q?: string | undefined;
  categoryIds?: string[] | undefined;
  status?: Product['status'] | undefined;
  accessClass?: Product['accessClass'] | undefined;
  regulatoryStatus?: Product['regulatoryStatus'] | undefined;
  stock?: StockState | undefined;
  sort: EditorSort;
  page: number;
  limit: number;
};

export type EditorListItem = Pick<
  Product,
  | 'id'
  | 'slug'
  | 'name'
  | 'sku'
  | 'status'
  | 'priceCents'
  | 'currency'
  | 'accessClass'
  | 'regulatoryStatus'
  | 'categoryId'
  | 'images'
  | 'updatedAt'
> & { available: number };

// Each order ends on the id so equal keys keep one order across pages.
const ORDERS: Record<EditorSort, SQL[]> = {
  name: [asc(products.name), asc(products.id)],
  'name-desc': [desc(products.name), desc(products.id)],
  sku: [asc(products.sku), asc(products.id)],
  'price-asc': [asc(products.priceCents), asc(products.id)],
  'price-desc': [desc(products.priceCents), desc(products.id)],
  newest: [desc(products.createdAt), desc(products.id)],
  updated: [desc(products.updatedAt), desc(products.id)],
};

// Staff search by a piece of the name or the start of the SKU, as they read them off a label or an order.
function searchCondition(q: string): SQL {
  const escaped = q.replace(/[\\%_]/g, (ch) => `\\${ch}`);
  return or(ilike(products.name, `%${escaped}%`), ilike(products.sku, `${escaped}%`))!;
}

function stockCondition(state: StockState): SQL {
  const available = availableSql(products.id);
  if (state === 'out-of-stock') return sql`${available} <= 0`;
  if (state === 'low-stock') return sql`${available} between 1 and ${LOW_STOCK_THRESHOLD}`;
  return sql`${available} > ${LOW_STOCK_THRESHOLD}`;
}

/** Every product whatever its status, for staff: searched, filtered, sorted and paged, with the total. */
export async function listProductsForEditor(
  db: Db,
  o: EditorListOptions,
): Promise<{ items: EditorListItem[]; total: number }> {
  const conditions: SQL[] = [];
  if (o.q) conditions.push(searchCondition(o.q));
  if (o.categoryIds) conditions.push(inArray(products.categoryId, o.categoryIds));
  if (o.status) conditions.push(eq(products.status, o.status));
  if (o.accessClass) conditions.push(eq(products.accessClass, o.accessClass));
  if (o.regulatoryStatus) conditions.push(eq(products.regulatoryStatus, o.regulatoryStatus));
  if (o.stock) conditions.push(stockCondition(o.stock));
  const where = conditions.length ? and(...conditions) : undefined;
  const [items, [count]] = await Promise.all([
    db
      .select({
        id: products.id,
        slug: products.slug,
        name: products.name,
        sku: products.sku,
        status: products.status,
        priceCents: products.priceCents,
        currency: products.currency,
        accessClass: products.accessClass,
        regulatoryStatus: products.regulatoryStatus,
        categoryId: products.categoryId,
        images: products.images,
        updatedAt: products.updatedAt,
        available: availableSql(products.id),
      })
      .from(products)
      .where(where)
      .orderBy(...ORDERS[o.sort])
      .limit(o.limit)
      .offset((o.page - 1) * o.limit),
    db.select({ n: sql<number>`count(*)::int` }).from(products).where(where),
  ]);
  return { items, total: count?.n ?? 0 };
}
