import { getStockStatus } from '#src/inventory/stock-status.ts';
import { renderMarkdown } from '#src/lib/markdown.ts';
import type { CategoryTreeJson } from './api-schemas.ts';
import type { ProductCardData } from './card-columns.ts';
import type { CategoryNode } from './category-queries.ts';
import { toAbsoluteUrl } from './json-ld.ts';
import {
  ACCESS_HINTS,
  ACCESS_LABELS,
  DSHEA_STATEMENT,
  REFRIGERATED_NOTE,
  REGULATORY_LABELS,
  WARNING_TOPIC_LABELS,
} from './labels.ts';
import type { ProductListItem, ProductWithStock } from './queries.ts';
import type { Category } from './schema.ts';

type CategoryRef = Pick<Category, 'slug' | 'name'> | null;

/** What every API answer says of a product it names: identity, link, pictures, price and compliance badges. */
export function toProductCardJson(p: ProductCardData, baseUrl: string) {
  return {
    id: p.id,
    slug: p.slug,
    url: `${baseUrl}/products/${p.slug}`,
    name: p.name,
    summary: p.summary,
    brand: p.brand,
    sku: p.sku,
    images: p.images.map((i) => ({ src: toAbsoluteUrl(i.src, baseUrl), alt: i.alt })),
    priceCents: p.priceCents,
    compareAtCents: p.compareAtCents,
    currency: p.currency,
    regulatoryStatus: p.regulatoryStatus,
    regulatoryLabel: REGULATORY_LABELS[p.regulatoryStatus],
    accessClass: p.accessClass,
    accessLabel: ACCESS_LABELS[p.accessClass],
  };
}

/** A product as the API lists it: money in integer cents with its currency, times as ISO 8601. */
export function toProductSummaryJson(p: ProductListItem | ProductWithStock, category: CategoryRef, baseUrl: string) {
  return {
    ...toProductCardJson(p, baseUrl),
    category: category ? { slug: category.slug, name: category.name } : null,
    stockStatus: getStockStatus(p.available),
    form: p.form,
    route: p.route,
    storage: p.storage,
    isFeatured: p.isFeatured,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** A product with every fact the product page shows, including the compliance texts. */
export function toProductDetailJson(p: ProductWithStock, category: CategoryRef, baseUrl: string) {
  return {
    ...toProductSummaryJson(p, category, baseUrl),
    description: p.description,
    descriptionHtml: renderMarkdown(p.description),
    directions: p.directions,
    activeIngredients: p.activeIngredients,
    sideEffects: p.sideEffects,
    warnings: p.warnings.map((w) => ({ topic: w.topic, topicLabel: WARNING_TOPIC_LABELS[w.topic], text: w.text })),
    accessHint: ACCESS_HINTS[p.accessClass],
    dsheaStatement: p.regulatoryStatus === 'dietary-supplement' ? DSHEA_STATEMENT : null,
    shippingNote: p.storage === 'refrigerated' ? REFRIGERATED_NOTE : null,
  };
}

export function toCategoryTreeJson(nodes: CategoryNode[], baseUrl: string): CategoryTreeJson[] {
  return nodes.map((n) => ({
    id: n.id,
    slug: n.slug,
    name: n.name,
    description: n.description,
    url: `${baseUrl}/categories/${n.slug}`,
    productCount: n.productCount,
    children: toCategoryTreeJson(n.children, baseUrl),
  }));
}
