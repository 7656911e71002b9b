import { formatLongDate } from '#src/lib/dates.ts';
import { formatMoney } from '#src/lib/money.ts';
import { composeMail, type MailContent } from '#src/mail/compose.ts';
import type { NewMail } from '#src/mail/outbox.ts';
import type { StoreSettings } from '#src/store/schema.ts';
import type { Order, OrderLine } from './schema.ts';

/** What every order mail needs: the store that signs it, where links point, and how long a phone order waits. */
export type OrderMailSender = { store: StoreSettings; baseUrl: string; payDays: number };

export const ORDER_MAIL_KINDS = {
  confirmation: 'order-confirmation',
  paid: 'order-paid',
  shipped: 'order-shipped',
  delivered: 'order-delivered',
  cancelled: 'order-cancelled',
} as const;

type MailOrder = Pick<
  Order,
  | 'number'
  | 'email'
  | 'customerId'
  | 'paymentMethod'
  | 'totalCents'
  | 'currency'
  | 'shippingAddress'
  | 'placedAt'
  | 'expectedShipOn'
>;

/** Where the customer follows the order: their account, or for a guest the token link (only the first mail has it). */
export function orderLinkOf(s: Pick<OrderMailSender, 'baseUrl'>, order: MailOrder, guestToken?: string | null) {
  if (order.customerId) return `${s.baseUrl}/account/orders/${order.number}`;
  return guestToken ? `${s.baseUrl}/orders/${order.number}?token=${encodeURIComponent(guestToken)}` : undefined;
}

/** The lines a customer reads on how to pay an unpaid order, in mails and on the order page. */
export function paymentInstructions(
  store: StoreSettings,
  order: Pick<Order, 'number' | 'paymentMethod' | 'totalCents' | 'currency' | 'placedAt'>,
  payDays: number,
): string[] {
  const total = formatMoney(order.totalCents, order.currency);
  if (order.paymentMethod === 'invoice') {
    const due = new Date(order.placedAt.getTime() + 30 * 24 * 60 * 60 * 1000);
    return [`You pay on invoice, net 30: ${total} is due by ${formatLongDate(due)}. Please quote ${order.number}.`];
  }
  const bank = [store.bankAccountHolder, store.bankName, ...store.bankAccountLines.split('\n')]
    .map((line) => line.trim())
    .filter(Boolean);
  return [
    `Please pay ${total} by phone${store.phone ? ` at ${store.phone}` : ''} or by bank transfer, quoting ${order.number}.`,
    ...(bank.length > 0 ? [`Bank transfer to: ${bank.join(', ')}.`] : []),
    `We ship once your payment arrives. An order unpaid after ${payDays} days is cancelled and its items go back on sale.`,
  ];
}

async function build(
  s: OrderMailSender,
  order: MailOrder,
  o: { kind: string; subject: string; guestToken?: string | null } & Omit<MailContent, 'greeting' | 'action'>,
): Promise<NewMail> {
  const url = orderLinkOf(s, order, o.guestToken);
  const { text, html } = await composeMail(s.store, {
    greeting: `Hello ${order.shippingAddress.name || 'there'},`,
    paragraphs: o.paragraphs,
    ...(url ? { action: { label: 'See my order', url } } : {}),
    ...(o.note ? { note: o.note } : {}),
  });
  return { to: order.email, subject: `${o.subject} | ${s.store.name}`, text, html, kind: o.kind };
}

function describeLines(lines: Pick<OrderLine, 'quantity' | 'name' | 'sku' | 'lineTotalCents'>[], currency: string) {
  return lines
    .map((l) => `${l.quantity} x ${l.name} (${l.sku}): ${formatMoney(l.lineTotalCents, currency)}`)
    .join('; ');
}

export function composeOrderConfirmation(
  s: OrderMailSender,
  order: MailOrder & Pick<Order, 'subtotalCents' | 'shippingCents' | 'taxCents'>,
  lines: Pick<OrderLine, 'quantity' | 'name' | 'sku' | 'lineTotalCents'>[],
  guestToken: string | null,
): Promise<NewMail> {
  const money = (cents: number) => formatMoney(cents, order.currency);
  const a = order.shippingAddress;
  return build(s, order, {
    kind: ORDER_MAIL_KINDS.confirmation,
    subject: `Order ${order.number} received`,
    guestToken,
    paragraphs: [
      `Thank you for your order ${order.number}, placed on ${formatLongDate(order.placedAt)}.`,
      describeLines(lines, order.currency),
      `Subtotal ${money(order.subtotalCents)}, shipping ${money(order.shippingCents)}, tax ${money(order.taxCents)}: ` +
        `total ${money(order.totalCents)}.`,
      `Ship to: ${[a.name, a.line1, a.line2, `${a.city}, ${a.state} ${a.postalCode}`, a.country].filter(Boolean).join(', ')}.` +
        (order.expectedShipOn
          ? ` Expected to ship on ${formatLongDate(new Date(`${order.expectedShipOn}T12:00:00Z`))}.`
          : ''),
      ...paymentInstructions(s.store, order, s.payDays),
    ],
    note: order.customerId
      ? 'You can follow this order in your account.'
      : 'Keep this mail: its link is the way to see your order without an account.',
  });
}

export function composeOrderPaid(s: OrderMailSender, order: MailOrder): Promise<NewMail> {
  return build(s, order, {
    kind: ORDER_MAIL_KINDS.paid,
    subject: `Payment received for ${order.number}`,
    paragraphs: [
      `We received your payment of ${formatMoney(order.totalCents, order.currency)} for order ${order.number}. Thank you.`,
      'We will write again when it ships.',
    ],
  });
}

export function composeOrderShipped(
  s: OrderMailSender,
  order: MailOrder & Pick<Order, 'carrier' | 'trackingNumber'>,
): Promise<NewMail> {
  return build(s, order, {
    kind: ORDER_MAIL_KINDS.shipped,
    subject: `Order ${order.number} has shipped`,
    paragraphs: [
      `Your order ${order.number} is on its way with ${order.carrier}.`,
      `Tracking number: ${order.trackingNumber}.`,
    ],
  });
}

export function composeOrderDelivered(s: OrderMailSender, order: MailOrder): Promise<NewMail> {
  return build(s, order, {
    kind: ORDER_MAIL_KINDS.delivered,
    subject: `Order ${order.number} was delivered`,
    paragraphs: [
      `Your order ${order.number} was delivered. We hope everything arrived in good order.`,
      `If something is wrong, please contact us${s.store.phone ? ` at ${s.store.phone}` : ''}, quoting ${order.number}.`,
    ],
  });
}

export function composeOrderCancelled(
  s: OrderMailSender,
  order: MailOrder & Pick<Order, 'paidAt'>,
  reason: string,
): Promise<NewMail> {
  return build(s, order, {
    kind: ORDER_MAIL_KINDS.cancelled,
    subject: `Order ${order.number} was cancelled`,
    paragraphs: [
      `Your order ${order.number} was cancelled. Reason: ${reason}`,
      order.paidAt
        ? `You paid ${formatMoney(order.totalCents, order.currency)} for it: we will contact you about the refund.`
        : 'Nothing was charged.',
    ],
  });
}
