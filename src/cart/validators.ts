import { z } from '@hono/zod-openapi';
import { MAX_LINE_QUANTITY } from './cart-view.ts';

const QUANTITY_MESSAGE = `Enter a whole number from 1 to ${MAX_LINE_QUANTITY}.`;

/** A quantity in a JSON body: a whole number of units, at least one, at most MAX_LINE_QUANTITY. */
export const quantitySchema = z
  .number({ error: QUANTITY_MESSAGE })
  .int({ error: QUANTITY_MESSAGE })
  .min(1, { error: QUANTITY_MESSAGE })
  .max(MAX_LINE_QUANTITY, { error: QUANTITY_MESSAGE })
  .openapi({ example: 2 });

/** A quantity typed into a form: the same rule, from text. */
const formQuantitySchema = z
  .string()
  .trim()
  .regex(/^\d{1,3}$/, { error: QUANTITY_MESSAGE })
  .transform(Number)
  .pipe(z.number().int().min(1, { error: QUANTITY_MESSAGE }).max(MAX_LINE_QUANTITY, { error: QUANTITY_MESSAGE }));

/** "Add to cart" on a product card or page: the product's address, how many, and the page to go back to. */
export const addToCartFormSchema = z.strictObject({
  product: z.string().trim().min(1).max(200),
  quantity: formQuantitySchema.optional().default(1),
  back: z.string().max(1000).optional(),
});

/** A new quantity for a line on the cart page. */
export const quantityFormSchema = z.strictObject({ quantity: formQuantitySchema });
