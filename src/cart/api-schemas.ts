import { z } from '@hono/zod-openapi';
import { STORAGE_CLASSES } from '#src/catalog/schema.ts';
import type { CartView } from './cart-view.ts';
import { quantitySchema } from './validators.ts';

const WarningSchema = z
  .object({
    code: z.enum(['out-of-stock', 'quantity-lowered', 'not-entitled', 'not-sold', 'price-changed']),
    message: z.string().openapi({ description: 'A sentence the shopper can read.' }),
    howToQualify: z.string().optional().openapi({ description: 'For `not-entitled`: what would let them order it.' }),
  })
  .openapi('CartWarning');

const CartItemSchema = z
  .object({
    id: z.string().openapi({ example: '5b0c2f8e-2f7a-4d8e-9b1a-3f6c1e2d4a5b' }),
    productId: z.string(),
    slug: z.string().openapi({ example: 'hair-supplement-gummies' }),
    name: z.string(),
    quantity: z.number().int(),
    unitPriceCents: z.number().int().openapi({ description: "The catalogue's price today." }),
    lineTotalCents: z
      .number()
      .int()
      .openapi({ description: 'Zero for a line that cannot be bought now (its `warnings` say why).' }),
    storage: z.enum(STORAGE_CLASSES),
    warnings: z.array(WarningSchema),
  })
  .openapi('CartItem');

export const CartSchema = z
  .object({
    id: z.string().openapi({ description: 'The unguessable id that addresses this cart.' }),
    items: z.array(CartItemSchema),
    subtotalCents: z.number().int().openapi({ description: 'Sum of the lines that can be bought now.' }),
    itemCount: z.number().int().openapi({ description: 'Units in the cart.' }),
    fingerprint: z
      .string()
      .openapi({ description: "A hash of the cart's lines and prices; checkout refuses one that no longer matches." }),
    currency: z.string().openapi({ example: 'USD' }),
  })
  .openapi('Cart');

export const AddCartItemSchema = z
  .object({
    productId: z.uuid().optional().openapi({ description: 'The product, by id; or give `slug`.' }),
    slug: z.string().min(1).max(200).optional().openapi({ description: 'The product, by slug; or give `productId`.' }),
    quantity: quantitySchema,
  })
  .strict()
  .refine((body) => (body.productId === undefined) !== (body.slug === undefined), {
    error: 'Name the product by exactly one of `productId` or `slug`.',
    path: ['productId'],
  })
  .openapi('AddCartItem');

export const UpdateCartItemSchema = z.object({ quantity: quantitySchema }).strict().openapi('UpdateCartItem');

export function toCartJson(cart: CartView): z.infer<typeof CartSchema> {
  return {
    id: cart.id,
    items: cart.lines.map((line) => ({
      id: line.id,
      productId: line.productId,
      slug: line.slug,
      name: line.name,
      quantity: line.quantity,
      unitPriceCents: line.unitPriceCents,
      lineTotalCents: line.lineTotalCents,
      storage: line.storage,
      warnings: line.warnings,
    })),
    subtotalCents: cart.subtotalCents,
    itemCount: cart.itemCount,
    fingerprint: cart.fingerprint,
    currency: cart.currency,
  };
}
