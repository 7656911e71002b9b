const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Formats integer cents as a price, e.g. 2999 USD -> "$29.99". The currency is always named: a price's own, or the
 * store's (its settings) where there is no product, never an assumed one.
 */
export function formatMoney(cents: number, currency: string): string {
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    formatters.set(currency, formatter);
  }
  return formatter.format(cents / 100);
}

/** Cents as a decimal string for machine-readable output (JSON-LD, feeds): 2999 -> "29.99". */
export function centsToDecimal(cents: number): string {
  return (cents / 100).toFixed(2);
}
