import { z } from '@hono/zod-openapi';
import { addressSnapshotSchema } from '#src/accounts/validators.ts';
import { PAYMENT_METHODS } from '#src/orders/schema.ts';
import { isTaxState } from '#src/tax/states.ts';

// The store ships within the United States: the address must name one of the states (or DC) it taxes by.
/** An address the store ships to: the address book's fields, in one of the states (or DC) it taxes by. */
export const usAddressSchema = addressSnapshotSchema.superRefine((a, ctx) => {
  if (a.country !== 'US') {
    ctx.addIssue({ code: 'custom', path: ['country'], message: 'We ship within the United States only.' });
  } else if (a.state && !isTaxState(a.state.toUpperCase())) {
    ctx.addIssue({ code: 'custom', path: ['state'], message: 'Enter the two-letter code of a US state, such as AZ.' });
  }
});

/** What placing an order takes; prices never come from the client, and an unknown field is refused. */
export const checkoutBodySchema = z
  .object({
    /** A guest's address for the confirmation; a signed-in customer's order goes to their account's. */
    email: z.email({ error: 'Enter an email address such as name@example.com.' }).max(254).optional(),
    shippingAddress: usAddressSchema,
    shippingMethod: z.string().min(1).max(40),
    paymentMethod: z.enum(PAYMENT_METHODS),
    /** The cart's fingerprint as the customer reviewed it. */
    fingerprint: z.string().min(1).max(200),
  })
  .strict();

export type CheckoutInput = z.infer<typeof checkoutBodySchema>;

/**
 * A checkout step's form, as posted: every field is text, checked step by step in steps.ts (which knows what the
 * shopper may choose); here only its size is bounded.
 */
export const checkoutFormSchema = z.record(z.string(), z.string().max(500, 'Use at most 500 characters.'));
