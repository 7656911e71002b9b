import type { Db } from '#src/db/client.ts';
import { stockLedger, stockLots } from '#src/inventory/schema.ts';
import type { DemoProduct } from './types.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

function daysFromToday(days: number): string {
  return new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The demo stock of the products just added, as received lots with a ledger that starts with their receipts.
 * Dates count from today, so a demo store always has lots expiring within 60 days and one already expired.
 */
export async function insertDemoLots(
  tx: Db,
  added: { id: string; slug: string }[],
  demoProducts: DemoProduct[],
): Promise<void> {
  const lotsBySlug = new Map(demoProducts.map((p) => [p.slug, p.lots]));
  const rows = added.flatMap(({ id, slug }) =>
    (lotsBySlug.get(slug) ?? []).map((lot) => ({
      productId: id,
      lotNumber: lot.lotNumber,
      expiresOn: lot.expiresInDays === null ? null : daysFromToday(lot.expiresInDays),
      receivedOn: daysFromToday(-lot.receivedDaysAgo),
      quantityReceived: lot.quantity,
      quantityOnHand: lot.quantity,
    })),
  );
  if (rows.length === 0) return;
  const lots = await tx.insert(stockLots).values(rows).returning();
  await tx.insert(stockLedger).values(
    lots.map((lot) => ({
      lotId: lot.id,
      productId: lot.productId,
      kind: 'receipt' as const,
      quantity: lot.quantityReceived,
      reason: 'Demo stock',
      createdAt: new Date(`${lot.receivedOn}T09:00:00Z`),
    })),
  );
}
