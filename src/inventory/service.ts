import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { isUniqueViolation } from '#src/db/errors.ts';
import { AppError } from '#src/lib/errors.ts';
import type { CacheBus } from '#src/web/cache-bus.ts';
import { announceStockChange, type StockChange } from './announce.ts';
import { availableFor, isSellableLot } from './availability.ts';
import { alertIfLowStock, lowStockThresholdSql, rearmLowStockAlert } from './low-stock.ts';
import { type LedgerKind, type StockLot, stockLedger, stockLots } from './schema.ts';
import { getStockStatus } from './stock-status.ts';

/** A transaction that writes stock, and the caches it must tell. */
export type StockWrite = { tx: Db; cache: Pick<CacheBus, 'announce'> };

async function availableOf(tx: Db, productId: string): Promise<number> {
  return (await availableFor(tx, [productId])).get(productId) ?? 0;
}

async function record(
  tx: Db,
  lot: Pick<StockLot, 'id' | 'productId'>,
  entry: { kind: LedgerKind; quantity: number; reason?: string; staffId?: string | null; reference?: string | null },
): Promise<void> {
  await tx.insert(stockLedger).values({
    lotId: lot.id,
    productId: lot.productId,
    kind: entry.kind,
    quantity: entry.quantity,
    reason: entry.reason ?? '',
    staffId: entry.staffId ?? null,
    reference: entry.reference ?? null,
  });
}

// Every write ends here: the pages showing the product learn of it, and staff hear when it ran low.
async function afterChange(w: StockWrite, productId: string, before: number): Promise<number> {
  const after = await availableOf(w.tx, productId);
  if (after === before) return after;
  const isStatusChanged = getStockStatus(before) !== getStockStatus(after);
  await announceStockChange(w.tx, w.cache, { productIds: [productId], isStatusChanged });
  if (after < before) await alertIfLowStock(w.tx, productId, after);
  return after;
}

async function lockLot(tx: Db, lotId: string): Promise<StockLot> {
  const [lot] = await tx.select().from(stockLots).where(eq(stockLots.id, lotId)).for('update');
  if (!lot) throw new AppError('NOT_FOUND', 'No such lot.');
  return lot;
}

/** Records a received batch as a new sellable lot, and re-arms the product's low-stock alert. */
export async function receiveLot(
  w: StockWrite,
  o: {
    productId: string;
    lotNumber: string;
    expiresOn: string | null;
    quantity: number;
    receivedOn: string;
    staffId?: string | null;
  },
): Promise<StockLot> {
  const before = await availableOf(w.tx, o.productId);
  let lot: StockLot;
  try {
    // A savepoint, so that a clash leaves the caller's transaction usable for the 409 it answers.
    [lot] = (await w.tx.transaction((inner) =>
      inner
        .insert(stockLots)
        .values({
          productId: o.productId,
          lotNumber: o.lotNumber,
          expiresOn: o.expiresOn,
          receivedOn: o.receivedOn,
          quantityReceived: o.quantity,
          quantityOnHand: o.quantity,
        })
        .returning(),
    )) as [StockLot];
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    throw new AppError('CONFLICT', `Lot ${o.lotNumber} of this product was received already; adjust it instead.`, {
      fields: { lotNumber: 'was received already' },
      cause: err,
    });
  }
  await record(w.tx, lot, { kind: 'receipt', quantity: o.quantity, staffId: o.staffId });
  await rearmLowStockAlert(w.tx, o.productId);
  await afterChange(w, o.productId, before);
  return lot;
}

/** Adds units to a lot or takes them away (a count, damage, a sample), with the reason. */
export async function adjustLot(
  w: StockWrite,
  o: { lotId: string; change: number; reason: string; staffId?: string | null },
): Promise<StockLot> {
  const lot = await lockLot(w.tx, o.lotId);
  const onHand = lot.quantityOnHand + o.change;
  if (onHand < 0) {
    throw new AppError('VALIDATION', `Lot ${lot.lotNumber} holds ${lot.quantityOnHand}; it cannot lose ${-o.change}.`, {
      fields: { change: `must not take more than the ${lot.quantityOnHand} on hand` },
    });
  }
  const before = await availableOf(w.tx, lot.productId);
  const [updated] = await w.tx
    .update(stockLots)
    .set({ quantityOnHand: onHand })
    .where(eq(stockLots.id, lot.id))
    .returning();
  await record(w.tx, lot, { kind: 'adjustment', quantity: o.change, reason: o.reason, staffId: o.staffId });
  await afterChange(w, lot.productId, before);
  return updated!;
}

/** Quarantines a lot (nothing of it is sold) or releases it back to sale, with the reason. */
export async function setLotState(
  w: StockWrite,
  o: { lotId: string; state: StockLot['state']; reason: string; staffId?: string | null },
): Promise<StockLot> {
  const lot = await lockLot(w.tx, o.lotId);
  if (lot.state === o.state) {
    throw new AppError('CONFLICT', `Lot ${lot.lotNumber} is ${o.state} already.`);
  }
  const before = await availableOf(w.tx, lot.productId);
  const [updated] = await w.tx.update(stockLots).set({ state: o.state }).where(eq(stockLots.id, lot.id)).returning();
  const kind = o.state === 'quarantined' ? 'quarantine' : 'unquarantine';
  await record(w.tx, lot, { kind, quantity: 0, reason: o.reason, staffId: o.staffId });
  await afterChange(w, lot.productId, before);
  return updated!;
}

/** Units taken from one lot for an order line: the lot and expiry the line records. */
export type Allocation = { lotId: string; lotNumber: string; expiresOn: string | null; quantity: number };

/**
 * Takes `quantity` units of a product for an order, first expiry first out (lots without expiry last, then the
 * oldest received), splitting across lots when one is not enough; only lots sellable today are taken. The lots
 * are locked until the transaction ends, so concurrent orders queue rather than oversell. An order of several
 * products must allocate them in one order (by product id), so that two orders never wait for each other.
 * Throws a 409 when fewer units are available.
 */
export async function allocateStock(
  w: StockWrite,
  o: { productId: string; quantity: number; reference: string },
): Promise<Allocation[]> {
  const { allocations, change } = await takeStock(w, o);
  await announceStockChange(w.tx, w.cache, change);
  return allocations;
}

// The lot's units and its ledger entry change in one statement: while the lots are locked, every round trip makes
// the next buyer of the product wait.
async function takeFromLot(tx: Db, lot: Pick<StockLot, 'id' | 'productId'>, units: number, reference: string) {
  await tx.execute(sql`
    with taken as (
      update ${stockLots} set quantity_on_hand = quantity_on_hand - ${units} where id = ${lot.id} returning id
    )
    insert into ${stockLedger} (lot_id, product_id, kind, quantity, reference)
    select taken.id, ${lot.productId}, 'allocation', ${-units}, ${reference} from taken`);
}

/**
 * `allocateStock` for one product of an order that takes several: the change is returned, for the order to
 * announce once with `announceStockChanges` when every product is taken, since each statement while the lots
 * are locked makes the next buyer of these products wait.
 */
export async function takeStock(
  w: StockWrite,
  o: { productId: string; quantity: number; reference: string },
): Promise<{ allocations: Allocation[]; change: StockChange }> {
  // The low-stock threshold comes with the lots: one round trip less while they are locked.
  const rows = await w.tx
    .select({ lot: stockLots, threshold: lowStockThresholdSql(o.productId) })
    .from(stockLots)
    .where(and(eq(stockLots.productId, o.productId), isSellableLot()))
    .orderBy(sql`${stockLots.expiresOn} asc nulls last`, asc(stockLots.receivedOn), asc(stockLots.createdAt))
    .for('update', { of: stockLots });
  const lots = rows.map((row) => row.lot);
  const before = lots.reduce((sum, lot) => sum + lot.quantityOnHand, 0);
  if (before < o.quantity) {
    throw new AppError('SOLD_OUT', before === 0 ? 'Sold out.' : `Only ${before} available.`, {
      fields: { quantity: before === 0 ? 'sold out' : `only ${before} available` },
    });
  }
  const allocations: Allocation[] = [];
  let wanted = o.quantity;
  for (const lot of lots) {
    if (wanted === 0) break;
    const taken = Math.min(wanted, lot.quantityOnHand);
    wanted -= taken;
    await takeFromLot(w.tx, lot, taken, o.reference);
    allocations.push({ lotId: lot.id, lotNumber: lot.lotNumber, expiresOn: lot.expiresOn, quantity: taken });
  }
  const after = before - o.quantity;
  await alertIfLowStock(w.tx, o.productId, after, rows[0]?.threshold);
  const change = { productIds: [o.productId], isStatusChanged: getStockStatus(before) !== getStockStatus(after) };
  return { allocations, change };
}

/** Announces the changes `takeStock` returned for one order, in one announcement. */
export async function announceStockChanges(w: StockWrite, changes: readonly StockChange[]): Promise<void> {
  await announceStockChange(w.tx, w.cache, {
    productIds: changes.flatMap((c) => c.productIds),
    isStatusChanged: changes.some((c) => c.isStatusChanged),
  });
}

/** Puts an order's units back into the lots they came from (a cancelled order). */
export async function releaseAllocations(
  w: StockWrite,
  o: { productId: string; allocations: Pick<Allocation, 'lotId' | 'quantity'>[]; reference: string },
): Promise<void> {
  const before = await availableOf(w.tx, o.productId);
  for (const allocation of o.allocations) {
    const lot = await lockLot(w.tx, allocation.lotId);
    await w.tx
      .update(stockLots)
      .set({ quantityOnHand: sql`${stockLots.quantityOnHand} + ${allocation.quantity}` })
      .where(eq(stockLots.id, lot.id));
    await record(w.tx, lot, { kind: 'release', quantity: allocation.quantity, reference: o.reference });
  }
  await afterChange(w, o.productId, before);
}
