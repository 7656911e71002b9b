import type { Db } from '#src/db/client.ts';
import type { CacheBus } from '#src/web/cache-bus.ts';
import { EVERYTHING } from '#src/web/page-cache.ts';

/** What a stock write changed: whose availability, and whether any of them moved between in, low and out of stock. */
export type StockChange = { productIds: string[]; isStatusChanged: boolean };

/** Tells every instance which cached pages a stock change made stale. */
export type StockChangeAnnouncer = (tx: Db, cache: Pick<CacheBus, 'announce'>, change: StockChange) => Promise<void>;

// Pages show products by their slugs, which the catalogue owns and the inventory does not know; the catalogue
// turns a change into the tags of its pages, registered in app.ts (docs/decisions/0009-inventory-below-the-catalogue.md).
let announcer: StockChangeAnnouncer | undefined;

export function announceStockChangesWith(fn: StockChangeAnnouncer): void {
  announcer = fn;
}

/** Announces a change inside the writing transaction; without an announcer, every cached page goes (never stale). */
export async function announceStockChange(
  tx: Db,
  cache: Pick<CacheBus, 'announce'>,
  change: StockChange,
): Promise<void> {
  if (change.productIds.length === 0) return;
  if (announcer) await announcer(tx, cache, change);
  else await cache.announce(tx, { pages: [EVERYTHING] });
}
