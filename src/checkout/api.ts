import { createRoute, z } from '@hono/zod-openapi';
import { shopperCartOf } from '#src/cart/api.ts';
import { OrderSchema } from '#src/orders/api-schemas.ts';
import { toOrderJson } from '#src/orders/serialize.ts';
import { createApiRouter } from '#src/web/api.ts';
import { IdempotencyKeyHeaders, withIdempotency } from '#src/web/idempotency.ts';
import { json, jsonBody, problemResponse } from '#src/web/openapi.ts';
import { placeOrder } from './place-order.ts';
import { checkoutBodySchema } from './validators.ts';

/** Placing an order from a cart, in the store API: `POST /api/store/carts/{id}/checkout`. */
export const checkoutApi = createApiRouter();

const security: Record<string, string[]>[] = [{}, { bearerSession: [] }, { cookieSession: [] }];
const CART_ID = z
  .string()
  .max(100)
  .openapi({ param: { name: 'id', in: 'path' }, example: 'q9fX1c0bK7n2m4p6r8t0v2x4z6B8D0F2H4J6L8N0P2R' });

checkoutApi.openapi(
  createRoute({
    method: 'post',
    path: '/carts/{id}/checkout',
    operationId: 'placeOrder',
    tags: ['checkout'],
    summary: 'Place the order for a cart',
    description:
      'Checks the cart again as the customer reviewed it (send the `fingerprint` the cart answered): a change of ' +
      'price, stock or entitlement since is refused, naming what changed, and nothing is charged or allocated. ' +
      'Prices, shipping and tax are computed here. Guests give an `email` and may order open products only. ' +
      '`invoice` is for business accounts with invoice terms, within their credit limit. The stock is allocated ' +
      'first expiry first out, and the cart is emptied. Send an `Idempotency-Key` so that a retried request ' +
      'returns the first order instead of placing another.',
    security,
    request: {
      params: z.object({ id: CART_ID }),
      headers: IdempotencyKeyHeaders,
      body: jsonBody(checkoutBodySchema, {
        example: {
          email: 'dana@lakeside-clinic.example',
          shippingAddress: {
            name: 'Dana Whitfield',
            line1: '410 Lakeshore Drive',
            line2: 'Suite 2',
            city: 'Tempe',
            state: 'AZ',
            postalCode: '85281',
            country: 'US',
            phone: '+1 480 555 0142',
          },
          shippingMethod: 'standard',
          paymentMethod: 'phone',
          fingerprint: 'Qm9hcmQgY29sb3VyIG9mIHRoZSBjYXJ0IHJldmlld2Vk',
        },
      }),
    },
    responses: {
      201: {
        ...json(OrderSchema, 'The order placed, with its lots; `Location` is where to read it again'),
        headers: { Location: { schema: { type: 'string' } } },
      },
      400: problemResponse('Invalid body (a price, an unknown field), or a malformed Idempotency-Key'),
      403: problemResponse('A cookie-authenticated request from another site'),
      404: problemResponse('No such cart, or a cart that belongs to another customer'),
      409: problemResponse(
        'A product sold out (code `SOLD_OUT`, naming it), or the cart changed since it was reviewed (code ' +
          '`FINGERPRINT_CHANGED`, naming the changes)',
      ),
      422: problemResponse(
        'Refused as it stands: an empty cart or one holding products this customer may not order, a shipping ' +
          'method the cart cannot take (refrigerated products ship refrigerated), invoice without terms or over the ' +
          'credit limit, or an Idempotency-Key used for another request (code `IDEMPOTENCY_KEY_REUSED`)',
      ),
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const { cart, customer } = await shopperCartOf(c, id);
    const { cache, config } = c.var.ctx;
    const scope = customer ? `customer:${customer.id}` : `cart:${cart.id}`;
    const answer = await withIdempotency(
      c,
      { scope, operation: 'placeOrder', body: { cart: cart.id, ...input } },
      async (tx) => {
        const { order, guestToken, store } = await placeOrder(
          tx,
          { cache, config },
          { cartId: cart.id, customer, input },
        );
        const location = guestToken
          ? `/orders/${order.number}?token=${guestToken}`
          : `/api/store/orders/${order.number}`;
        const body = toOrderJson(order, store, config.orderPayDays);
        return { status: 201 as const, body, headers: { Location: location } };
      },
    );
    c.header('Cache-Control', 'private, no-store');
    return c.json(answer.body, answer.status);
  },
);
