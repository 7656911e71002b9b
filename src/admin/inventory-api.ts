import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { findLot } from '#src/inventory/queries.ts';
import type { StockLot } from '#src/inventory/schema.ts';
import { AppError } from '#src/lib/errors.ts';
import { uuidSchema } from '#src/lib/ids.ts';
import { requireStaff } from '#src/staff/current.ts';
import { createApiRouter } from '#src/web/api.ts';
import type { AppEnv } from '#src/web/context.ts';
import { IdempotencyKeyHeaders, withIdempotency } from '#src/web/idempotency.ts';
import { json, jsonBody, problemResponse, staffProblems } from '#src/web/openapi.ts';
import { adjustLotAs, receiveLotAs, setLotStateAs } from './inventory-actions.ts';
import {
  AdjustLotSchema,
  decodeInventoryCursor,
  encodeInventoryCursor,
  InventoryListSchema,
  InventoryQuerySchema,
  LotIdParamsSchema,
  LotReasonSchema,
  LotSchema,
  ReceiveLotSchema,
  toInventoryItemJson,
  toLotJson,
} from './inventory-api-schemas.ts';
import { findProductIdBySku, findSkuOf, listInventoryAfter } from './inventory-queries.ts';

/** Stock for staff and integrations under /api/admin/inventory: lots per product, receipts, adjustments, quarantine. */
export const inventoryApi = createApiRouter();

const PERMISSION = 'inventory:manage';
const security: Record<string, string[]>[] = [{ staffBearer: [] }];
const tags = ['inventory'];
const { unauthorized, forbidden } = staffProblems('inventory:manage');
const LOT_ID = '5b0f7f0e-6a39-4a5e-9d7c-2f1f0c3d9a11';
const PERMISSION_NOTE =
  'Needs a staff role with the `inventory:manage` permission (owner, admin). Every change is audited.';

// Stock answers change with every order: never stored by a browser or anything between.
function noStore(c: { header(name: string, value: string): void }) {
  c.header('Cache-Control', 'no-store');
}

async function lotJson(c: Context<AppEnv>, lot: StockLot) {
  return toLotJson(lot, await findSkuOf(c.var.ctx.db, lot.productId));
}

// A malformed id names no lot: the same 404 as an unknown one.
function lotIdOf(id: string): string {
  const parsed = uuidSchema.safeParse(id);
  if (!parsed.success) throw new AppError('NOT_FOUND', 'There is no lot with this id.');
  return parsed.data;
}

inventoryApi.openapi(
  createRoute({
    method: 'get',
    path: '/',
    operationId: 'listInventory',
    tags,
    summary: 'Stock of every product by SKU: units available, on hand, and each lot',
    description: PERMISSION_NOTE,
    security,
    request: { query: InventoryQuerySchema },
    responses: {
      200: json(InventoryListSchema, 'A page of products with their lots'),
      400: problemResponse('An invalid parameter or cursor'),
      401: unauthorized,
      403: forbidden,
    },
  }),
  async (c) => {
    await requireStaff(c, PERMISSION);
    const q = c.req.valid('query');
    const list = await listInventoryAfter(c.var.ctx.db, {
      sku: q.sku,
      q: q.q || undefined,
      expiringWithinDays: q.expiring,
      afterSku: q.cursor === undefined ? undefined : decodeInventoryCursor(q.cursor),
      limit: q.limit,
    });
    const last = list.items.at(-1);
    noStore(c);
    return c.json(
      {
        items: list.items.map(toInventoryItemJson),
        nextCursor: list.hasMore && last ? encodeInventoryCursor(last.sku) : null,
      },
      200,
    );
  },
);

inventoryApi.openapi(
  createRoute({
    method: 'get',
    path: '/lots/{id}',
    operationId: 'getLot',
    tags,
    summary: 'One lot',
    description: PERMISSION_NOTE,
    security,
    request: { params: LotIdParamsSchema },
    responses: {
      200: json(LotSchema, 'The lot'),
      401: unauthorized,
      403: forbidden,
      404: problemResponse('No such lot'),
    },
  }),
  async (c) => {
    await requireStaff(c, PERMISSION);
    const lot = await findLot(c.var.ctx.db, lotIdOf(c.req.valid('param').id));
    if (!lot) throw new AppError('NOT_FOUND', 'There is no lot with this id.');
    noStore(c);
    return c.json(await lotJson(c, lot), 200);
  },
);

inventoryApi.openapi(
  createRoute({
    method: 'post',
    path: '/lots',
    operationId: 'receiveLot',
    tags,
    summary: 'Receive a lot: a batch of one product with its lot number and expiry, on sale at once',
    description: `${PERMISSION_NOTE} The receipt starts the lot's ledger and re-arms the product's low-stock mail. Send an Idempotency-Key to retry safely.`,
    security,
    request: {
      headers: IdempotencyKeyHeaders,
      body: jsonBody(ReceiveLotSchema, {
        example: { sku: 'PEP-FACTOR-30', lotNumber: 'L2026-0412', expiresOn: '2027-03-31', quantity: 48 },
      }),
    },
    responses: {
      201: {
        ...json(LotSchema, 'The lot received'),
        headers: { Location: { description: 'The address of the lot', schema: { type: 'string' } } },
      },
      400: problemResponse('Invalid body, or a field not accepted here'),
      401: unauthorized,
      403: forbidden,
      409: problemResponse('A lot of this product with this number was received already'),
      422: problemResponse(
        'No product has this SKU, the received date is after today, or the Idempotency-Key was used for another ' +
          'request (code IDEMPOTENCY_KEY_REUSED)',
      ),
    },
  }),
  async (c) => {
    const staff = await requireStaff(c, PERMISSION);
    const body = c.req.valid('json');
    const scope = { scope: `staff:${staff.id}`, operation: 'receiveLot', body };
    const answer = await withIdempotency(c, scope, async (tx) => {
      const productId = await findProductIdBySku(tx, body.sku);
      if (!productId) {
        throw new AppError('VALIDATION', `No product has the SKU ${body.sku}.`, {
          fields: { sku: 'No product has this SKU.' },
        });
      }
      const lot = await receiveLotAs({ tx, cache: c.var.ctx.cache }, staff, {
        productId,
        lotNumber: body.lotNumber,
        expiresOn: body.expiresOn,
        quantity: body.quantity,
        receivedOn: body.receivedOn,
      });
      return {
        status: 201 as const,
        body: toLotJson(lot, body.sku),
        headers: { Location: `/api/admin/inventory/lots/${lot.id}` },
      };
    });
    noStore(c);
    return c.json(answer.body, answer.status);
  },
);

inventoryApi.openapi(
  createRoute({
    method: 'post',
    path: '/adjustments',
    operationId: 'adjustLot',
    tags,
    summary: 'Add units to a lot or take them away, with the reason the ledger keeps',
    description: PERMISSION_NOTE,
    security,
    request: {
      headers: IdempotencyKeyHeaders,
      body: jsonBody(AdjustLotSchema, {
        example: { lotId: LOT_ID, change: -2, reason: 'Two vials cracked in the fridge' },
      }),
    },
    responses: {
      200: json(LotSchema, 'The lot after the change'),
      400: problemResponse('Invalid body, a change of 0, or a field not accepted here'),
      401: unauthorized,
      403: forbidden,
      404: problemResponse('No such lot'),
      422: problemResponse(
        'The change takes more units than the lot holds, or the Idempotency-Key was used for another request ' +
          '(code IDEMPOTENCY_KEY_REUSED)',
      ),
    },
  }),
  async (c) => {
    const staff = await requireStaff(c, PERMISSION);
    const body = c.req.valid('json');
    const scope = { scope: `staff:${staff.id}`, operation: 'adjustLot', body };
    const answer = await withIdempotency(c, scope, async (tx) => {
      const lot = await adjustLotAs({ tx, cache: c.var.ctx.cache }, staff, body);
      return { status: 200 as const, body: toLotJson(lot, await findSkuOf(tx, lot.productId)) };
    });
    noStore(c);
    return c.json(answer.body, answer.status);
  },
);

for (const { action, state, summary } of [
  { action: 'quarantine', state: 'quarantined', summary: 'Quarantine a lot: nothing of it is sold until released' },
  { action: 'release', state: 'sellable', summary: 'Release a quarantined lot back to sale' },
] as const) {
  inventoryApi.openapi(
    createRoute({
      method: 'post',
      path: `/lots/{id}/${action}`,
      operationId: `${action}Lot`,
      tags,
      summary,
      description: PERMISSION_NOTE,
      security,
      request: {
        params: LotIdParamsSchema,
        body: jsonBody(LotReasonSchema, {
          example: {
            reason: action === 'quarantine' ? 'Supplier recall notice 2026-118' : 'Supplier withdrew the recall',
          },
        }),
      },
      responses: {
        200: json(LotSchema, 'The lot in its new state'),
        400: problemResponse('Invalid body, or a field not accepted here'),
        401: unauthorized,
        403: forbidden,
        404: problemResponse('No such lot'),
        409: problemResponse(`The lot is ${state} already`),
      },
    }),
    async (c) => {
      const staff = await requireStaff(c, PERMISSION);
      const lotId = lotIdOf(c.req.valid('param').id);
      const { reason } = c.req.valid('json');
      const { db, cache } = c.var.ctx;
      const lot = await db.transaction((tx) => setLotStateAs({ tx, cache }, staff, { lotId, state, reason }));
      noStore(c);
      return c.json(await lotJson(c, lot), 200);
    },
  );
}
