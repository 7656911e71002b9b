import { and, eq, inArray } from 'drizzle-orm';
import { PRODUCT_CARD_COLUMNS, type ProductCardData } from '#src/catalog/card-columns.ts';
import { products } from '#src/catalog/schema.ts';
import type { Db } from '#src/db/client.ts';

/** Active products with the given slugs, in one query, ordered as the slugs are. */
export async function findEmbeddedProducts(db: Db, slugs: string[]): Promise<ProductCardData[]> {
  if (slugs.length === 0) return [];
  const rows = await db
    .select(PRODUCT_CARD_COLUMNS)
    .from(products)
    .where(and(inArray(products.slug, slugs), eq(products.status, 'active')));
  const bySlug = new Map(rows.map((row) => [row.slug, row]));
  return slugs.flatMap((slug) => bySlug.get(slug) ?? []);
}
