import { invoiceTermsOf } from '#src/accounts/business/terms.ts';
import type { Customer } from '#src/accounts/schema.ts';
import type { CartLine, CartView } from '#src/cart/cart-view.ts';
import { emptyCart, lockCartForCheckout } from '#src/cart/checkout-view.ts';
import type { Config } from '#src/config.ts';
import type { Db } from '#src/db/client.ts';
import type { StockChange } from '#src/inventory/announce.ts';
import { type Allocation, announceStockChanges, takeStock } from '#src/inventory/service.ts';
import { AppError } from '#src/lib/errors.ts';
import { formatMoney } from '#src/lib/money.ts';
import { hasTaxExemption } from '#src/licences/tax-exemption.ts';
import { nextOrderNumber } from '#src/orders/numbers.ts';
import { type OrderDetail, openInvoiceBalanceCents } from '#src/orders/queries.ts';
import { createOrder, type NewOrderLine } from '#src/orders/service.ts';
import { quoteShipping } from '#src/shipping/methods.ts';
import { expectedShipDate } from '#src/shipping/ship-date.ts';
import type { StoreSettings } from '#src/store/schema.ts';
import { getStoreSettings } from '#src/store/settings.ts';
import { quoteTax } from '#src/tax/rates.ts';
import type { CacheBus } from '#src/web/cache-bus.ts';
import type { CheckoutInput } from './validators.ts';

export type PlaceOrderContext = { cache: Pick<CacheBus, 'announce'>; config: Pick<Config, 'baseUrl' | 'orderPayDays'> };

/** Why the cart cannot be ordered as reviewed: every line's warning, for the review to show again. */
function cartChanged(cart: CartView): AppError {
  const changes = cart.lines.flatMap((line) => line.warnings.map((w) => `${line.name}: ${w.message}`));
  const detail = changes.length
    ? `Your cart changed since you reviewed it. ${changes.join(' ')}`
    : 'Your cart changed since you reviewed it (a price, a quantity or what is in stock). Please review it again.';
  return new AppError('FINGERPRINT_CHANGED', detail, { fields: { fingerprint: 'does not match the cart any more' } });
}

function refuseUnbuyable(cart: CartView): void {
  if (cart.lines.length === 0) throw new AppError('VALIDATION', 'Your cart is empty.');
  const blocked = cart.lines.filter((line) => !line.isPurchasable);
  if (blocked.length === 0) return;
  const reasons = blocked.map((line) => `${line.name}: ${line.warnings.map((w) => w.message).join(' ')}`);
  throw new AppError('VALIDATION', `Some of your cart cannot be ordered. ${reasons.join(' ')}`, {
    fields: { cart: 'holds products that cannot be ordered' },
  });
}

async function checkInvoiceAllowed(tx: Db, customer: Customer | undefined, totalCents: number, currency: string) {
  const terms = customer ? await invoiceTermsOf(tx, customer.id) : undefined;
  if (!customer || !terms) {
    throw new AppError('VALIDATION', 'Paying by invoice is for business accounts the store has approved for it.', {
      fields: { paymentMethod: 'choose pay by phone or bank transfer' },
    });
  }
  const owed = await openInvoiceBalanceCents(tx, customer.id);
  if (owed + totalCents > terms.creditLimitCents) {
    const left = Math.max(0, terms.creditLimitCents - owed);
    throw new AppError(
      'VALIDATION',
      `This order would take your unpaid invoices over your credit limit of ${formatMoney(terms.creditLimitCents, currency)}: ${formatMoney(left, currency)} is left. Pay by phone or bank transfer, or settle an invoice first.`,
      { fields: { paymentMethod: 'over the credit limit' } },
    );
  }
}

// Lines are allocated in product order, so that two orders holding the same products never wait for each other,
// and the pages of every product are told in one announcement.
async function allocateLines(
  tx: Db,
  cache: PlaceOrderContext['cache'],
  lines: CartLine[],
  number: string,
): Promise<Map<string, Allocation[]>> {
  const allocations = new Map<string, Allocation[]>();
  const changes: StockChange[] = [];
  for (const line of lines.toSorted((a, b) => (a.productId < b.productId ? -1 : 1))) {
    try {
      const taken = await takeStock(
        { tx, cache },
        { productId: line.productId, quantity: line.quantity, reference: number },
      );
      allocations.set(line.id, taken.allocations);
      changes.push(taken.change);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'SOLD_OUT') throw err;
      throw new AppError('SOLD_OUT', `${line.name} sold out while you were checking out: ${err.message}`, {
        fields: { [`items.${line.id}`]: err.message },
        cause: err,
      });
    }
  }
  await announceStockChanges({ tx, cache }, changes);
  return allocations;
}

/**
 * Places the order for a cart, in the caller's transaction (one per order: see checkout/api.ts), and returns it with
 * the store's settings as this transaction read them (once) for the caller's answer: checks again what
 * the customer reviewed (entitlement, prices, availability, by the cart's fingerprint), prices shipping and tax,
 * checks the payment method, allocates the lots first expiry first out, writes the order with its snapshots,
 * empties the cart and queues the confirmation. Anything refused changes nothing.
 */
export async function placeOrder(
  tx: Db,
  ctx: PlaceOrderContext,
  o: { cartId: string; customer: Customer | undefined; input: CheckoutInput; now?: Date },
): Promise<{ order: OrderDetail; guestToken: string | null; store: StoreSettings }> {
  const { input, customer } = o;
  const email = customer?.email ?? input.email;
  if (!email) {
    throw new AppError('VALIDATION', 'Enter the email address the confirmation should go to.', {
      fields: { email: 'required for a guest' },
    });
  }
  const store = await getStoreSettings(tx);
  const cart = await lockCartForCheckout(tx, { cartId: o.cartId, shopper: customer, currency: store.currency });
  // Stock that ran out since the review is the likeliest change under load: the buyer hears "sold out", by name.
  const short = cart.lines.find(
    (line) =>
      line.warnings.some((w) => w.code === 'out-of-stock') || (line.isPurchasable && line.available < line.quantity),
  );
  if (short) {
    const what = short.available <= 0 ? 'sold out' : `only ${short.available} left`;
    throw new AppError('SOLD_OUT', `${short.name} is ${what}.`, { fields: { [`items.${short.id}`]: what } });
  }
  if (cart.fingerprint !== input.fingerprint) throw cartChanged(cart);
  refuseUnbuyable(cart);

  const hasRefrigerated = cart.lines.some((line) => line.storage === 'refrigerated');
  const shipping = await quoteShipping(tx, {
    code: input.shippingMethod,
    subtotalCents: cart.subtotalCents,
    hasRefrigerated,
  });
  if (!shipping.allowed) {
    throw new AppError('VALIDATION', shipping.reason, { fields: { shippingMethod: shipping.reason } });
  }
  const address = { ...input.shippingAddress, state: input.shippingAddress.state.toUpperCase() };
  const isExempt = customer ? await hasTaxExemption(tx, customer.id, address.state) : false;
  const taxCents = await quoteTax(tx, {
    state: address.state,
    itemsCents: cart.subtotalCents,
    shippingCents: shipping.cents,
    isExempt,
  });
  const totalCents = cart.subtotalCents + shipping.cents + taxCents;
  if (input.paymentMethod === 'invoice') await checkInvoiceAllowed(tx, customer, totalCents, store.currency);

  const number = await nextOrderNumber(tx);
  // Everything that does not need the lots comes before them: from their lock to the commit, every statement
  // makes the next buyer of the same products wait. A refusal below rolls the emptied cart back with the rest.
  await emptyCart(tx, ctx.cache, cart);
  const allocations = await allocateLines(tx, ctx.cache, cart.lines, number);
  const lines: NewOrderLine[] = cart.lines.map((line) => ({
    productId: line.productId,
    sku: line.sku,
    name: line.name,
    quantity: line.quantity,
    unitPriceCents: line.unitPriceCents,
    storage: line.storage,
    allocations: allocations.get(line.id)!,
  }));
  const isRefrigerated = shipping.method.code === 'refrigerated';
  const placed = await createOrder(
    tx,
    {
      number,
      customerId: customer?.id ?? null,
      email,
      paymentMethod: input.paymentMethod,
      shippingMethod: { code: shipping.method.code, name: shipping.method.name },
      shippingAddress: address,
      subtotalCents: cart.subtotalCents,
      shippingCents: shipping.cents,
      taxCents,
      currency: store.currency,
      expectedShipOn: expectedShipDate({
        now: o.now ?? new Date(),
        timeZone: store.timeZone,
        isRefrigerated,
        cutoffHour: shipping.cutoffHour,
      }),
      lines,
    },
    { ...ctx.config, store },
  );
  return { ...placed, store };
}
