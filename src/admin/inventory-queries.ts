import { and, asc, count, eq, gt, ilike, or, type SQL } from 'drizzle-orm';
import { products } from '#src/catalog/schema.ts';
import type { Db } from '#src/db/client.ts';
import { availableFor } from '#src/inventory/availability.ts';
import { isRunningLowSql } from '#src/inventory/low-stock.ts';
import { hasLotExpiringWithinSql, listLedgerOf, listLotsOf, onHandFor } from '#src/inventory/queries.ts';
import type { LedgerEntry, StockLot } from '#src/inventory/schema.ts';
import { listStaff } from '#src/staff/service.ts';

/** A product as the inventory pages and API show it: what can be sold, what is on the shelf, and its lots. */
export type InventoryRow = {
  productId: string;
  name: string;
  sku: string;
  status: string;
  available: number;
  onHand: number;
  lots: StockLot[];
};

export type InventoryFilter = {
  /** Part of a SKU or a name. */
  q?: string | undefined;
  /** Exactly this SKU. */
  sku?: string | undefined;
  /** Only products holding units that expire within this many days (or have expired). */
  expiringWithinDays?: number | undefined;
  /** Only products with lots and no more units available than their low-stock threshold. */
  isRunningLow?: boolean | undefined;
};

// LIKE wildcards typed by staff are matched literally.
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

function conditionsOf(f: InventoryFilter): SQL[] {
  const conditions: SQL[] = [];
  if (f.q) conditions.push(or(ilike(products.sku, likePattern(f.q)), ilike(products.name, likePattern(f.q)))!);
  if (f.sku) conditions.push(eq(products.sku, f.sku));
  if (f.expiringWithinDays !== undefined) {
    conditions.push(hasLotExpiringWithinSql(products.id, f.expiringWithinDays));
  }
  if (f.isRunningLow) conditions.push(isRunningLowSql(products.id));
  return conditions;
}

const columns = {
  productId: products.id,
  name: products.name,
  sku: products.sku,
  status: products.status,
};

// The counts come from the inventory's own grouped queries rather than subqueries in the select list, where
// drizzle would name the product's id without its table and the lots' table would capture it.
async function withStock(db: Db, rows: Pick<InventoryRow, 'productId' | 'name' | 'sku' | 'status'>[]) {
  const ids = rows.map((r) => r.productId);
  const [available, onHand, lots] = await Promise.all([availableFor(db, ids), onHandFor(db, ids), listLotsOf(db, ids)]);
  return rows.map(
    (r): InventoryRow => ({
      ...r,
      available: available.get(r.productId) ?? 0,
      onHand: onHand.get(r.productId) ?? 0,
      lots: lots.filter((l) => l.productId === r.productId),
    }),
  );
}

/** A page of products by name with their stock, for the inventory pages. */
export async function listInventoryPage(
  db: Db,
  f: InventoryFilter & { page: number; limit: number },
): Promise<{ items: InventoryRow[]; total: number }> {
  const where = and(...conditionsOf(f));
  const [rows, [total]] = await Promise.all([
    db
      .select(columns)
      .from(products)
      .where(where)
      .orderBy(asc(products.name), asc(products.id))
      .limit(f.limit)
      .offset((f.page - 1) * f.limit),
    db.select({ n: count() }).from(products).where(where),
  ]);
  return { items: await withStock(db, rows), total: total?.n ?? 0 };
}

/** Products by SKU after `afterSku` (keyset), with their stock, for the API; `hasMore` says whether more follow. */
export async function listInventoryAfter(
  db: Db,
  f: InventoryFilter & { afterSku?: string | undefined; limit: number },
): Promise<{ items: InventoryRow[]; hasMore: boolean }> {
  const conditions = conditionsOf(f);
  if (f.afterSku !== undefined) conditions.push(gt(products.sku, f.afterSku));
  const rows = await db
    .select(columns)
    .from(products)
    .where(and(...conditions))
    .orderBy(asc(products.sku))
    .limit(f.limit + 1);
  return { items: await withStock(db, rows.slice(0, f.limit)), hasMore: rows.length > f.limit };
}

/** One product with its stock. */
export async function findInventoryRow(db: Db, productId: string): Promise<InventoryRow | undefined> {
  const rows = await db.select(columns).from(products).where(eq(products.id, productId));
  return rows.length ? (await withStock(db, rows))[0] : undefined;
}

/** The product that has this SKU, if any. */
export async function findProductIdBySku(db: Db, sku: string): Promise<string | undefined> {
  const [row] = await db.select({ id: products.id }).from(products).where(eq(products.sku, sku));
  return row?.id;
}

/** The SKU of a product, for answers that name a lot's product. */
export async function findSkuOf(db: Db, productId: string): Promise<string> {
  const [row] = await db.select({ sku: products.sku }).from(products).where(eq(products.id, productId));
  return row?.sku ?? '';
}

export type LedgerLine = LedgerEntry & { lotNumber: string; staffName: string | null };

/** A product's ledger, newest first, naming each lot and the staff member who made each change. */
export async function listLedgerLines(
  db: Db,
  o: { productId: string; lots: StockLot[]; page: number; limit: number },
): Promise<{ items: LedgerLine[]; total: number }> {
  const [ledger, staff] = await Promise.all([
    listLedgerOf(db, o.productId, { limit: o.limit, offset: (o.page - 1) * o.limit }),
    listStaff(db),
  ]);
  const lotNumbers = new Map(o.lots.map((l) => [l.id, l.lotNumber]));
  const names = new Map(staff.map((s) => [s.id, s.name || s.email]));
  return {
    items: ledger.items.map((e) => ({
      ...e,
      lotNumber: lotNumbers.get(e.lotId) ?? '',
      staffName: e.staffId ? (names.get(e.staffId) ?? 'a former staff member') : null,
    })),
    total: ledger.total,
  };
}
