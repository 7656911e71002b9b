import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Product } from '#src/catalog/schema.ts';
import { createTestProduct } from '#src/catalog/test-factory.ts';
import { jobs } from '#src/jobs/schema.ts';
import { addDays, todayUtc } from '#src/lib/dates.ts';
import { AppError } from '#src/lib/errors.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { availableFor } from './availability.ts';
import { type StockLot, stockLedger, stockLots, stockRules } from './schema.ts';
import {
  adjustLot,
  allocateStock,
  announceStockChanges,
  receiveLot,
  releaseAllocations,
  setLotState,
  takeStock,
} from './service.ts';
import { refreshPagesOfExpiredLots } from './store-day-job.ts';

let store: TestStore;
const today = todayUtc();

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
});
afterAll(() => store.close());

function write<T>(work: (w: Parameters<typeof receiveLot>[0]) => Promise<T>): Promise<T> {
  return store.ctx.db.transaction((tx) => work({ tx, cache: store.ctx.cache }));
}

function receive(product: Product, lotNumber: string, quantity: number, expiresInDays: number | null) {
  return write((w) =>
    receiveLot(w, {
      productId: product.id,
      lotNumber,
      quantity,
      expiresOn: expiresInDays === null ? null : addDays(today, expiresInDays),
      receivedOn: today,
    }),
  );
}

async function available(product: Product): Promise<number> {
  return (await availableFor(store.ctx.db, [product.id])).get(product.id)!;
}

async function lotsOf(product: Product): Promise<StockLot[]> {
  return store.ctx.db.select().from(stockLots).where(eq(stockLots.productId, product.id)).orderBy(stockLots.lotNumber);
}

// The ledger adds up: every lot's units on hand are the sum of its rows, and none is negative.
async function expectLedgerToAddUp(product: Product): Promise<void> {
  const rows = await store.ctx.db
    .select({ lotId: stockLedger.lotId, total: sql<number>`sum(${stockLedger.quantity})::int` })
    .from(stockLedger)
    .where(eq(stockLedger.productId, product.id))
    .groupBy(stockLedger.lotId);
  const totals = new Map(rows.map((row) => [row.lotId, row.total]));
  for (const lot of await lotsOf(product)) {
    expect(lot.quantityOnHand).toBeGreaterThanOrEqual(0);
    expect(totals.get(lot.id), lot.lotNumber).toBe(lot.quantityOnHand);
  }
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('stock by lot', () => {
  it('sells first what expires first, splitting an order across lots, and never an expired or quarantined lot', async () => {
    const serum = await createTestProduct(store.ctx, { stock: 0 });
    await receive(serum, 'LATE', 10, 400);
    await receive(serum, 'SOON', 4, 40);
    await receive(serum, 'FOREVER', 5, null);
    await receive(serum, 'EXPIRED', 7, -1);
    const held = await receive(serum, 'HELD', 9, 20);
    await write((w) => setLotState(w, { lotId: held.id, state: 'quarantined', reason: 'Damaged carton' }));
    expect(await available(serum)).toBe(19);

    const first = await write((w) => allocateStock(w, { productId: serum.id, quantity: 3, reference: 'FMS-1' }));
    expect(first.map((a) => [a.lotNumber, a.quantity])).toEqual([['SOON', 3]]);
    const second = await write((w) => allocateStock(w, { productId: serum.id, quantity: 12, reference: 'FMS-2' }));
    expect(second.map((a) => [a.lotNumber, a.quantity, a.expiresOn])).toEqual([
      ['SOON', 1, addDays(today, 40)],
      ['LATE', 10, addDays(today, 400)],
      ['FOREVER', 1, null],
    ]);
    expect(await available(serum)).toBe(4);

    const refused = await errorOf(
      write((w) => allocateStock(w, { productId: serum.id, quantity: 5, reference: 'FMS-3' })),
    );
    expect([refused.status, refused.code]).toEqual([409, 'SOLD_OUT']);
    expect(refused.message).toBe('Only 4 available.');
    const byNumber = Object.fromEntries((await lotsOf(serum)).map((lot) => [lot.lotNumber, lot.quantityOnHand]));
    expect(byNumber).toEqual({ EXPIRED: 7, FOREVER: 4, HELD: 9, LATE: 0, SOON: 0 });

    await write((w) => releaseAllocations(w, { productId: serum.id, allocations: second, reference: 'FMS-2' }));
    expect(await available(serum)).toBe(16);
    await expectLedgerToAddUp(serum);
    const kinds = await store.ctx.db
      .select({ kind: stockLedger.kind, reference: stockLedger.reference })
      .from(stockLedger)
      .where(and(eq(stockLedger.productId, serum.id), eq(stockLedger.reference, 'FMS-2')));
    expect(kinds.filter((k) => k.kind === 'allocation')).toHaveLength(3);
    expect(kinds.filter((k) => k.kind === 'release')).toHaveLength(3);
  });

  it('keeps back lots that would reach the buyer with less than the minimum shelf life', async () => {
    const vial = await createTestProduct(store.ctx, { stock: 0 });
    await receive(vial, 'SHORT', 6, 20);
    await receive(vial, 'LONG', 2, 200);
    expect(await available(vial)).toBe(8);
    await store.ctx.db.insert(stockRules).values({ productId: vial.id, minShelfLifeDays: 30 });
    expect(await available(vial)).toBe(2);
    const taken = await write((w) => allocateStock(w, { productId: vial.id, quantity: 2, reference: 'FMS-4' }));
    expect(taken.map((a) => a.lotNumber)).toEqual(['LONG']);
  });

  it('refuses an adjustment below zero and a second receipt of one lot, changing nothing', async () => {
    const balm = await createTestProduct(store.ctx, { stock: 0 });
    const lot = await receive(balm, 'B-1', 5, 300);
    const tooMany = await errorOf(write((w) => adjustLot(w, { lotId: lot.id, change: -6, reason: 'Count' })));
    expect(tooMany.status).toBe(422);
    expect(tooMany.fields).toEqual({ change: 'must not take more than the 5 on hand' });
    const again = await errorOf(receive(balm, 'B-1', 3, 300));
    expect(again.status).toBe(409);
    await write((w) => adjustLot(w, { lotId: lot.id, change: -2, reason: 'Two broken in transit' }));
    expect((await lotsOf(balm)).map((l) => l.quantityOnHand)).toEqual([3]);
    await expectLedgerToAddUp(balm);
    const already = await errorOf(write((w) => setLotState(w, { lotId: lot.id, state: 'sellable', reason: 'x' })));
    expect(already.status).toBe(409);
  });

  it('asks for one low-stock mail when stock falls to the threshold, and again only after a receipt', async () => {
    const kit = await createTestProduct(store.ctx, { stock: 0 });
    await store.ctx.db.insert(stockRules).values({ productId: kit.id, lowStockThreshold: 3 });
    await receive(kit, 'K-1', 6, 500);
    const alerts = async () =>
      (await store.ctx.db.select().from(jobs).where(eq(jobs.kind, 'inventory.low-stock'))).filter(
        (job) => (job.payload as { productId: string }).productId === kit.id,
      );
    for (const reference of ['FMS-5', 'FMS-6']) {
      await write((w) => allocateStock(w, { productId: kit.id, quantity: 1, reference }));
    }
    expect(await alerts()).toHaveLength(0);
    for (const reference of ['FMS-7', 'FMS-8', 'FMS-9']) {
      await write((w) => allocateStock(w, { productId: kit.id, quantity: 1, reference }));
    }
    expect((await alerts()).map((job) => job.payload)).toEqual([{ productId: kit.id, available: 3 }]);
    await receive(kit, 'K-2', 10, 500);
    await write((w) => allocateStock(w, { productId: kit.id, quantity: 9, reference: 'FMS-10' }));
    expect(await alerts()).toHaveLength(2);
  });
});

describe('stock taken for an order of several products', () => {
  it('takes each product first expiry first, alerts low stock, and announces the products once', async () => {
    const [gel, mask] = [
      await createTestProduct(store.ctx, { stock: 0 }),
      await createTestProduct(store.ctx, { stock: 0 }),
    ];
    await store.ctx.db.insert(stockRules).values({ productId: gel!.id, lowStockThreshold: 4 });
    await receive(gel!, 'G-LATE', 5, 300);
    await receive(gel!, 'G-SOON', 1, 30);
    await receive(mask!, 'M-1', 20, null);
    const announced: unknown[] = [];
    const cache = { announce: async (_tx: unknown, change: unknown) => void announced.push(change) };
    const taken = await store.ctx.db.transaction(async (tx) => {
      const w = { tx, cache };
      const first = await takeStock(w, { productId: gel!.id, quantity: 2, reference: 'FMS-70' });
      const second = await takeStock(w, { productId: mask!.id, quantity: 3, reference: 'FMS-70' });
      expect(announced).toEqual([]);
      await announceStockChanges(w, [first.change, second.change]);
      return [first, second];
    });
    expect(taken[0]!.allocations.map((a) => [a.lotNumber, a.quantity])).toEqual([
      ['G-SOON', 1],
      ['G-LATE', 1],
    ]);
    expect(taken[0]!.change).toEqual({ productIds: [gel!.id], isStatusChanged: true });
    expect(taken[1]!.change).toEqual({ productIds: [mask!.id], isStatusChanged: false });
    expect(announced).toHaveLength(1);
    const alerts = await store.ctx.db.select().from(jobs).where(eq(jobs.kind, 'inventory.low-stock'));
    expect(alerts.map((job) => job.payload)).toContainEqual({ productId: gel!.id, available: 4 });
    expect(alerts.map((job) => job.payload)).not.toContainEqual(expect.objectContaining({ productId: mask!.id }));
    await expectLedgerToAddUp(gel!);
    await expectLedgerToAddUp(mask!);
  });
});

describe('stock on the pages', () => {
  it('shows what is available, refreshing a product page on a stock write while other pages stay cached', async () => {
    const shown = await createTestProduct(store.ctx, { stock: 0, slug: 'stock-shown', name: 'Stock Shown' });
    const other = await createTestProduct(store.ctx, { slug: 'stock-other' });
    await receive(shown, 'S-1', 8, 365);
    expect(await (await store.request('/products/stock-shown')).text()).toContain('In stock');
    await store.request('/products/stock-other');
    expect((await store.request('/products/stock-other')).headers.get('x-cache')).toBe('hit');

    await write((w) => allocateStock(w, { productId: shown.id, quantity: 5, reference: 'FMS-11' }));
    const page = await store.request('/products/stock-shown');
    expect(page.headers.get('x-cache')).toBe('miss');
    expect(await page.text()).toContain('only 3 left');
    expect((await store.request('/products/stock-other')).headers.get('x-cache')).toBe('hit');
    const api = await (await store.request('/api/store/products/stock-shown')).json();
    expect(api.stockStatus).toBe('low-stock');
    expect(other.slug).toBe('stock-other');
  });

  it('stops selling a lot on its expiry date and refreshes the pages that showed it', async () => {
    const gel = await createTestProduct(store.ctx, { stock: 0, slug: 'expiring-gel', name: 'Expiring Gel' });
    await receive(gel, 'G-1', 4, 0);
    expect(await available(gel)).toBe(0);
    await store.request('/products/expiring-gel');
    expect((await store.request('/products/expiring-gel')).headers.get('x-cache')).toBe('hit');
    expect(await refreshPagesOfExpiredLots(store.ctx, today)).toContain(gel.id);
    const page = await store.request('/products/expiring-gel');
    expect(page.headers.get('x-cache')).toBe('miss');
    expect(await page.text()).toContain('Out of stock');
  });
});

// PGlite runs one statement at a time, so only a real server lets the buyers race.
describe.skipIf(!inject('databaseServer'))('allocations at the same time, on PostgreSQL', () => {
  it('sells exactly the 50 units in stock to 200 buyers, refusing the rest as sold out', async () => {
    const popular = await createTestProduct(store.ctx, { stock: 0 });
    await receive(popular, 'P-1', 20, 30);
    await receive(popular, 'P-2', 30, 300);
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        write((w) => allocateStock(w, { productId: popular.id, quantity: 1, reference: `RACE-${i}` })).then(
          () => 'sold',
          (err: unknown) => (err instanceof AppError && err.code === 'SOLD_OUT' ? 'sold out' : String(err)),
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'sold')).toHaveLength(50);
    expect(outcomes.filter((o) => o === 'sold out')).toHaveLength(150);
    expect(await available(popular)).toBe(0);
    await expectLedgerToAddUp(popular);
  });
});
