import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { currentCustomer } from '#src/accounts/sessions/current.ts';
import { AppError } from '#src/lib/errors.ts';
import { isWellFormedToken } from '#src/lib/tokens.ts';
import { createApiRouter } from '#src/web/api.ts';
import type { AppEnv } from '#src/web/context.ts';
import { json, jsonBody, problemResponse } from '#src/web/openapi.ts';
import { AddCartItemSchema, CartSchema, toCartJson, UpdateCartItemSchema } from './api-schemas.ts';
import { addCartItem, createCart, loadCart, removeCartItem, updateCartItem } from './service.ts';
import { cartSummary } from './visitor-cart.ts';

/** Carts in the store API under /api/store/carts, addressed by their unguessable ids. */
export const cartApi = createApiRouter();

cartApi.openAPIRegistry.registerComponent('securitySchemes', 'bearerSession', {
  type: 'http',
  scheme: 'bearer',
  description: 'The `token` returned by `POST /api/store/session`.',
});
cartApi.openAPIRegistry.registerComponent('securitySchemes', 'cookieSession', {
  type: 'apiKey',
  in: 'cookie',
  name: 'sid',
  description: "The session cookie set at sign-in. Requests carrying it must come from the store's own origin.",
});
// Guests may shop; a customer's session makes the cart theirs.
const security: Record<string, string[]>[] = [{}, { bearerSession: [] }, { cookieSession: [] }];
const TAGS = ['cart'];
const CART_ID = z
  .string()
  .max(100)
  .openapi({ param: { name: 'id', in: 'path' }, example: 'q9fX1c0bK7n2m4p6r8t0v2x4z6B8D0F2H4J6L8N0P2R' });
const ITEM_ID = z
  .string()
  .max(100)
  .openapi({ param: { name: 'itemId', in: 'path' }, example: '5b0c2f8e-2f7a-4d8e-9b1a-3f6c1e2d4a5b' });
const notFound = problemResponse('No such cart, or a cart that belongs to another customer');
const crossSite = problemResponse('A cookie-authenticated request from another site');

/** A cart is anyone's who knows its id, unless it belongs to a customer: then it is theirs alone, and 404 to others. */
export async function shopperCartOf(c: Context<AppEnv>, id: string) {
  const customer = await currentCustomer(c);
  // The cached summary says whose the cart is; every write that changes an owner announces it (merge.ts).
  const summary = isWellFormedToken(id) ? await cartSummary(c, id) : null;
  if (!summary || (summary.customerId !== null && summary.customerId !== customer?.id)) {
    throw new AppError('NOT_FOUND', 'There is no cart with this id.');
  }
  c.header('Cache-Control', 'private, no-store');
  return { cart: { id, customerId: summary.customerId }, customer };
}

type ShopperCart = Awaited<ReturnType<typeof shopperCartOf>>;

// After a write the cart is answered as this request found it, whose it is included: checking that again would
// cost a query, as the write just made every instance forget the cart's summary. A read may use the cached lines.
async function answerCart(
  c: Context<AppEnv>,
  { cart, customer }: ShopperCart,
  o: { isCached?: boolean; isNew?: boolean } = {},
) {
  return toCartJson(await loadCart(c.var.ctx, { cart, shopper: customer, ...o }));
}

cartApi.openapi(
  createRoute({
    method: 'post',
    path: '/carts',
    operationId: 'createCart',
    tags: TAGS,
    summary: 'Create a cart',
    description:
      "An empty cart. Created with a customer's session (cookie or bearer token), it belongs to that customer and " +
      'answers 404 to anyone else; without one, anyone who knows its id may use it.',
    security,
    responses: {
      201: {
        ...json(CartSchema, 'Created; `Location` is its address'),
        headers: { Location: { schema: { type: 'string' } } },
      },
      403: crossSite,
    },
  }),
  async (c) => {
    const customer = await currentCustomer(c);
    const customerId = customer?.id ?? null;
    const id = await createCart(c.var.ctx, { customerId });
    c.header('Location', `/api/store/carts/${id}`);
    c.header('Cache-Control', 'private, no-store');
    return c.json(await answerCart(c, { cart: { id, customerId }, customer }, { isNew: true }), 201);
  },
);

cartApi.openapi(
  createRoute({
    method: 'get',
    path: '/carts/{id}',
    operationId: 'getCart',
    tags: TAGS,
    summary: 'A cart, priced now',
    description:
      'Prices come from the catalogue at the time of the request. A line asking for more than is available is ' +
      'lowered to what is, and its `warnings` say so once; other warnings last while their cause does.',
    security,
    request: { params: z.object({ id: CART_ID }) },
    responses: { 200: json(CartSchema, 'The cart'), 404: notFound },
  }),
  async (c) => c.json(await answerCart(c, await shopperCartOf(c, c.req.valid('param').id), { isCached: true }), 200),
);

cartApi.openapi(
  createRoute({
    method: 'post',
    path: '/carts/{id}/items',
    operationId: 'addCartItem',
    tags: TAGS,
    summary: 'Add a product to a cart',
    description:
      'Adds to the line of the product if the cart has one. A price in the body is refused (400): prices come ' +
      'from the catalogue only.',
    security,
    request: {
      params: z.object({ id: CART_ID }),
      body: jsonBody(AddCartItemSchema, {
        description: 'The product, by `productId` or `slug`, and how many',
        example: { slug: 'hair-supplement-gummies', quantity: 2 },
      }),
    },
    responses: {
      200: json(CartSchema, 'The cart with the product added'),
      403: problemResponse('A restricted product this shopper may not order (`NOT_ENTITLED`), or a cross-site request'),
      404: notFound,
      409: problemResponse('The product is out of stock (`SOLD_OUT`)'),
      422: problemResponse('No such product on sale, or more than is available or than 99 in one line'),
    },
  }),
  async (c) => {
    const shopperCart = await shopperCartOf(c, c.req.valid('param').id);
    const { cart, customer } = shopperCart;
    const { quantity, ...product } = c.req.valid('json');
    await addCartItem(c.var.ctx, { cartId: cart.id, shopper: customer, product, quantity });
    return c.json(await answerCart(c, shopperCart), 200);
  },
);

cartApi.openapi(
  createRoute({
    method: 'patch',
    path: '/carts/{id}/items/{itemId}',
    operationId: 'updateCartItem',
    tags: TAGS,
    summary: "Change a line's quantity",
    security,
    request: {
      params: z.object({ id: CART_ID, itemId: ITEM_ID }),
      body: jsonBody(UpdateCartItemSchema, { description: 'The new quantity', example: { quantity: 3 } }),
    },
    responses: {
      200: json(CartSchema, 'The cart with the new quantity'),
      403: crossSite,
      404: problemResponse('No such cart or line, or a cart of another customer'),
      409: problemResponse('The product is out of stock (`SOLD_OUT`)'),
      422: problemResponse('More than is available, or than 99 in one line'),
    },
  }),
  async (c) => {
    const { id, itemId } = c.req.valid('param');
    const shopperCart = await shopperCartOf(c, id);
    const { cart } = shopperCart;
    await updateCartItem(c.var.ctx, { cartId: cart.id, itemId, quantity: c.req.valid('json').quantity });
    return c.json(await answerCart(c, shopperCart), 200);
  },
);

cartApi.openapi(
  createRoute({
    method: 'delete',
    path: '/carts/{id}/items/{itemId}',
    operationId: 'removeCartItem',
    tags: TAGS,
    summary: 'Remove a line from a cart',
    security,
    request: { params: z.object({ id: CART_ID, itemId: ITEM_ID }) },
    responses: {
      200: json(CartSchema, 'The cart without the line'),
      403: crossSite,
      404: problemResponse('No such cart or line, or a cart of another customer'),
    },
  }),
  async (c) => {
    const { id, itemId } = c.req.valid('param');
    const shopperCart = await shopperCartOf(c, id);
    await removeCartItem(c.var.ctx, { cartId: shopperCart.cart.id, itemId });
    return c.json(await answerCart(c, shopperCart), 200);
  },
);
