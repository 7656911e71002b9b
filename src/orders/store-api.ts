import { createRoute } from '@hono/zod-openapi';
import { requireCustomer } from '#src/accounts/sessions/current.ts';
import { AppError } from '#src/lib/errors.ts';
import { settingsOf } from '#src/store/settings.ts';
import { createApiRouter } from '#src/web/api.ts';
import { json, problemResponse } from '#src/web/openapi.ts';
import {
  decodeOrderCursor,
  encodeOrderCursor,
  OrderListQuerySchema,
  OrderListSchema,
  OrderNumberParams,
  OrderSchema,
} from './api-schemas.ts';
import { findCustomerOrder, listCustomerOrders } from './queries.ts';
import { toOrderJson, toOrderSummaryJson } from './serialize.ts';

/** The signed-in customer's orders in the store API under /api/store/orders. */
export const orderStoreApi = createApiRouter();

// The same schemes the account API declares, so the document names one customer session.
orderStoreApi.openAPIRegistry.registerComponent('securitySchemes', 'bearerSession', {
  type: 'http',
  scheme: 'bearer',
  description: 'The `token` returned by `POST /api/store/session`.',
});
orderStoreApi.openAPIRegistry.registerComponent('securitySchemes', 'cookieSession', {
  type: 'apiKey',
  in: 'cookie',
  name: 'sid',
  description: "The session cookie set at sign-in. Requests carrying it must come from the store's own origin.",
});
const security: Record<string, string[]>[] = [{ bearerSession: [] }, { cookieSession: [] }];
const tags = ['orders'];

// Orders are one customer's: never stored by the store's cache or anything between.
orderStoreApi.use('/orders', async (c, next) => {
  await next();
  c.header('Cache-Control', 'private, no-store');
});
orderStoreApi.use('/orders/*', async (c, next) => {
  await next();
  c.header('Cache-Control', 'private, no-store');
});

orderStoreApi.openapi(
  createRoute({
    method: 'get',
    path: '/orders',
    operationId: 'listOrders',
    tags,
    summary: "The signed-in customer's orders, newest first",
    description: 'Keyset pages: pass `nextCursor` as `cursor` for the next one.',
    security,
    request: { query: OrderListQuerySchema },
    responses: {
      200: json(OrderListSchema, 'A page of orders'),
      400: problemResponse('An invalid parameter'),
      401: problemResponse('Not signed in'),
      403: problemResponse('A cookie-authenticated request from another site'),
    },
  }),
  async (c) => {
    const customer = await requireCustomer(c);
    const q = c.req.valid('query');
    const page = await listCustomerOrders(c.var.ctx.db, {
      customerId: customer.id,
      limit: q.limit,
      before: decodeOrderCursor(q.cursor),
    });
    return c.json({ items: page.items.map(toOrderSummaryJson), nextCursor: encodeOrderCursor(page.nextBefore) }, 200);
  },
);

orderStoreApi.openapi(
  createRoute({
    method: 'get',
    path: '/orders/{number}',
    operationId: 'getOrder',
    tags,
    summary: 'One of the signed-in customer’s orders, with lines, lots, addresses and history',
    security,
    request: { params: OrderNumberParams },
    responses: {
      200: json(OrderSchema, 'The order'),
      401: problemResponse('Not signed in'),
      403: problemResponse('A cookie-authenticated request from another site'),
      404: problemResponse("No such order in this account (another customer's order is not found either)"),
    },
  }),
  async (c) => {
    const customer = await requireCustomer(c);
    const { ctx } = c.var;
    const order = await findCustomerOrder(ctx.db, customer.id, c.req.valid('param').number);
    if (!order) throw new AppError('NOT_FOUND', 'You have no order with this number.');
    return c.json(toOrderJson(order, await settingsOf(ctx), ctx.config.orderPayDays), 200);
  },
);
