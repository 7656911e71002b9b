import { availableSql } from '#src/inventory/availability.ts';
import { type Product, products } from './schema.ts';

/**
 * The columns a product card shows, on a page (views/product-card.ts) or in an API answer (toProductCardJson):
 * the one list every query that lists products for cards selects, in the catalogue, search, home and articles.
 */
export const PRODUCT_CARD_COLUMNS = {
  id: products.id,
  slug: products.slug,
  name: products.name,
  summary: products.summary,
  brand: products.brand,
  sku: products.sku,
  images: products.images,
  priceCents: products.priceCents,
  compareAtCents: products.compareAtCents,
  currency: products.currency,
  /** Units available to sell today, summed over the product's lots. */
  available: availableSql(products.id),
  accessClass: products.accessClass,
  regulatoryStatus: products.regulatoryStatus,
};

export type ProductCardData = Pick<Product, Exclude<keyof typeof PRODUCT_CARD_COLUMNS, 'available'>> & {
  available: number;
};
