import type { Category, Product } from './schema.ts';
import { type CatalogWriteContext, createCategory, createProduct } from './service.ts';
import type { CategoryInput, ProductInput } from './validators.ts';

let sequence = 0;
// Unique per test process: fixtures never clash with each other or with the demo store's slugs and SKUs.
function nextTag(): string {
  sequence += 1;
  return `t${process.pid}x${sequence}`;
}

/** A category with a unique slug; pass only what the test cares about. */
export function createTestCategory(ctx: CatalogWriteContext, o: Partial<CategoryInput> = {}): Promise<Category> {
  const tag = nextTag();
  return createCategory(ctx, { slug: `category-${tag}`, name: `Category ${tag}`, ...o });
}

/** An active, in-stock, open-access product with a unique slug and SKU; pass only what the test cares about. */
export function createTestProduct(ctx: CatalogWriteContext, o: Partial<ProductInput> = {}): Promise<Product> {
  const tag = nextTag();
  return createProduct(ctx, {
    slug: `product-${tag}`,
    name: `Product ${tag}`,
    sku: `SKU-${tag}`.toUpperCase(),
    priceCents: 1000,
    form: 'serum',
    route: 'topical',
    regulatoryStatus: 'cosmetic',
    status: 'active',
    stockOnHand: 50,
    ...o,
  });
}
