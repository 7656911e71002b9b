import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '#src/db/client.ts';
import { DEFAULT_MAX_ATTEMPTS } from '#src/jobs/definition.ts';
import { enqueueJob } from '#src/jobs/queue.ts';
import { availableSql } from './availability.ts';
import { stockLots, stockRules } from './schema.ts';

/**
 * The job that tells staff a product's stock ran low. The inventory enqueues it; the admin, which knows the
 * product's name and the staff who keep stock, runs it (admin/low-stock-mail.ts).
 */
export const lowStockAlert = {
  kind: 'inventory.low-stock',
  payload: z.object({ productId: z.uuid(), available: z.number().int().min(0) }),
  maxAttempts: DEFAULT_MAX_ATTEMPTS,
};

/** The product's low-stock threshold (the default when it has no rules of its own). */
export async function lowStockThresholdOf(tx: Db, productId: string): Promise<number> {
  const [row] = await tx
    .select({ threshold: stockRules.lowStockThreshold })
    .from(stockRules)
    .where(sql`${stockRules.productId} = ${productId}`);
  return row?.threshold ?? 5;
}

/** The threshold in SQL, for a query that reads it with the lots (the default when the product has no rules). */
export function lowStockThresholdSql(productId: string) {
  return sql<number>`coalesce((select ${stockRules.lowStockThreshold} from ${stockRules} where ${stockRules.productId} = ${productId}), 5)`.mapWith(
    Number,
  );
}

/**
 * Enqueues the low-stock mail the first time available stock falls to the product's threshold: the flag flips in
 * the same statement that checks it, so concurrent orders send one mail between them. `threshold` when the
 * caller read it already.
 */
export async function alertIfLowStock(tx: Db, productId: string, available: number, threshold?: number): Promise<void> {
  if (available > (threshold ?? (await lowStockThresholdOf(tx, productId)))) return;
  const flipped = await tx
    .insert(stockRules)
    .values({ productId, isLowStockAlerted: true })
    .onConflictDoUpdate({
      target: stockRules.productId,
      set: { isLowStockAlerted: true },
      setWhere: sql`${stockRules.isLowStockAlerted} = false`,
    })
    .returning({ productId: stockRules.productId });
  if (flipped.length > 0) await enqueueJob(tx, lowStockAlert, { productId, available });
}

/**
 * Whether the product whose id is `productId` (a column of the outer query's WHERE) has lots and no more units
 * available than its low-stock threshold: the products the dashboard lists as running low.
 */
export function isRunningLowSql(productId: AnyColumn | SQL): SQL {
  return sql`exists (select 1 from ${stockLots} where ${stockLots.productId} = ${productId})
    and ${availableSql(productId)} <= coalesce((select ${stockRules.lowStockThreshold} from ${stockRules}
      where ${stockRules.productId} = ${productId}), 5)`;
}

/** Re-arms the alert once stock comes in. */
export async function rearmLowStockAlert(tx: Db, productId: string): Promise<void> {
  await tx.update(stockRules).set({ isLowStockAlerted: false }).where(sql`${stockRules.productId} = ${productId}`);
}
