import { z } from '@hono/zod-openapi';
import { LOT_STATES, type StockLot } from '#src/inventory/schema.ts';
import { AppError } from '#src/lib/errors.ts';
import type { InventoryRow } from './inventory-queries.ts';
import {
  LOT_NUMBER_MESSAGE,
  LOT_NUMBER_PATTERN,
  MAX_LOT_NUMBER,
  MAX_LOT_QUANTITY,
  MAX_SHELF_LIFE_DAYS,
  MAX_STOCK_REASON,
} from './inventory-validators.ts';

const date = (description: string) =>
  z.iso.date({ error: 'Give a date as YYYY-MM-DD.' }).openapi({ description, example: '2027-03-31' });

export const LotSchema = z
  .object({
    id: z.string().openapi({ example: '5b0f7f0e-6a39-4a5e-9d7c-2f1f0c3d9a11' }),
    sku: z.string().openapi({ description: "The product's SKU.", example: 'PEP-FACTOR-30' }),
    lotNumber: z.string().openapi({ example: 'L2026-0412' }),
    expiresOn: date('The expiry date; null for goods that do not expire.').nullable(),
    receivedOn: date('The day the lot arrived.'),
    quantityReceived: z.number().int(),
    quantityOnHand: z.number().int(),
    state: z.enum(LOT_STATES).openapi({ description: 'A quarantined lot is never sold.' }),
  })
  .openapi('StockLot');

export const InventoryItemSchema = z
  .object({
    productId: z.string(),
    sku: z.string(),
    name: z.string(),
    available: z.number().int().openapi({
      description:
        "Units that can be sold today: sellable lots, not expired, with the product's minimum shelf life left.",
    }),
    onHand: z.number().int().openapi({ description: 'Every unit on the shelf, sellable or not.' }),
    lots: z.array(LotSchema.omit({ sku: true })).openapi({ description: 'First to expire first; emptied lots too.' }),
  })
  .openapi('InventoryItem');

export const InventoryListSchema = z
  .object({
    items: z.array(InventoryItemSchema),
    nextCursor: z.string().nullable().openapi({ description: 'Send as `cursor` for the next page; null at the end.' }),
  })
  .openapi('InventoryList');

export const InventoryQuerySchema = z.object({
  sku: z.string().trim().min(1).max(100).optional().openapi({ description: 'Only the product with this SKU.' }),
  q: z.string().trim().max(200).optional().openapi({ description: 'Part of a SKU or a product name.' }),
  expiring: z.coerce
    .number({ error: 'Give a whole number of days from 1 to 3650.' })
    .int({ error: 'Give a whole number of days from 1 to 3650.' })
    .min(1, { error: 'Give a whole number of days from 1 to 3650.' })
    .max(MAX_SHELF_LIFE_DAYS, { error: 'Give a whole number of days from 1 to 3650.' })
    .optional()
    .openapi({ description: 'Only products holding units that expire within this many days, or have expired.' }),
  limit: z.coerce
    .number({ error: 'Give the limit as a whole number from 1 to 100.' })
    .int({ error: 'Give the limit as a whole number from 1 to 100.' })
    .min(1, { error: 'Give the limit as a whole number from 1 to 100.' })
    .max(100, { error: 'Give the limit as a whole number from 1 to 100.' })
    .default(25),
  cursor: z.string().max(400).optional().openapi({ description: 'The nextCursor of the previous page.' }),
});

const lotNumber = z
  .string({ error: 'Give the lot number printed on the pack.' })
  .trim()
  .min(1, { error: 'Give the lot number printed on the pack.' })
  .max(MAX_LOT_NUMBER, { error: `Use at most ${MAX_LOT_NUMBER} characters.` })
  .regex(LOT_NUMBER_PATTERN, { error: LOT_NUMBER_MESSAGE });

const reason = z
  .string({ error: 'Give the reason the ledger keeps.' })
  .trim()
  .min(3, { error: 'Give the reason the ledger keeps, at least 3 characters.' })
  .max(MAX_STOCK_REASON, { error: `Use at most ${MAX_STOCK_REASON} characters.` });

export const ReceiveLotSchema = z
  .object({
    sku: z.string({ error: "Give the product's SKU." }).trim().min(1).max(100),
    lotNumber,
    expiresOn: date('The expiry date printed on the pack; null for goods that do not expire.').nullable(),
    quantity: z
      .number({ error: 'Give the units received as a whole number.' })
      .int({ error: 'Give the units received as a whole number.' })
      .min(1, { error: 'Receive at least 1 unit.' })
      .max(MAX_LOT_QUANTITY, { error: `Receive at most ${MAX_LOT_QUANTITY} units at once.` }),
    receivedOn: date("The day the lot arrived; today (the store's date) when left out.").optional(),
  })
  .strict()
  .openapi('ReceiveLot');

export const AdjustLotSchema = z
  .object({
    lotId: z.uuid({ error: 'Give the id of a lot.' }),
    change: z
      .number({ error: 'Give the change as a whole number.' })
      .int({ error: 'Give the change as a whole number.' })
      .min(-MAX_LOT_QUANTITY)
      .max(MAX_LOT_QUANTITY)
      .refine((n) => n !== 0, { error: 'Give a change other than 0.' })
      .openapi({ description: 'Units added (positive) or taken away (negative).' }),
    reason,
  })
  .strict()
  .openapi('AdjustLot');

export const LotReasonSchema = z.object({ reason }).strict().openapi('LotReason');

export const LotIdParamsSchema = z.object({
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, example: '5b0f7f0e-6a39-4a5e-9d7c-2f1f0c3d9a11' }),
});

export function toLotJson(lot: StockLot, sku: string) {
  return {
    id: lot.id,
    sku,
    lotNumber: lot.lotNumber,
    expiresOn: lot.expiresOn,
    receivedOn: lot.receivedOn,
    quantityReceived: lot.quantityReceived,
    quantityOnHand: lot.quantityOnHand,
    state: lot.state,
  };
}

export function toInventoryItemJson(row: InventoryRow) {
  return {
    productId: row.productId,
    sku: row.sku,
    name: row.name,
    available: row.available,
    onHand: row.onHand,
    lots: row.lots.map((lot) => {
      const { sku: _, ...rest } = toLotJson(lot, row.sku);
      return rest;
    }),
  };
}

const cursorSchema = z.object({ sku: z.string().min(1).max(100) }).strict();

/** Cursors are opaque to clients: base64url JSON of the last SKU of the page. */
export function encodeInventoryCursor(sku: string): string {
  return Buffer.from(JSON.stringify({ sku })).toString('base64url');
}

export function decodeInventoryCursor(text: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success || result.data.sku.includes('\u0000')) {
    throw new AppError('BAD_REQUEST', 'The cursor is not valid; use the nextCursor of a previous answer.', {
      fields: { cursor: 'is not a valid cursor' },
    });
  }
  return result.data.sku;
}
