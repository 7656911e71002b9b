import { createRoute, z } from '@hono/zod-openapi';
import { settingsOf } from '#src/store/settings.ts';
import { createApiRouter } from '#src/web/api.ts';
import { tagPage } from '#src/web/cache-middleware.ts';
import { json } from '#src/web/openapi.ts';
import { isRefrigeratedMethod, listShippingMethods, SHIPPING_METHODS_TAG } from './methods.ts';
import { SHIPPING_METHOD_CODES, type ShippingMethod } from './schema.ts';

/** The shipping methods in the store API, for storefronts that show them before checkout. */
export const shippingApi = createApiRouter();

const ShippingMethodSchema = z
  .object({
    code: z.enum(SHIPPING_METHOD_CODES).openapi({ description: 'What checkout takes as `shippingMethod`.' }),
    name: z.string(),
    description: z.string(),
    rateCents: z.number().int().openapi({
      description: 'What the method costs below `freeAboveCents`, surcharge included, in the minor unit of `currency`.',
    }),
    freeAboveCents: z.number().int().nullable().openapi({
      description:
        'From this item subtotal on, the rate is waived and only `surchargeCents` is charged; null for never.',
    }),
    surchargeCents: z.number().int().openapi({
      description: 'The part of `rateCents` that is never waived: cold-chain packaging for refrigerated parcels.',
    }),
    currency: z.string().openapi({ example: 'USD' }),
    isRefrigerated: z.boolean().openapi({
      description:
        'A cart holding a refrigerated product must ship by this method; such parcels leave Monday to Wednesday only.',
    }),
  })
  .openapi('ShippingMethod');

const ShippingMethodListSchema = z.object({ items: z.array(ShippingMethodSchema) }).openapi('ShippingMethodList', {
  example: {
    items: [
      {
        code: 'standard',
        name: 'Standard',
        description: 'Ground, 2 to 5 business days. Free on orders of $150 or more.',
        rateCents: 795,
        freeAboveCents: 15000,
        surchargeCents: 0,
        currency: 'USD',
        isRefrigerated: false,
      },
    ],
  },
});

function toShippingMethodJson(m: ShippingMethod, currency: string): z.infer<typeof ShippingMethodSchema> {
  return {
    code: m.code,
    name: m.name,
    description: m.description,
    rateCents: m.rateCents + m.surchargeCents,
    freeAboveCents: m.freeAboveCents,
    surchargeCents: m.surchargeCents,
    currency,
    isRefrigerated: isRefrigeratedMethod(m),
  };
}

shippingApi.openapi(
  createRoute({
    method: 'get',
    path: '/shipping-methods',
    operationId: 'listShippingMethods',
    security: [],
    tags: ['shipping'],
    summary: 'The shipping methods shoppers may choose, in the order the store lists them',
    description:
      'Checkout prices the chosen method for the cart: `rateCents`, or only `surchargeCents` once the item ' +
      'subtotal reaches `freeAboveCents`. A cart holding a refrigerated product can only ship by the method with ' +
      '`isRefrigerated`.',
    responses: { 200: json(ShippingMethodListSchema, 'The methods on offer') },
  }),
  async (c) => {
    tagPage(c, SHIPPING_METHODS_TAG);
    const { ctx } = c.var;
    const [methods, settings] = await Promise.all([listShippingMethods(ctx.db), settingsOf(ctx)]);
    return c.json({ items: methods.map((m) => toShippingMethodJson(m, settings.currency)) }, 200);
  },
);
