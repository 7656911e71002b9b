import { receiveLot } from '#src/inventory/service.ts';
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

/**
 * An active, open-access product with a unique slug and SKU and `stock` units (50 unless given) in one lot that
 * does not expire; pass only what the test cares about.
 */
export async function createTestProduct(
  ctx: CatalogWriteContext,
  o: Partial<ProductInput> & { stock?: number } = {},
): Promise<Product> {
  const tag = nextTag();
  const { stock = 50, ...fields } = o;
  const product = await createProduct(ctx, {
    slug: `product-${tag}`,
    name: `Product ${tag}`,
    sku: `SKU-${tag}`.toUpperCase(),
    priceCents: 1000,
    form: 'serum',
    route: 'topical',
    regulatoryStatus: 'cosmetic',
    status: 'active',
    ...fields,
  });
  if (stock > 0) {
    await ctx.db.transaction((tx) =>
      receiveLot(
        { tx, cache: ctx.cache },
        { productId: product.id, lotNumber: `LOT-${tag}`, expiresOn: null, quantity: stock, receivedOn: today() },
      ),
    );
  }
  return product;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}
