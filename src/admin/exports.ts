import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Hono } from 'hono';
import { exportProductsCsv } from '#src/catalog/csv-export.ts';
import { exportStockCsv } from '#src/catalog/csv-stock-export.ts';
import type { Db } from '#src/db/client.ts';
import { dateInZone } from '#src/lib/dates.ts';
import { AppError } from '#src/lib/errors.ts';
import { exportOrdersCsv } from '#src/orders/csv-export.ts';
import { requireStaff } from '#src/staff/current.ts';
import type { Permission } from '#src/staff/permissions.ts';
import { settingsOf } from '#src/store/settings.ts';
import type { AppEnv } from '#src/web/context.ts';

export type CsvExport = {
  name: 'products' | 'stock' | 'orders';
  label: string;
  description: string;
  /** What a staff member needs to download it; the command line needs none. */
  permission: Permission;
  /** The noun of the command's summary line ("12 lots exported"). */
  unit: string;
  build(db: Db): Promise<{ text: string; rows: number }>;
};

/** The CSV files staff download from the dashboard and `medstore export` writes: the same code for both. */
export const EXPORTS: readonly CsvExport[] = [
  {
    name: 'products',
    label: 'Products',
    description: 'every product in the columns the import reads (docs/csv-products.md).',
    permission: 'catalog:manage',
    unit: 'products',
    build: exportProductsCsv,
  },
  {
    name: 'stock',
    label: 'Stock',
    description: 'every lot with its product, expiry and units on hand (docs/csv-stock.md).',
    permission: 'inventory:manage',
    unit: 'lots',
    build: exportStockCsv,
  },
  {
    name: 'orders',
    label: 'Orders',
    description: 'every order with its items, amounts and dates (docs/csv-orders.md).',
    permission: 'orders:read',
    unit: 'orders',
    build: exportOrdersCsv,
  },
];

export function findExport(name: string): CsvExport | undefined {
  return EXPORTS.find((e) => e.name === name);
}

/** `medstore export WHAT`: writes the file, or returns the CSV for standard output. */
export async function runExport(
  db: Db,
  what: CsvExport,
  output: string | undefined,
): Promise<{ text?: string; line: string }> {
  const { text, rows } = await what.build(db);
  if (!output) return { text, line: `${rows} ${what.unit} exported.` };
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, text);
  return { line: `${rows} ${what.unit} exported to ${output}.` };
}

/** Downloads of the exports under /admin/exports, each checked against its own permission. */
export const exportPages = new Hono<AppEnv>();

exportPages.get('/:file', async (c) => {
  const match = /^([a-z]+)\.csv$/.exec(c.req.param('file'));
  const what = match ? findExport(match[1]!) : undefined;
  if (!what) throw new AppError('NOT_FOUND', 'There is no such export.');
  await requireStaff(c, what.permission);
  const { ctx } = c.var;
  const [{ text }, store] = await Promise.all([what.build(ctx.db), settingsOf(ctx)]);
  return c.body(text, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${what.name}-${dateInZone(store.timeZone)}.csv"`,
    'Cache-Control': 'no-store',
  });
});
