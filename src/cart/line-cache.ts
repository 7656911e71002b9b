import type { CacheBus } from '#src/web/cache-bus.ts';
import type { CartLineRow } from './queries.ts';

const MAX_CACHED = 20_000;

/**
 * Each cart's lines with their products' prices and availability, as this instance last read them for a page
 * view. What they show is what the product pages show, and every write that changes it announces itself: a cart
 * write names its cart, and a catalogue or stock write (the store's day turning included, store-day-job.ts) names
 * pages, so any change of pages forgets every cart. A view of a cart then costs no query until something changes.
 * Checkout never reads from here: it reads and locks the cart in its own transaction.
 */
export class CartLineCache {
  readonly #lines = new Map<string, readonly CartLineRow[]>();
  readonly #bus: CacheBus;
  /** Counts changes heard, so that a read that began before a write is not kept after it. */
  version = 0;

  constructor(bus: CacheBus) {
    this.#bus = bus;
    bus.subscribe((change) => {
      // Sessions change who is signed in, which is checked on every request; the lines stay what they are.
      if (change && 'sessionsOf' in change) return;
      this.version++;
      if (change && 'cart' in change) this.#lines.delete(change.cart);
      else this.#lines.clear();
    });
  }

  /** A copy of the cart's lines (the caller may change its rows), or undefined when they must be read. */
  lines(cartId: string): CartLineRow[] | undefined {
    return this.#lines.get(cartId)?.map((row) => ({ ...row }));
  }

  setLines(cartId: string, rows: readonly CartLineRow[], readAt: number): void {
    // An instance that cannot hear other instances' writes must read every time.
    if (readAt !== this.version || !this.#bus.isListening()) return;
    if (this.#lines.size >= MAX_CACHED) this.#lines.delete(this.#lines.keys().next().value!);
    this.#lines.set(
      cartId,
      rows.map((row) => ({ ...row })),
    );
  }
}

const caches = new WeakMap<CacheBus, CartLineCache>();

/** This instance's cart lines. */
export function cartLinesOf(bus: CacheBus): CartLineCache {
  let cache = caches.get(bus);
  if (!cache) {
    cache = new CartLineCache(bus);
    caches.set(bus, cache);
  }
  return cache;
}
