import { randomUUID } from 'node:crypto';
import { type BenchStock, countStock, stockForCheckout } from './checkout-stock.ts';
import { type JsonAnswer, percentile, requestJson } from './http-client.ts';
import type { Measurement } from './measure.ts';

/**
 * Checkout under load, on PostgreSQL: buyers each make a cart through the store API, add products and place the
 * order, as a shop's own front end or an integration would. Afterwards the lots are counted: exactly the units
 * ordered must have left them.
 */
export const CHECKOUT_BUYERS = 50;
export const RACE_BUYERS = 200;
export const RACE_UNITS = 50;

const ADDRESS = {
  name: 'Bench Buyer',
  line1: '410 Lakeshore Drive',
  city: 'Tempe',
  state: 'AZ',
  postalCode: '85281',
  country: 'US',
};

// What the bench reads of the store's answers.
type Json = { id?: string; fingerprint?: string; code?: string };

export type CheckoutResult = {
  measurement: Measurement;
  /** What the counts found, for the results file. */
  details: Record<string, unknown>;
  /** Why the run is not what it should be; empty when it is. */
  problems: string[];
};

function expectStatus(what: string, answer: JsonAnswer, status: number): Json {
  if (answer.status !== status) {
    throw new Error(`${what} answered ${answer.status}, not ${status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
  }
  return answer.body as Json;
}

async function cartWith(storeUrl: string, productIds: readonly string[]): Promise<Json> {
  const api = `${storeUrl}/api/store/carts`;
  let cart = expectStatus('creating a cart', await requestJson(api, { method: 'POST' }), 201);
  for (const productId of productIds) {
    const added = await requestJson(`${api}/${cart.id}/items`, { method: 'POST', body: { productId, quantity: 1 } });
    cart = expectStatus('adding to a cart', added, 200);
  }
  return cart;
}

/** Places the order for a cart as reviewed; returns the answer and how long the checkout call took. */
async function checkout(storeUrl: string, cart: Json): Promise<{ answer: JsonAnswer; ms: number }> {
  const started = performance.now();
  const answer = await requestJson(`${storeUrl}/api/store/carts/${cart.id}/checkout`, {
    method: 'POST',
    headers: { 'idempotency-key': randomUUID() },
    body: {
      email: 'bench-buyer@example.com',
      shippingAddress: ADDRESS,
      shippingMethod: 'standard',
      paymentMethod: 'phone',
      fingerprint: cart.fingerprint,
    },
  });
  return { answer, ms: performance.now() - started };
}

function twoOf<T>(items: readonly T[]): [T, T] {
  const first = Math.floor(Math.random() * items.length);
  const second = (first + 1 + Math.floor(Math.random() * (items.length - 1))) % items.length;
  return [items[first]!, items[second]!];
}

/** `buyers` buyers, each ordering two products again and again for `seconds`; orders/s and the checkout's latency. */
export async function benchCheckout(
  storeUrl: string,
  databaseUrl: string,
  stock: BenchStock,
  seconds: number,
  buyers = CHECKOUT_BUYERS,
): Promise<CheckoutResult> {
  const ids = stock.stocked.map((p) => p.id);
  const before = await countStock(databaseUrl, ids);
  const durations: number[] = [];
  const failures = new Map<string, number>();
  let errors = 0;
  const startedAt = performance.now();
  const endsAt = startedAt + seconds * 1000;
  await Promise.all(
    Array.from({ length: buyers }, async () => {
      while (performance.now() < endsAt) {
        try {
          const cart = await cartWith(storeUrl, twoOf(ids));
          const { answer, ms } = await checkout(storeUrl, cart);
          if (answer.status === 201) durations.push(ms);
          else {
            const code = `${answer.status} ${(answer.body as Json)?.code ?? ''}`.trim();
            failures.set(code, (failures.get(code) ?? 0) + 1);
          }
        } catch {
          errors++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - startedAt) / 1000;
  const after = await countStock(databaseUrl, ids);
  const orders = durations.length;
  const sold = before.onHand - after.onHand;
  const ordered = after.ordered - before.ordered;
  const problems: string[] = [];
  if (sold !== ordered || ordered !== orders * 2) {
    problems.push(`${sold} units left the lots, order lines hold ${ordered}, ${orders} orders of 2 were answered`);
  }
  if (after.negativeLots > 0) problems.push(`${after.negativeLots} lot(s) below zero`);
  durations.sort((a, b) => a - b);
  const nonCreated = [...failures.values()].reduce((sum, n) => sum + n, 0);
  return {
    measurement: {
      reqPerSec: Math.round(orders / elapsed),
      p50Ms: percentile(durations, 0.5),
      p99Ms: percentile(durations, 0.99),
      requests: orders,
      non2xx: nonCreated,
      errors,
    },
    details: {
      buyers,
      seconds: elapsed,
      orders,
      unitsSold: sold,
      unitsOrdered: ordered,
      failures: Object.fromEntries(failures),
    },
    problems,
  };
}

/** `RACE_BUYERS` buyers with a cart of one unit each check out at once, for a product with `RACE_UNITS` units. */
export async function benchRace(storeUrl: string, databaseUrl: string, stock: BenchStock): Promise<CheckoutResult> {
  const carts: Json[] = [];
  // The carts are made 20 at a time: the race is the checkout, not the cart.
  for (let i = 0; i < RACE_BUYERS; i += 20) {
    carts.push(...(await Promise.all(Array.from({ length: 20 }, () => cartWith(storeUrl, [stock.scarce.id])))));
  }
  const before = await countStock(databaseUrl, [stock.scarce.id]);
  const startedAt = performance.now();
  const results = await Promise.all(carts.map((cart) => checkout(storeUrl, cart)));
  const elapsed = (performance.now() - startedAt) / 1000;
  const after = await countStock(databaseUrl, [stock.scarce.id]);
  const placed = results.filter((r) => r.answer.status === 201);
  const refusals = new Map<string, number>();
  for (const { answer } of results) {
    if (answer.status === 201) continue;
    const code = `${answer.status} ${(answer.body as Json)?.code ?? ''}`.trim();
    refusals.set(code, (refusals.get(code) ?? 0) + 1);
  }
  const problems: string[] = [];
  if (placed.length !== RACE_UNITS) problems.push(`${placed.length} orders placed, not ${RACE_UNITS}`);
  const other = [...refusals.keys()].filter((code) => code !== '409 SOLD_OUT');
  if (other.length > 0) problems.push(`refusals other than 409 SOLD_OUT: ${other.join(', ')}`);
  if (after.onHand !== 0) problems.push(`${after.onHand} units left, not 0`);
  if (before.onHand - after.onHand !== after.ordered - before.ordered) {
    problems.push(`${before.onHand - after.onHand} units left the lots for ${after.ordered - before.ordered} ordered`);
  }
  if (after.negativeLots > 0) problems.push(`${after.negativeLots} lot(s) below zero`);
  const durations = results.map((r) => r.ms).sort((a, b) => a - b);
  return {
    measurement: {
      reqPerSec: Math.round(results.length / elapsed),
      p50Ms: percentile(durations, 0.5),
      p99Ms: percentile(durations, 0.99),
      requests: results.length,
      non2xx: 0,
      errors: 0,
    },
    details: {
      buyers: RACE_BUYERS,
      units: RACE_UNITS,
      placed: placed.length,
      refusals: Object.fromEntries(refusals),
      stockLeft: after.onHand,
    },
    problems,
  };
}

export { stockForCheckout };
