import { eq } from 'drizzle-orm';
import { products } from '#src/catalog/schema.ts';
import { updateProduct } from '#src/catalog/service.ts';
import { openDatabase } from '#src/db/client.ts';
import { notifyInstances } from '#src/web/cache-bus.ts';
import { EVERYTHING } from '#src/web/page-cache.ts';

/**
 * Changes one product's price `perSecond` times a second from a process of its own on the same PostgreSQL
 * database, as another instance of the store taking orders would, until the returned function is called.
 * With `wipeEverything` each write also empties every cache, as the store did before writes were narrowed to
 * what they change.
 */
export async function startWriter(
  databaseUrl: string,
  o: { slug: string; perSecond: number; wipeEverything: boolean },
): Promise<() => Promise<number>> {
  const database = await openDatabase({ databaseUrl });
  const [product] = await database.db.select().from(products).where(eq(products.slug, o.slug));
  if (!product) throw new Error(`no product ${o.slug} to write to`);
  const ctx = {
    db: database.db,
    cache: {
      announce: (tx: typeof database.db, change: Parameters<typeof notifyInstances>[1]) =>
        notifyInstances(tx, o.wipeEverything ? { pages: [EVERYTHING] } : change),
    },
  };
  let writes = 0;
  let isRunning = true;
  const loop = (async () => {
    while (isRunning) {
      const started = Date.now();
      await updateProduct(ctx, { id: product.id, changes: { priceCents: product.priceCents + (writes % 2) } });
      writes++;
      await new Promise((r) => setTimeout(r, Math.max(0, 1000 / o.perSecond - (Date.now() - started))));
    }
  })();
  return async () => {
    isRunning = false;
    await loop;
    await database.close();
    return writes;
  };
}
