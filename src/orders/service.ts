import { queueCustomerMail } from '#src/accounts/mails/customer-mails.ts';
import type { Config } from '#src/config.ts';
import type { Db } from '#src/db/client.ts';
import type { Allocation } from '#src/inventory/service.ts';
import { AppError } from '#src/lib/errors.ts';
import { createToken, hashToken } from '#src/lib/tokens.ts';
import { type NewMail, queueMail } from '#src/mail/outbox.ts';
import type { StoreSettings } from '#src/store/schema.ts';
import { getStoreSettings } from '#src/store/settings.ts';
import { composeOrderConfirmation, type OrderMailSender } from './mails.ts';
import { seqOfNumber } from './numbers.ts';
import { type OrderDetail, orderDetailOf } from './queries.ts';
import {
  type AddressSnapshot,
  type Order,
  orderHistory,
  orderLineLots,
  orderLines,
  orders,
  type PaymentMethod,
} from './schema.ts';

/** One line of a new order, as checkout priced it, with the lots it already allocated for it. */
export type NewOrderLine = {
  productId: string;
  sku: string;
  name: string;
  quantity: number;
  unitPriceCents: number;
  storage: 'ambient' | 'refrigerated';
  /** What `allocateStock` returned for this line; their quantities add up to the line's. */
  allocations: Allocation[];
};

/** Everything checkout knows of an order when it places it: snapshots, not references to things that change. */
export type NewOrder = {
  /** From `nextOrderNumber(tx)`, taken before allocating, so the ledger's rows name the order. */
  number: string;
  /** Null for a guest. */
  customerId: string | null;
  email: string;
  paymentMethod: PaymentMethod;
  shippingMethod: { code: string; name: string };
  shippingAddress: AddressSnapshot;
  /** Omitted or null when it is the shipping address. */
  billingAddress?: AddressSnapshot | null;
  subtotalCents: number;
  shippingCents: number;
  taxCents: number;
  /** 0 until promotions come. */
  discountCents?: number;
  currency: string;
  /** YYYY-MM-DD, or null when checkout cannot say. */
  expectedShipOn: string | null;
  lines: NewOrderLine[];
};

/**
 * What an order needs of the configuration: where its links point and how long a phone order waits; and the
 * store's settings when the caller's transaction read them already.
 */
export type OrderConfig = Pick<Config, 'baseUrl' | 'orderPayDays'> & { store?: StoreSettings };

export async function mailSenderOf(tx: Db, config: OrderConfig): Promise<OrderMailSender> {
  const store = config.store ?? (await getStoreSettings(tx));
  return { store, baseUrl: config.baseUrl, payDays: config.orderPayDays };
}

/** Queues a mail about an order to its customer, linked to their account's mails when it has one. */
export async function queueOrderMail(tx: Db, order: Pick<Order, 'customerId'>, mail: NewMail): Promise<void> {
  if (order.customerId) await queueCustomerMail(tx, order.customerId, mail);
  else await queueMail(tx, mail);
}

function checkNewOrder(input: NewOrder): void {
  const problems: string[] = [];
  if (seqOfNumber(input.number) === undefined) problems.push(`"${input.number}" is not an order number`);
  if (input.lines.length === 0) problems.push('an order needs at least one line');
  let subtotal = 0;
  for (const line of input.lines) {
    subtotal += line.quantity * line.unitPriceCents;
    const allocated = line.allocations.reduce((sum, a) => sum + a.quantity, 0);
    if (allocated !== line.quantity) problems.push(`${line.sku}: ${allocated} allocated for ${line.quantity} ordered`);
  }
  if (subtotal !== input.subtotalCents) problems.push(`the lines add up to ${subtotal}, not ${input.subtotalCents}`);
  // Checkout computes all of this; a mismatch is a bug there, never something a shopper sent.
  if (problems.length > 0) throw new Error(`Cannot create order: ${problems.join('; ')}.`);
}

/**
 * Records a placed order inside checkout's transaction: the order with its snapshots, its lines with the lots
 * checkout allocated, the first history entry, and the confirmation mail (with the store's phone and bank
 * details for a phone order; a guest's carries the only copy of the order page's token). Returns the order and,
 * for a guest, that token.
 */
export async function createOrder(
  tx: Db,
  input: NewOrder,
  config: OrderConfig,
): Promise<{ order: OrderDetail; guestToken: string | null }> {
  checkNewOrder(input);
  const guestToken = input.customerId ? null : createToken();
  const discountCents = input.discountCents ?? 0;
  const status = input.paymentMethod === 'invoice' ? 'processing' : 'pending_payment';
  const [order] = await tx
    .insert(orders)
    .values({
      seq: seqOfNumber(input.number)!,
      number: input.number,
      customerId: input.customerId,
      email: input.email.trim().toLowerCase(),
      guestTokenHash: guestToken ? hashToken(guestToken) : null,
      status,
      paymentMethod: input.paymentMethod,
      shippingMethodCode: input.shippingMethod.code,
      shippingMethodName: input.shippingMethod.name,
      shippingAddress: input.shippingAddress,
      billingAddress: input.billingAddress ?? null,
      subtotalCents: input.subtotalCents,
      shippingCents: input.shippingCents,
      taxCents: input.taxCents,
      discountCents,
      totalCents: input.subtotalCents + input.shippingCents + input.taxCents - discountCents,
      currency: input.currency,
      expectedShipOn: input.expectedShipOn,
    })
    .returning();
  if (!order) throw new AppError('CONFLICT', 'The order could not be recorded.');
  const lines = await tx
    .insert(orderLines)
    .values(
      input.lines.map((line, position) => ({
        orderId: order.id,
        position,
        productId: line.productId,
        sku: line.sku,
        name: line.name,
        quantity: line.quantity,
        unitPriceCents: line.unitPriceCents,
        lineTotalCents: line.quantity * line.unitPriceCents,
        storage: line.storage,
      })),
    )
    .returning();
  const lots = input.lines.flatMap((line, i) =>
    line.allocations.map((a) => ({
      lineId: lines[i]!.id,
      lotId: a.lotId,
      lotNumber: a.lotNumber,
      expiresOn: a.expiresOn,
      quantity: a.quantity,
    })),
  );
  const lineLots = lots.length > 0 ? await tx.insert(orderLineLots).values(lots).returning() : [];
  const history = await tx
    .insert(orderHistory)
    .values({
      orderId: order.id,
      status,
      note: input.paymentMethod === 'invoice' ? 'Order placed, on invoice (net 30)' : 'Order placed, awaiting payment',
      actor: input.customerId ? 'customer' : 'system',
      customerId: input.customerId,
    })
    .returning();
  const sender = await mailSenderOf(tx, config);
  await queueOrderMail(tx, order, await composeOrderConfirmation(sender, order, lines, guestToken));
  // Put together from what the inserts returned, as loadOrderParts would read it back: no reads while the
  // order's lots stay locked.
  return { order: orderDetailOf(order, lines, lineLots, history), guestToken };
}
