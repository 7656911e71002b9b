export const STOCK_STATUSES = ['in-stock', 'low-stock', 'out-of-stock'] as const;
export type StockStatus = (typeof STOCK_STATUSES)[number];

// At or below this many units, shoppers are told stock is low so business buyers can order in time.
export const LOW_STOCK_THRESHOLD = 5;

/** Whether a product can ship now, judged from its units available to sell. */
export function getStockStatus(available: number): StockStatus {
  if (available <= 0) return 'out-of-stock';
  return available <= LOW_STOCK_THRESHOLD ? 'low-stock' : 'in-stock';
}
