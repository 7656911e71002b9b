import { type AnyColumn, and, asc, count, desc, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { STORE_TODAY } from './availability.ts';
import { type LedgerEntry, type StockLot, type StockRules, stockLedger, stockLots, stockRules } from './schema.ts';

/** The rules a product without rules of its own is kept by (the columns' defaults). */
export const DEFAULT_STOCK_RULES = { minShelfLifeDays: 0, lowStockThreshold: 5 } as const;

/** Today's date where the store is (YYYY-MM-DD): the day lots expire by. */
export async function storeToday(db: Db): Promise<string> {
  const result = await db.execute<{ today: string }>(sql`select ${STORE_TODAY}::text as today`);
  return result.rows[0]!.today;
}

/** One lot by id. */
export async function findLot(db: Db, id: string): Promise<StockLot | undefined> {
  const [lot] = await db.select().from(stockLots).where(eq(stockLots.id, id));
  return lot;
}

/** The lots of some products, first to expire first (lots without expiry last), empty ones included. */
export function listLotsOf(db: Db, productIds: readonly string[]): Promise<StockLot[]> {
  if (productIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(stockLots)
    .where(inArray(stockLots.productId, [...productIds]))
    .orderBy(sql`${stockLots.expiresOn} asc nulls last`, asc(stockLots.receivedOn), asc(stockLots.createdAt));
}

/** A product's stock ledger, newest first. */
export async function listLedgerOf(
  db: Db,
  productId: string,
  o: { limit: number; offset: number },
): Promise<{ items: LedgerEntry[]; total: number }> {
  const where = eq(stockLedger.productId, productId);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(stockLedger)
      .where(where)
      .orderBy(desc(stockLedger.createdAt), desc(stockLedger.id))
      .limit(o.limit)
      .offset(o.offset),
    db.select({ n: count() }).from(stockLedger).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** Lots still holding units that expire within `days` days of today, or have expired, soonest first. */
export function listLotsExpiringWithin(db: Db, days: number): Promise<StockLot[]> {
  return db
    .select()
    .from(stockLots)
    .where(
      and(
        isNotNull(stockLots.expiresOn),
        sql`${stockLots.quantityOnHand} > 0`,
        sql`${stockLots.expiresOn} <= ${STORE_TODAY} + ${days}::int`,
      ),
    )
    .orderBy(asc(stockLots.expiresOn), asc(stockLots.lotNumber));
}

/**
 * Whether the product whose id is `productId` (a column of the outer query) holds units expiring within `days`.
 * For a WHERE clause: drizzle names columns without their table in the select list of a one-table query, where
 * the subquery's own table would capture them.
 */
export function hasLotExpiringWithinSql(productId: AnyColumn | SQL, days: number): SQL {
  return sql`exists (select 1 from ${stockLots} where ${stockLots.productId} = ${productId}
    and ${stockLots.quantityOnHand} > 0 and ${stockLots.expiresOn} <= ${STORE_TODAY} + ${days}::int)`;
}

/** Units of each product on the shelf, sellable or not, by id (0 for a product without lots). */
export async function onHandFor(db: Db, productIds: readonly string[]): Promise<Map<string, number>> {
  const onHand = new Map(productIds.map((id) => [id, 0]));
  if (productIds.length === 0) return onHand;
  const rows = await db
    .select({
      productId: stockLots.productId,
      units: sql<number>`sum(${stockLots.quantityOnHand})::int`.mapWith(Number),
    })
    .from(stockLots)
    .where(inArray(stockLots.productId, [...productIds]))
    .groupBy(stockLots.productId);
  for (const row of rows) onHand.set(row.productId, row.units);
  return onHand;
}

/** A product's stock rules, or the defaults when it has none of its own. */
export async function findStockRules(
  db: Db,
  productId: string,
): Promise<Pick<StockRules, 'minShelfLifeDays' | 'lowStockThreshold' | 'isLowStockAlerted'>> {
  const [row] = await db.select().from(stockRules).where(eq(stockRules.productId, productId));
  return row ?? { ...DEFAULT_STOCK_RULES, isLowStockAlerted: false };
}
