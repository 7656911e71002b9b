import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { stockLedger, stockLots } from '#src/inventory/schema.ts';
import { allocateStock, receiveLot } from '#src/inventory/service.ts';
import { auditLog } from '#src/staff/schema.ts';
import type { AppContext } from '#src/web/context.ts';

let sequence = 0;

/** Options of createTestProduct for a product without stock, whose lots a test receives itself. */
export const NO_STOCK = { stock: 0 } as const;

/** A lot received straight through the inventory, for tests that need stock to start from. */
export function receiveTestLot(
  ctx: Pick<AppContext, 'db' | 'cache'>,
  productId: string,
  o: { quantity?: number; expiresOn?: string | null; lotNumber?: string; receivedOn?: string } = {},
) {
  sequence += 1;
  return ctx.db.transaction((tx) =>
    receiveLot(
      { tx, cache: ctx.cache },
      {
        productId,
        lotNumber: o.lotNumber ?? `T${process.pid}-${sequence}`,
        expiresOn: o.expiresOn === undefined ? '2099-12-31' : o.expiresOn,
        quantity: o.quantity ?? 20,
        receivedOn: o.receivedOn ?? '2026-01-15',
      },
    ),
  );
}

/** Takes units for an order, as checkout does: in a transaction of its own. */
export function allocateTestStock(ctx: Pick<AppContext, 'db' | 'cache'>, productId: string, quantity: number) {
  sequence += 1;
  return ctx.db.transaction((tx) =>
    allocateStock({ tx, cache: ctx.cache }, { productId, quantity, reference: `ORDER-${sequence}` }),
  );
}

/** Whether every lot of the product holds exactly the sum of its ledger rows. */
export async function ledgerMatchesLots(db: Db, productId: string): Promise<boolean> {
  const lots = await db.select().from(stockLots).where(eq(stockLots.productId, productId));
  const sums = await db
    .select({ lotId: stockLedger.lotId, units: sql<number>`sum(${stockLedger.quantity})::int`.mapWith(Number) })
    .from(stockLedger)
    .where(eq(stockLedger.productId, productId))
    .groupBy(stockLedger.lotId);
  const byLot = new Map(sums.map((s) => [s.lotId, s.units]));
  return lots.length > 0 && lots.every((lot) => byLot.get(lot.id) === lot.quantityOnHand);
}

export async function lotsOf(db: Db, productId: string) {
  return db.select().from(stockLots).where(eq(stockLots.productId, productId));
}

export async function ledgerOf(db: Db, lotId: string) {
  return db.select().from(stockLedger).where(eq(stockLedger.lotId, lotId)).orderBy(desc(stockLedger.id));
}

export async function lastAuditOf(db: Db, entityType: 'lot' | 'stock-rules', entityId: string) {
  const [entry] = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(1);
  return entry;
}
