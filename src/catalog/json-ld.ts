import { getStockStatus, type StockStatus } from '#src/inventory/stock-status.ts';
import { centsToDecimal } from '#src/lib/money.ts';
import type { ProductWithStock } from './queries.ts';

const AVAILABILITY: Record<StockStatus, string> = {
  'in-stock': 'https://schema.org/InStock',
  'low-stock': 'https://schema.org/LimitedAvailability',
  'out-of-stock': 'https://schema.org/OutOfStock',
};

export function toAbsoluteUrl(src: string, baseUrl: string): string {
  return src.startsWith('/') ? `${baseUrl}${src}` : src;
}

/** schema.org Product data for search engines: what the page shows, in their vocabulary. */
export function buildProductJsonLd(
  p: ProductWithStock,
  o: { baseUrl: string; storeName: string; categoryName?: string },
) {
  const url = `${o.baseUrl}/products/${p.slug}`;
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: p.name,
    description: p.summary || undefined,
    sku: p.sku,
    url,
    image: p.images.map((i) => toAbsoluteUrl(i.src, o.baseUrl)),
    brand: { '@type': 'Brand', name: p.brand || o.storeName },
    ...(o.categoryName ? { category: o.categoryName } : {}),
    offers: {
      '@type': 'Offer',
      url,
      price: centsToDecimal(p.priceCents),
      priceCurrency: p.currency,
      availability: AVAILABILITY[getStockStatus(p.available)],
      itemCondition: 'https://schema.org/NewCondition',
      seller: { '@type': 'Organization', name: o.storeName },
    },
  };
}
