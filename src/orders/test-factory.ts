import type { Product } from '#src/catalog/schema.ts';
import { allocateStock } from '#src/inventory/service.ts';
import type { AppContext } from '#src/web/context.ts';
import { nextOrderNumber } from './numbers.ts';
import type { OrderDetail } from './queries.ts';
import type { AddressSnapshot, PaymentMethod } from './schema.ts';
import { createOrder, type NewOrderLine } from './service.ts';

export const TEST_ADDRESS: AddressSnapshot = {
  name: 'Dana Whitfield',
  line1: '2210 E Camelback Rd',
  line2: 'Suite 140',
  city: 'Phoenix',
  state: 'AZ',
  postalCode: '85016',
  country: 'US',
  phone: '+1 602 555 0148',
};

let sequence = 0;

/**
 * Places an order as checkout will, without a cart: allocates each line's stock first expiry first and records
 * the order, in one transaction. A guest's order (no customerId) comes back with its page token.
 */
export async function placeTestOrder(
  ctx: Pick<AppContext, 'db' | 'cache' | 'config'>,
  o: {
    lines: { product: Product; quantity: number }[];
    customerId?: string | null;
    email?: string;
    paymentMethod?: PaymentMethod;
    address?: Partial<AddressSnapshot>;
    shippingCents?: number;
    taxCents?: number;
  },
): Promise<{ order: OrderDetail; guestToken: string | null }> {
  sequence += 1;
  return ctx.db.transaction(async (tx) => {
    const number = await nextOrderNumber(tx);
    const lines: NewOrderLine[] = [];
    // Allocated in product order, as checkout must, so that concurrent orders never wait for each other.
    const sorted = [...o.lines].sort((a, b) => a.product.id.localeCompare(b.product.id));
    for (const { product, quantity } of sorted) {
      const allocations = await allocateStock(
        { tx, cache: ctx.cache },
        { productId: product.id, quantity, reference: number },
      );
      lines.push({
        productId: product.id,
        sku: product.sku,
        name: product.name,
        quantity,
        unitPriceCents: product.priceCents,
        storage: product.storage,
        allocations,
      });
    }
    const subtotalCents = lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0);
    return createOrder(
      tx,
      {
        number,
        customerId: o.customerId ?? null,
        email: o.email ?? `guest.${process.pid}.${sequence}@example.com`,
        paymentMethod: o.paymentMethod ?? 'phone',
        shippingMethod: { code: 'standard', name: 'Standard shipping' },
        shippingAddress: { ...TEST_ADDRESS, ...o.address },
        subtotalCents,
        shippingCents: o.shippingCents ?? 995,
        taxCents: o.taxCents ?? 0,
        currency: 'USD',
        expectedShipOn: null,
        lines,
      },
      ctx.config,
    );
  });
}
