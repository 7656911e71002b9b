import { randomUUID } from 'node:crypto';
import type { Customer } from '#src/accounts/schema.ts';
import type { CartView } from '#src/cart/cart-view.ts';
import { hasTaxExemption } from '#src/licences/tax-exemption.ts';
import { expectedShipDateOf, quoteShipping } from '#src/shipping/methods.ts';
import { quoteTax } from '#src/tax/rates.ts';
import type { AppContext } from '#src/web/context.ts';
import type { CheckoutInput } from './validators.ts';

export type ReviewTotals = {
  methodName: string;
  shippingCents: number;
  taxCents: number;
  isTaxExempt: boolean;
  totalCents: number;
  shipOn: string;
  /** The cart as reviewed, and a new key for this review's "Place order": a resubmit sends the same one. */
  fingerprint: string;
  idempotencyKey: string;
};

/** The review's figures, priced as placeOrder will price them (it prices them again when the order is placed). */
export async function priceReview(
  ctx: AppContext,
  o: { customer: Customer | undefined; cart: CartView; input: Omit<CheckoutInput, 'fingerprint'>; now?: Date },
): Promise<ReviewTotals> {
  const { cart, input } = o;
  const hasRefrigerated = cart.lines.some((line) => line.isPurchasable && line.storage === 'refrigerated');
  const quote = await quoteShipping(ctx.db, {
    code: input.shippingMethod,
    subtotalCents: cart.subtotalCents,
    hasRefrigerated,
  });
  // The shipping step let only an allowed method through; staff may have switched it off since.
  const shippingCents = quote.allowed ? quote.cents : 0;
  const state = input.shippingAddress.state.toUpperCase();
  const isTaxExempt = o.customer ? await hasTaxExemption(ctx.db, o.customer.id, state) : false;
  const taxCents = await quoteTax(ctx.db, {
    state,
    itemsCents: cart.subtotalCents,
    shippingCents,
    isExempt: isTaxExempt,
  });
  const shipOn = await expectedShipDateOf(ctx, {
    now: o.now ?? new Date(),
    isRefrigerated: quote.allowed && quote.method.code === 'refrigerated',
  });
  return {
    methodName: quote.allowed ? quote.method.name : input.shippingMethod,
    shippingCents,
    taxCents,
    isTaxExempt,
    totalCents: cart.subtotalCents + shippingCents + taxCents,
    shipOn,
    fingerprint: cart.fingerprint,
    idempotencyKey: randomUUID(),
  };
}
