import { type AnyColumn, and, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { storeSettings } from '#src/store/schema.ts';
import { stockLots, stockRules } from './schema.ts';

/** Today's date where the store is, in SQL: lots expire on the store's calendar, not the server's. */
export const STORE_TODAY = sql`(now() at time zone coalesce((select ${storeSettings.timeZone} from ${storeSettings} limit 1), 'UTC'))::date`;

/**
 * Whether a lot may be sold today: sellable, with units, and expiring later than today plus the product's minimum
 * remaining shelf life. An expired lot stops being sellable on its date without anyone acting.
 */
export function isSellableLot(today: SQL = STORE_TODAY): SQL {
  const shelfLife = sql`coalesce((select ${stockRules.minShelfLifeDays} from ${stockRules} where ${stockRules.productId} = ${stockLots.productId}), 0)`;
  return and(
    eq(stockLots.state, 'sellable'),
    sql`${stockLots.quantityOnHand} > 0`,
    or(isNull(stockLots.expiresOn), sql`${stockLots.expiresOn} > ${today} + ${shelfLife}`),
  )!;
}

/** Units of the product whose id is `productId` (a column of the outer query) available to sell today. */
export function availableSql(productId: AnyColumn | SQL): SQL<number> {
  const subquery = sql`(select coalesce(sum(${stockLots.quantityOnHand}), 0)::int from ${stockLots} where ${stockLots.productId} = ${productId} and ${isSellableLot()})`;
  // Nested: a select of one table writes the columns of its fields' own SQL without their table, which in a
  // subquery would name the lots' columns where the outer query's are meant.
  return sql<number>`${subquery}`.mapWith(Number);
}

/** Units available to sell today of each product, by id (0 for a product without sellable lots). */
export async function availableFor(db: Db, productIds: readonly string[]): Promise<Map<string, number>> {
  const available = new Map(productIds.map((id) => [id, 0]));
  if (productIds.length === 0) return available;
  const rows = await db
    .select({
      productId: stockLots.productId,
      units: sql<number>`sum(${stockLots.quantityOnHand})::int`.mapWith(Number),
    })
    .from(stockLots)
    .where(and(inArray(stockLots.productId, [...productIds]), isSellableLot()))
    .groupBy(stockLots.productId);
  for (const row of rows) available.set(row.productId, row.units);
  return available;
}
