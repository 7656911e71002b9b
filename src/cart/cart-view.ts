import { createHash } from 'node:crypto';
import type { Product } from '#src/catalog/schema.ts';
import { formatMoney } from '#src/lib/money.ts';
import type { Entitlement } from '#src/licences/entitlement.ts';
import type { CartLineRow } from './queries.ts';

/** Why a line cannot be bought as it stands, or what changed since it was added; one line each. */
export type CartWarning = {
  code: 'out-of-stock' | 'quantity-lowered' | 'not-entitled' | 'not-sold' | 'price-changed';
  message: string;
  /** For `not-entitled`: the next step that would let this customer order it. */
  howToQualify?: string;
};

export type CartLine = {
  id: string;
  productId: string;
  slug: string;
  sku: string;
  name: string;
  quantity: number;
  unitPriceCents: number;
  /** Zero for a line that cannot be bought now (its warning says why): it is not part of the subtotal. */
  lineTotalCents: number;
  currency: string;
  storage: Product['storage'];
  image: CartLineRow['image'];
  available: number;
  isPurchasable: boolean;
  warnings: CartWarning[];
};

export type CartView = {
  id: string;
  customerId: string | null;
  lines: CartLine[];
  subtotalCents: number;
  /** Units in the cart, whether or not each can be bought now (the header shows the same figure). */
  itemCount: number;
  currency: string;
  /** A hash of every line's product, quantity, price and purchasability: checkout compares it before an order. */
  fingerprint: string;
};

/** The most units one line may hold, whatever the stock: more is a typing slip, not an order. */
export const MAX_LINE_QUANTITY = 99;

/**
 * Prices a cart from what the catalogue says today and tells, line by line, what changed since each was added.
 * Pure: the caller reads the lines, the entitlements and the quantities it had to lower.
 */
export function composeCart(o: {
  id: string;
  customerId: string | null;
  currency: string;
  rows: CartLineRow[];
  entitlementOf: (accessClass: Product['accessClass']) => Entitlement;
  /** Lines whose quantity was lowered to what is available, with the quantity asked before. */
  lowered: ReadonlyMap<string, number>;
}): CartView {
  const lines = o.rows.map((row): CartLine => {
    const warnings: CartWarning[] = [];
    const entitlement = o.entitlementOf(row.accessClass);
    const wasAsked = o.lowered.get(row.id);
    if (row.status !== 'active') {
      warnings.push({ code: 'not-sold', message: 'This product is no longer sold. Remove it to continue.' });
    } else if (row.available <= 0) {
      warnings.push({
        code: 'out-of-stock',
        message: 'Out of stock since you added it. Remove it, or keep it and check back later.',
      });
    } else if (wasAsked !== undefined) {
      warnings.push({
        code: 'quantity-lowered',
        message: `Only ${row.available} available: we lowered the quantity from ${wasAsked} to ${row.quantity}.`,
      });
    }
    if (!entitlement.allowed) {
      warnings.push({ code: 'not-entitled', message: entitlement.reason, howToQualify: entitlement.howToQualify });
    }
    if (row.priceCents !== row.unitPriceCentsWhenAdded) {
      const was = formatMoney(row.unitPriceCentsWhenAdded, row.currency);
      const now = formatMoney(row.priceCents, row.currency);
      const direction = row.priceCents < row.unitPriceCentsWhenAdded ? 'dropped' : 'went up';
      warnings.push({
        code: 'price-changed',
        message: `The price ${direction} from ${was} to ${now} since you added it.`,
      });
    }
    const isPurchasable = row.status === 'active' && row.available > 0 && entitlement.allowed;
    return {
      id: row.id,
      productId: row.productId,
      slug: row.slug,
      sku: row.sku,
      name: row.name,
      quantity: row.quantity,
      unitPriceCents: row.priceCents,
      lineTotalCents: isPurchasable ? row.priceCents * row.quantity : 0,
      currency: row.currency,
      storage: row.storage,
      image: row.image,
      available: row.available,
      isPurchasable,
      warnings,
    };
  });
  const subtotalCents = lines.reduce((sum, line) => sum + line.lineTotalCents, 0);
  const itemCount = lines.reduce((sum, line) => sum + line.quantity, 0);
  const fingerprint = createHash('sha256')
    .update(
      JSON.stringify([
        o.currency,
        subtotalCents,
        lines.map((l) => [l.productId, l.quantity, l.unitPriceCents, l.isPurchasable]),
      ]),
    )
    .digest('base64url');
  return { id: o.id, customerId: o.customerId, lines, subtotalCents, itemCount, currency: o.currency, fingerprint };
}
