import { stringify } from 'csv-stringify/sync';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { neutraliseFormula } from '#src/lib/csv-cells.ts';
import { CSV_COLUMNS } from './csv-columns.ts';
import { categories, products } from './schema.ts';

/** Every product as CSV in the columns the importer reads (docs/csv-products.md), ordered by SKU. */
export async function exportProductsCsv(db: Db): Promise<{ text: string; rows: number }> {
  const rows = await db
    .select({ product: products, categorySlug: categories.slug })
    .from(products)
    .leftJoin(categories, eq(categories.id, products.categoryId))
    .orderBy(asc(products.sku));
  const records = rows.map(({ product, categorySlug }) =>
    CSV_COLUMNS.map((column) => neutraliseFormula(column.toCell(product, categorySlug))),
  );
  const text = stringify([CSV_COLUMNS.map((c) => c.header), ...records], { record_delimiter: '\n' });
  return { text, rows: records.length };
}
