import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Db } from '#src/db/client.ts';
import { AppError } from '#src/lib/errors.ts';
import { requireStaff } from '#src/staff/current.ts';
import { settingsOf } from '#src/store/settings.ts';
import { createApiRouter } from '#src/web/api.ts';
import type { AppEnv } from '#src/web/context.ts';
import { IdempotencyKeyHeaders, keyReusedResponse, withIdempotency } from '#src/web/idempotency.ts';
import { json, jsonBody, problemResponse, staffProblems } from '#src/web/openapi.ts';
import { listAdminOrders } from './admin-queries.ts';
import {
  AdminOrderListQuerySchema,
  AdminOrderListSchema,
  AdminOrderSchema,
  CancelBodySchema,
  decodeOrderCursor,
  encodeOrderCursor,
  OrderNumberParams,
  ShipBodySchema,
} from './api-schemas.ts';
import { findOrder, findOrderCustomer, type OrderDetail } from './queries.ts';
import { toAdminOrderJson, toAdminOrderSummaryJson } from './serialize.ts';
import { cancelOrder, deliverOrder, markOrderPaid, type OrderWrite, shipOrder } from './transitions.ts';

/** Orders in the admin API under /api/admin/orders: read with orders:read, moved with orders:manage. */
export const orderAdminApi = createApiRouter();

const security: Record<string, string[]>[] = [{ staffBearer: [] }];
const tags = ['orders'];
const { unauthorized, forbidden } = staffProblems();
const notFound = problemResponse('No order with this number');

for (const path of ['/orders', '/orders/*']) {
  orderAdminApi.use(path, async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
}

async function adminJsonOf(c: Context<AppEnv>, db: Db, order: OrderDetail) {
  const customer = order.customerId ? await findOrderCustomer(db, order.customerId) : undefined;
  return toAdminOrderJson(order, customer, await settingsOf(c.var.ctx), c.var.ctx.config.orderPayDays);
}

orderAdminApi.openapi(
  createRoute({
    method: 'get',
    path: '/orders',
    operationId: 'listAdminOrders',
    tags,
    summary: 'Orders, newest first, filtered by status, payment method and dates, or searched',
    description:
      'The page /admin/orders takes the same parameters. Keyset pages: pass `nextCursor` as `cursor` with the ' +
      'same filters. Needs orders:read.',
    security,
    request: { query: AdminOrderListQuerySchema },
    responses: {
      200: json(AdminOrderListSchema, 'A page of orders'),
      400: problemResponse('An invalid parameter, named in `errors`'),
      401: unauthorized,
      403: forbidden,
    },
  }),
  async (c) => {
    await requireStaff(c, 'orders:read');
    const { cursor, limit, ...filters } = c.req.valid('query');
    const store = await settingsOf(c.var.ctx);
    const page = await listAdminOrders(c.var.ctx.db, {
      ...filters,
      timeZone: store.timeZone,
      limit,
      before: decodeOrderCursor(cursor),
    });
    return c.json(
      { items: page.items.map(toAdminOrderSummaryJson), nextCursor: encodeOrderCursor(page.nextBefore) },
      200,
    );
  },
);

orderAdminApi.openapi(
  createRoute({
    method: 'get',
    path: '/orders/{number}',
    operationId: 'getAdminOrder',
    tags,
    summary: 'One order with its customer, lines, lots, history and the actions it accepts now',
    description: 'Needs orders:read.',
    security,
    request: { params: OrderNumberParams },
    responses: { 200: json(AdminOrderSchema, 'The order'), 401: unauthorized, 403: forbidden, 404: notFound },
  }),
  async (c) => {
    await requireStaff(c, 'orders:read');
    const order = await findOrder(c.var.ctx.db, c.req.valid('param').number);
    if (!order) throw new AppError('NOT_FOUND', 'There is no order with this number.');
    return c.json(await adminJsonOf(c, c.var.ctx.db, order), 200);
  },
);

// Each action runs once per Idempotency-Key, with its audit entry and mail, in one transaction.
async function runAction(
  c: Context<AppEnv>,
  operation: string,
  body: Record<string, string>,
  action: (w: OrderWrite) => Promise<OrderDetail>,
) {
  const staff = await requireStaff(c, 'orders:manage');
  const { ctx } = c.var;
  const answer = await withIdempotency(c, { scope: `staff:${staff.id}`, operation, body }, async (tx) => {
    const by = { kind: 'staff', id: staff.id, email: staff.email } as const;
    const order = await action({ tx, cache: ctx.cache, config: ctx.config, by });
    return { status: 200 as const, body: await adminJsonOf(c, tx, order) };
  });
  return answer.body;
}

const actionResponses = {
  200: json(AdminOrderSchema, 'The order after the action'),
  400: problemResponse('An invalid body or Idempotency-Key'),
  401: unauthorized,
  403: forbidden,
  404: notFound,
  409: problemResponse('The order cannot take this action in its current state; `detail` says why'),
  422: keyReusedResponse,
};

orderAdminApi.openapi(
  createRoute({
    method: 'post',
    path: '/orders/{number}/mark-paid',
    operationId: 'markOrderPaid',
    tags,
    summary: 'Record the payment of an order',
    description:
      'A pay-by-phone order becomes `paid` and may then ship; an invoice order keeps its status (it may have ' +
      'shipped already). The customer gets a mail. Needs orders:manage; honours `Idempotency-Key`.',
    security,
    request: { params: OrderNumberParams, headers: IdempotencyKeyHeaders },
    responses: actionResponses,
  }),
  async (c) => {
    const { number } = c.req.valid('param');
    return c.json(await runAction(c, 'markOrderPaid', { number }, (w) => markOrderPaid(w, { number })), 200);
  },
);

orderAdminApi.openapi(
  createRoute({
    method: 'post',
    path: '/orders/{number}/ship',
    operationId: 'shipOrder',
    tags,
    summary: 'Ship an order with its carrier and tracking number',
    description:
      'A pay-by-phone order must be paid first (409 otherwise); an invoice order may ship before payment. The ' +
      'customer gets a mail with the tracking number. Needs orders:manage; honours `Idempotency-Key`.',
    security,
    request: {
      params: OrderNumberParams,
      headers: IdempotencyKeyHeaders,
      body: jsonBody(ShipBodySchema, { example: { carrier: 'UPS', trackingNumber: '1Z999AA10123456784' } }),
    },
    responses: actionResponses,
  }),
  async (c) => {
    const { number } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(await runAction(c, 'shipOrder', { number, ...body }, (w) => shipOrder(w, { number, ...body })), 200);
  },
);

orderAdminApi.openapi(
  createRoute({
    method: 'post',
    path: '/orders/{number}/deliver',
    operationId: 'deliverOrder',
    tags,
    summary: 'Record that a shipped order was delivered',
    description: 'Only a shipped order can be delivered. Needs orders:manage; honours `Idempotency-Key`.',
    security,
    request: { params: OrderNumberParams, headers: IdempotencyKeyHeaders },
    responses: actionResponses,
  }),
  async (c) => {
    const { number } = c.req.valid('param');
    return c.json(await runAction(c, 'deliverOrder', { number }, (w) => deliverOrder(w, { number })), 200);
  },
);

orderAdminApi.openapi(
  createRoute({
    method: 'post',
    path: '/orders/{number}/cancel',
    operationId: 'cancelOrder',
    tags,
    summary: 'Cancel an order that has not shipped, with the reason',
    description:
      'Every unit goes back to the lot it came from, through the stock ledger. The customer gets a mail with the ' +
      'reason. A shipped order answers 409. Needs orders:manage; honours `Idempotency-Key`.',
    security,
    request: {
      params: OrderNumberParams,
      headers: IdempotencyKeyHeaders,
      body: jsonBody(CancelBodySchema, { example: { reason: 'The customer asked to cancel by phone.' } }),
    },
    responses: actionResponses,
  }),
  async (c) => {
    const { number } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(
      await runAction(c, 'cancelOrder', { number, ...body }, (w) => cancelOrder(w, { number, ...body })),
      200,
    );
  },
);
