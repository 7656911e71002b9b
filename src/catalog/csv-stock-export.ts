import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { stockLots } from '#src/inventory/schema.ts';
import { toCsv } from '#src/lib/csv-cells.ts';
import { products } from './schema.ts';

/** The columns of the stock file, in order (docs/csv-stock.md describes them). */
export const STOCK_CSV_HEADER = [
  'sku',
  'name',
  'product_status',
  'lot_number',
  'expires_on',
  'received_on',
  'quantity_received',
  'quantity_on_hand',
  'lot_state',
] as const;

/** Every lot with its product's SKU and name, by SKU then first to expire: a stock count sheet. */
export async function exportStockCsv(db: Db): Promise<{ text: string; rows: number }> {
  const rows = await db
    .select({ product: { sku: products.sku, name: products.name, status: products.status }, lot: stockLots })
    .from(stockLots)
    .innerJoin(products, eq(products.id, stockLots.productId))
    .orderBy(asc(products.sku), sql`${stockLots.expiresOn} asc nulls last`, asc(stockLots.lotNumber));
  const records = rows.map(({ product, lot }) => [
    product.sku,
    product.name,
    product.status,
    lot.lotNumber,
    lot.expiresOn ?? '',
    lot.receivedOn,
    String(lot.quantityReceived),
    String(lot.quantityOnHand),
    lot.state,
  ]);
  return { text: toCsv(STOCK_CSV_HEADER, records), rows: records.length };
}
