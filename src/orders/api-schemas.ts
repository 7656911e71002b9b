import { z } from '@hono/zod-openapi';
import { AppError } from '#src/lib/errors.ts';
import { ORDER_ACTORS, ORDER_STATUSES, PAYMENT_METHODS } from './schema.ts';

const OrderLotSchema = z
  .object({
    lotNumber: z.string(),
    expiresOn: z.string().nullable().openapi({ description: 'YYYY-MM-DD; null for goods that do not expire' }),
    quantity: z.number().int(),
  })
  .openapi('OrderLot');

const OrderLineSchema = z
  .object({
    sku: z.string(),
    name: z.string(),
    quantity: z.number().int(),
    unitPriceCents: z.number().int(),
    lineTotalCents: z.number().int(),
    storage: z.enum(['ambient', 'refrigerated']),
    lots: z.array(OrderLotSchema).openapi({ description: 'The lots the units were taken from, first expiry first' }),
  })
  .openapi('OrderLine');

const OrderAddressSchema = z
  .object({
    name: z.string(),
    line1: z.string(),
    line2: z.string(),
    city: z.string(),
    state: z.string(),
    postalCode: z.string(),
    country: z.string(),
    phone: z.string(),
  })
  .openapi('OrderAddress');

const OrderHistoryItemSchema = z
  .object({
    status: z.enum(ORDER_STATUSES),
    note: z.string(),
    actor: z.enum(ORDER_ACTORS),
    at: z.string(),
  })
  .openapi('OrderHistoryItem');

const orderFields = {
  number: z.string().openapi({ example: 'FMS-10001' }),
  status: z.enum(ORDER_STATUSES),
  paymentMethod: z.enum(PAYMENT_METHODS),
  email: z.string(),
  subtotalCents: z.number().int(),
  shippingCents: z.number().int(),
  taxCents: z.number().int(),
  discountCents: z.number().int(),
  totalCents: z.number().int(),
  currency: z.string().openapi({ example: 'USD' }),
  shippingMethod: z.object({ code: z.string(), name: z.string() }),
  shippingAddress: OrderAddressSchema,
  billingAddress: z
    .union([OrderAddressSchema, z.null()])
    .openapi({ description: 'Null when it is the shipping address' }),
  expectedShipOn: z.string().nullable(),
  carrier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  placedAt: z.string(),
  paidAt: z.string().nullable(),
  shippedAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  paymentInstructions: z
    .array(z.string())
    .openapi({ description: 'How to pay, while the order is unpaid and not cancelled; empty otherwise' }),
  lines: z.array(OrderLineSchema),
};

export const OrderSchema = z.object({ ...orderFields, history: z.array(OrderHistoryItemSchema) }).openapi('Order');

export const AdminOrderSchema = z
  .object({
    ...orderFields,
    customer: z
      .object({ id: z.string(), name: z.string(), email: z.string() })
      .nullable()
      .openapi({ description: 'Null for a guest' }),
    history: z.array(OrderHistoryItemSchema.extend({ staffName: z.string().nullable() })),
    allowedActions: z
      .object({ markPaid: z.boolean(), ship: z.boolean(), deliver: z.boolean(), cancel: z.boolean() })
      .openapi({ description: 'Which actions the order accepts now; the others answer 409' }),
  })
  .openapi('AdminOrder');

const summaryFields = {
  number: z.string(),
  status: z.enum(ORDER_STATUSES),
  paymentMethod: z.enum(PAYMENT_METHODS),
  totalCents: z.number().int(),
  currency: z.string(),
  itemCount: z.number().int(),
  placedAt: z.string(),
};

export const OrderListSchema = z
  .object({
    items: z.array(z.object(summaryFields).openapi('OrderSummary')),
    nextCursor: z.string().nullable(),
  })
  .openapi('OrderList');

export const AdminOrderListSchema = z
  .object({
    items: z.array(
      z
        .object({ ...summaryFields, email: z.string(), name: z.string(), paidAt: z.string().nullable() })
        .openapi('AdminOrderSummary'),
    ),
    nextCursor: z.string().nullable(),
  })
  .openapi('AdminOrderList');

const cursorParam = z
  .string()
  .max(100)
  .optional()
  .openapi({ description: 'nextCursor of a previous answer (keyset pagination).' });
const limitParam = z.coerce.number().int().min(1).max(100).default(25);

export const OrderListQuerySchema = z.object({ cursor: cursorParam, limit: limitParam });

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');

export const AdminOrderListQuerySchema = z.object({
  status: z.enum(ORDER_STATUSES).optional(),
  paymentMethod: z.enum(PAYMENT_METHODS).optional(),
  from: day.optional().openapi({ description: 'Placed on or after this day (YYYY-MM-DD, the store time zone)' }),
  to: day.optional().openapi({ description: 'Placed on or before this day (YYYY-MM-DD, the store time zone)' }),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .openapi({ description: "An order number, or part of the customer's email or name" }),
  cursor: cursorParam,
  limit: limitParam,
});
export type AdminOrderListQuery = z.infer<typeof AdminOrderListQuerySchema>;

export const OrderNumberParams = z.object({
  number: z
    .string()
    .max(40)
    .openapi({ param: { name: 'number', in: 'path' }, example: 'FMS-10001' }),
});

export const ShipBodySchema = z
  .object({
    carrier: z.string().trim().min(1, 'name the carrier').max(60),
    trackingNumber: z.string().trim().min(1, 'give the tracking number').max(80),
  })
  .strict()
  .openapi('ShipOrder');

export const CancelBodySchema = z
  .object({ reason: z.string().trim().min(3, 'say why, in a few words').max(500) })
  .strict()
  .openapi('CancelOrder');

/** Cursors are opaque: base64url of the last row's sequence value. */
export function encodeOrderCursor(seq: number | null): string | null {
  return seq === null ? null : Buffer.from(`o:${seq}`).toString('base64url');
}

export function decodeOrderCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) {
    throw new AppError('BAD_REQUEST', 'The cursor is not valid; use the nextCursor of a previous answer.', {
      fields: { cursor: 'is not a valid cursor' },
    });
  }
  return Number(match[1]);
}
