import { asc, eq, sql } from 'drizzle-orm';
import type { CustomerDataPart } from '#src/accounts/privacy/privacy.ts';
import { loadOrderParts } from './queries.ts';
import { orders } from './schema.ts';

// Order records are kept for tax and product-safety reasons (recalls need who bought which lot), so deleting an
// account anonymises them: no name, street, phone or email, while the state and ZIP code the tax was computed for,
// the lines and their lots stay.
const ERASED_EMAIL = 'erased@deleted.invalid';

/** A customer's orders in their data export, and what deleting their account does to them. */
export const orderCustomerData: CustomerDataPart = {
  name: 'orders',
  async exportOf(db, customerId) {
    const rows = await db.select().from(orders).where(eq(orders.customerId, customerId)).orderBy(asc(orders.seq));
    const details = await Promise.all(rows.map((order) => loadOrderParts(db, order)));
    return details.map((o) => ({
      number: o.number,
      status: o.status,
      paymentMethod: o.paymentMethod,
      email: o.email,
      totalCents: o.totalCents,
      currency: o.currency,
      shippingAddress: o.shippingAddress,
      billingAddress: o.billingAddress,
      placedAt: o.placedAt.toISOString(),
      lines: o.lines.map((l) => ({
        sku: l.sku,
        name: l.name,
        quantity: l.quantity,
        unitPriceCents: l.unitPriceCents,
        lots: l.lots.map((lot) => ({ lotNumber: lot.lotNumber, expiresOn: lot.expiresOn, quantity: lot.quantity })),
      })),
    }));
  },
  async erase(tx, customerId) {
    const blank = (column: typeof orders.shippingAddress | typeof orders.billingAddress) =>
      sql`case when ${column} is null then null
        else ${column} || '{"name": "", "line1": "", "line2": "", "phone": ""}'::jsonb end`;
    await tx
      .update(orders)
      .set({
        email: ERASED_EMAIL,
        shippingAddress: blank(orders.shippingAddress),
        billingAddress: blank(orders.billingAddress),
        updatedAt: new Date(),
      })
      .where(eq(orders.customerId, customerId));
    return undefined;
  },
};
