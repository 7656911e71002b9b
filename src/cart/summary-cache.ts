import type { CacheBus } from '#src/web/cache-bus.ts';

/** What the header needs of a cart: whose it is and how many units it holds. */
export type CartSummary = { customerId: string | null; itemCount: number };

const MAX_CACHED = 20_000;

/**
 * Cart summaries by cart id, and each signed-in customer's current cart, as this instance last read them. Every
 * cart write announces its cart (cache-bus.ts) inside its transaction, and every instance forgets that cart and
 * its customer's current cart, so the header's count costs no query on a cached page and is never stale.
 */
export class CartSummaries {
  readonly #summaries = new Map<string, CartSummary | null>();
  readonly #currentCarts = new Map<string, string | null>();
  readonly #bus: CacheBus;
  /** Counts changes heard, so that a read that began before a write is not kept after it. */
  version = 0;

  constructor(bus: CacheBus) {
    this.#bus = bus;
    bus.subscribe((change) => {
      if (change && !('cart' in change)) return;
      this.version++;
      if (!change) {
        this.#summaries.clear();
        this.#currentCarts.clear();
      } else if ('cart' in change) {
        this.#summaries.delete(change.cart);
        if (change.customerId) this.#currentCarts.delete(change.customerId);
      }
    });
  }

  /** A summary, null for a cart known not to exist, undefined when it must be read. */
  summary(cartId: string): CartSummary | null | undefined {
    return this.#summaries.get(cartId);
  }

  setSummary(cartId: string, summary: CartSummary | null, readAt: number): void {
    if (readAt === this.version) remember(this.#bus, this.#summaries, cartId, summary);
  }

  /** A customer's current cart id, null for none, undefined when it must be read. */
  currentCart(customerId: string): string | null | undefined {
    return this.#currentCarts.get(customerId);
  }

  setCurrentCart(customerId: string, cartId: string | null, readAt: number): void {
    if (readAt === this.version) remember(this.#bus, this.#currentCarts, customerId, cartId);
  }
}

function remember<V>(bus: CacheBus, map: Map<string, V>, key: string, value: V): void {
  // An instance that cannot hear other instances' writes must read every time.
  if (!bus.isListening()) return;
  if (map.size >= MAX_CACHED) map.delete(map.keys().next().value!);
  map.set(key, value);
}

const caches = new WeakMap<CacheBus, CartSummaries>();

/** This instance's cart summaries. */
export function cartSummariesOf(bus: CacheBus): CartSummaries {
  let cache = caches.get(bus);
  if (!cache) {
    cache = new CartSummaries(bus);
    caches.set(bus, cache);
  }
  return cache;
}
