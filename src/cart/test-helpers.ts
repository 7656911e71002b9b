import { eq } from 'drizzle-orm';
import { updateProduct } from '#src/catalog/service.ts';
import { stockLots } from '#src/inventory/schema.ts';
import { adjustLot } from '#src/inventory/service.ts';
import type { TestStore } from '#test/support/test-store.ts';
import type { Visitor } from '#test/support/visitor.ts';

/** Posts "add to cart" as a product page's form does: no token, from this store's own page. */
export function addFromPage(store: TestStore, visitor: Visitor, fields: Record<string, string>): Promise<Response> {
  return visitor.request('/cart/items', {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { origin: new URL(store.config.baseUrl).origin, 'sec-fetch-site': 'same-origin' },
  });
}

/** Sets a product's available units to `units` by adjusting its first lot, as staff would after a count. */
export async function setAvailable(store: TestStore, productId: string, units: number): Promise<void> {
  const { db, cache } = store.ctx;
  const [lot] = await db.select().from(stockLots).where(eq(stockLots.productId, productId));
  if (!lot) throw new Error('The product has no lot');
  await db.transaction((tx) =>
    adjustLot({ tx, cache }, { lotId: lot.id, change: units - lot.quantityOnHand, reason: 'count' }),
  );
}

/** Changes a product's price behind the cart's back, as staff would: the catalogue announces it to every cache. */
export async function setPrice(store: TestStore, productId: string, priceCents: number): Promise<void> {
  await updateProduct(store.ctx, { id: productId, changes: { priceCents } });
}

/**
 * A page as the shared cache answers it to this visitor. On PostgreSQL, the notification of the product's own
 * creation may still arrive and empty the page once, so a render is retried until the cache answers.
 */
export async function requestCached(visitor: Visitor, path: string): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const res = await visitor.request(path);
    if (res.headers.get('x-cache') === 'hit' || attempt === 5) return res;
    await res.text();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
