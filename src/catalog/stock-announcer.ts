import { inArray } from 'drizzle-orm';
import type { StockChangeAnnouncer } from '#src/inventory/announce.ts';
import { PRODUCT_LISTS, productTag } from './cache-tags.ts';
import { products } from './schema.ts';

/**
 * Turns a stock write into the catalogue's page tags: the changed products' own pages (and the pages embedding
 * them) always, the lists only when a product moved between in, low and out of stock, which is all a list shows.
 * Registered with the inventory in app.ts.
 */
export const announceCatalogStockChange: StockChangeAnnouncer = async (tx, cache, change) => {
  const rows = await tx.select({ slug: products.slug }).from(products).where(inArray(products.id, change.productIds));
  const pages = rows.map((row) => productTag(row.slug));
  if (change.isStatusChanged) pages.push(PRODUCT_LISTS);
  await cache.announce(tx, { pages });
};
