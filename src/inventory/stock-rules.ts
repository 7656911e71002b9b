import { announceStockChange, type StockChange } from './announce.ts';
import { availableFor } from './availability.ts';
import { alertIfLowStock } from './low-stock.ts';
import { findStockRules } from './queries.ts';
import { stockRules } from './schema.ts';
import type { StockWrite } from './service.ts';
import { getStockStatus } from './stock-status.ts';

export type StockRulesInput = { productId: string; minShelfLifeDays: number; lowStockThreshold: number };

/**
 * Sets how a product's stock is kept. A longer minimum shelf life can take lots off sale at once, so the pages
 * showing the product hear of it, and staff hear when that leaves it low. Returns the rules before and after.
 */
export async function setStockRules(
  w: StockWrite,
  o: StockRulesInput,
): Promise<{ before: Omit<StockRulesInput, 'productId'>; after: Omit<StockRulesInput, 'productId'> }> {
  const current = await findStockRules(w.tx, o.productId);
  const available = async () => (await availableFor(w.tx, [o.productId])).get(o.productId) ?? 0;
  const before = await available();
  const rules = { minShelfLifeDays: o.minShelfLifeDays, lowStockThreshold: o.lowStockThreshold };
  await w.tx
    .insert(stockRules)
    .values({ productId: o.productId, ...rules })
    .onConflictDoUpdate({ target: stockRules.productId, set: rules });
  const after = await available();
  if (after !== before) {
    const change: StockChange = {
      productIds: [o.productId],
      isStatusChanged: getStockStatus(before) !== getStockStatus(after),
    };
    await announceStockChange(w.tx, w.cache, change);
  }
  // A shelf life that took lots off sale is a dip like a sale: staff hear of it when it leaves the product low.
  if (after < before) await alertIfLowStock(w.tx, o.productId, after);
  return {
    before: { minShelfLifeDays: current.minShelfLifeDays, lowStockThreshold: current.lowStockThreshold },
    after: rules,
  };
}
