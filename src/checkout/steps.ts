import { findAddress, listAddresses } from '#src/accounts/addresses/address-book.ts';
import { invoiceTermsOf } from '#src/accounts/business/terms.ts';
import type { Address, BusinessTerms, Customer } from '#src/accounts/schema.ts';
import { emailSchema } from '#src/accounts/validators.ts';
import type { CartView } from '#src/cart/cart-view.ts';
import type { Db } from '#src/db/client.ts';
import { AppError, type FieldErrors } from '#src/lib/errors.ts';
import { openInvoiceBalanceCents } from '#src/orders/queries.ts';
import { listShippingOptions, type ShippingQuote } from '#src/shipping/methods.ts';
import type { ShippingMethod } from '#src/shipping/schema.ts';
import type { FormValues } from '#src/web/forms.ts';
import { fieldErrorsOf } from '#src/web/validation.ts';
import { type CheckoutInput, usAddressSchema } from './validators.ts';

/*
 * How the steps remember the shopper's choices: nowhere on the server. Each step is one form posted to
 * `POST /checkout` with `step` naming it; the page it answers carries every earlier choice as hidden fields, and
 * the server checks every step up to the one posted each time (the first that fails is shown again, with the
 * values typed and the errors). Nothing personal is stored or cached between steps, a second tab cannot mix up
 * the first's choices, and placing the order checks everything once more (placeOrder).
 */

export const STEPS = ['contact', 'address', 'shipping', 'payment', 'review'] as const;
export type Step = (typeof STEPS)[number];

export const STEP_TITLES: Record<Step, string> = {
  contact: 'Contact',
  address: 'Shipping address',
  shipping: 'Shipping method',
  payment: 'Payment',
  review: 'Review',
};

export const ADDRESS_FIELDS = ['name', 'line1', 'line2', 'city', 'state', 'postalCode', 'phone'] as const;

/** The fields each step's form shows; every other choice rides along hidden. */
export const STEP_FIELDS: Record<Step, readonly string[]> = {
  contact: ['email'],
  address: ['addressId', ...ADDRESS_FIELDS],
  shipping: ['shippingMethod'],
  payment: ['paymentMethod'],
  review: [],
};

export const NEW_ADDRESS = 'new';

export function isStep(value: string | undefined): value is Step {
  return (STEPS as readonly string[]).includes(value ?? '');
}

export function nextStep(step: Step): Step {
  return STEPS[Math.min(STEPS.indexOf(step) + 1, STEPS.length - 1)]!;
}

/** Who is checking out and what: read once per request. */
export type Shopper = { customer: Customer | undefined; cart: CartView };

export type ShippingOption = { method: ShippingMethod; quote: ShippingQuote };

/** What the address step offers a signed-in customer: their US addresses. */
export async function addressBookOf(db: Db, customer: Customer | undefined): Promise<Address[]> {
  if (!customer) return [];
  return (await listAddresses(db, customer.id)).filter((a) => a.country === 'US');
}

export function hasRefrigerated(cart: CartView): boolean {
  return cart.lines.some((line) => line.isPurchasable && line.storage === 'refrigerated');
}

export function shippingOptionsOf(db: Db, cart: CartView): Promise<ShippingOption[]> {
  return listShippingOptions(db, { subtotalCents: cart.subtotalCents, hasRefrigerated: hasRefrigerated(cart) });
}

export async function invoiceOffer(
  db: Db,
  customer: Customer | undefined,
): Promise<{ terms: BusinessTerms; owedCents: number } | undefined> {
  const terms = customer ? await invoiceTermsOf(db, customer.id) : undefined;
  if (!customer || !terms) return undefined;
  return { terms, owedCents: await openInvoiceBalanceCents(db, customer.id) };
}

type Checked = { ok: true; input: Omit<CheckoutInput, 'fingerprint'> } | { ok: false; step: Step; errors: FieldErrors };

async function addressOf(db: Db, shopper: Shopper, v: FormValues) {
  const id = v.addressId ?? '';
  if (shopper.customer && id && id !== NEW_ADDRESS) {
    try {
      const a = await findAddress(db, shopper.customer.id, id);
      return usAddressSchema.safeParse({
        name: a.name,
        line1: a.line1,
        line2: a.line2,
        city: a.city,
        state: a.state,
        postalCode: a.postalCode,
        country: a.country,
        phone: a.phone,
      });
    } catch (err) {
      if (err instanceof AppError && err.code === 'NOT_FOUND') {
        return usAddressSchema.safeParse({ name: '' });
      }
      throw err;
    }
  }
  const typed = Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, v[f] ?? '']));
  return usAddressSchema.safeParse({ ...typed, country: 'US' });
}

/**
 * Checks every step before `upTo` (and `upTo` itself unless it is the review, which has no fields): the choices
 * as checkout will take them, or the first step that needs fixing with its field errors.
 */
export async function checkSteps(db: Db, shopper: Shopper, v: FormValues, upTo: Step): Promise<Checked> {
  const last = STEPS.indexOf(upTo);
  let email: string | undefined;
  if (!shopper.customer) {
    const parsed = emailSchema.safeParse(v.email ?? '');
    if (!parsed.success) {
      return { ok: false, step: 'contact', errors: { email: fieldErrorsOf(parsed.error)._ ?? 'Enter your email.' } };
    }
    email = parsed.data;
  }
  if (last < 1) return { ok: true, input: partial(email) };

  const address = await addressOf(db, shopper, v);
  if (!address.success) {
    const errors = fieldErrorsOf(address.error);
    if (v.addressId && v.addressId !== NEW_ADDRESS) errors.addressId = 'Choose an address in the United States.';
    return { ok: false, step: 'address', errors };
  }
  if (last < 2) return { ok: true, input: { ...partial(email), shippingAddress: address.data } };

  const options = await shippingOptionsOf(db, shopper.cart);
  const chosen = options.find((o) => o.method.code === v.shippingMethod);
  if (!chosen) return { ok: false, step: 'shipping', errors: { shippingMethod: 'Choose a shipping method.' } };
  if (!chosen.quote.allowed) return { ok: false, step: 'shipping', errors: { shippingMethod: chosen.quote.reason } };
  const input = { ...partial(email), shippingAddress: address.data, shippingMethod: chosen.method.code };
  if (last < 3) return { ok: true, input };

  if (v.paymentMethod === 'phone') return { ok: true, input: { ...input, paymentMethod: 'phone' } };
  if (v.paymentMethod === 'invoice' && (await invoiceOffer(db, shopper.customer))) {
    return { ok: true, input: { ...input, paymentMethod: 'invoice' } };
  }
  const error =
    v.paymentMethod === 'invoice'
      ? 'Paying by invoice is for business accounts the store has approved for it.'
      : 'Choose how you will pay.';
  return { ok: false, step: 'payment', errors: { paymentMethod: error } };
}

// Until the later steps are checked their fields hold placeholders no one reads.
function partial(email: string | undefined): Omit<CheckoutInput, 'fingerprint'> {
  return {
    ...(email ? { email } : {}),
    shippingAddress: { name: '', line1: '', line2: '', city: '', state: '', postalCode: '', country: 'US', phone: '' },
    shippingMethod: '',
    paymentMethod: 'phone',
  };
}

/** The step whose fields a refusal of placeOrder names, so the shopper sees it where they can fix it. */
export function stepOfError(err: AppError): Step {
  const fields = Object.keys(err.fields ?? {});
  if (fields.includes('email')) return 'contact';
  if (fields.some((f) => (ADDRESS_FIELDS as readonly string[]).includes(f) || f.startsWith('shippingAddress'))) {
    return 'address';
  }
  if (fields.includes('shippingMethod')) return 'shipping';
  if (fields.includes('paymentMethod')) return 'payment';
  return 'review';
}
