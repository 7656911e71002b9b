import { isDeepStrictEqual } from 'node:util';
import { type Column, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { bareColumn, excluded, unnestRows } from '#src/db/bulk-sql.ts';
import { productWriteTags } from './cache-tags.ts';
import { type Product, products } from './schema.ts';
import { checkCategoriesExist, type Rename, recordRenames, type Tx, translateUniqueViolation } from './service.ts';
import { type ProductInput, productInputSchema } from './validators.ts';

/** A product's every field, checked and with the defaults of a new product filled in. */
export type ProductValues = z.output<typeof productInputSchema>;
type Field = keyof ProductInput;

/**
 * Rows per batch. Each column travels as one array, so the number of rows is not bound by PostgreSQL's limit of
 * 65,535 values per statement; a thousand keeps each statement's memory small on PGlite and its progress visible.
 */
export const UPSERT_BATCH = 1000;

export type UpsertOutcome = {
  created: number;
  updated: number;
  unchanged: number;
  /** The pages the written products were and are shown on, for the caller to announce once. */
  tags: Set<string>;
};

const INPUT_FIELDS = Object.keys(productInputSchema.shape) as Field[];

function columnsOf(fields: readonly Field[]): Record<string, Column> {
  return Object.fromEntries(fields.map((f) => [f, products[f]]));
}

function differs(current: Product, changes: Record<string, unknown>): boolean {
  // Deep equality ignores key order, which jsonb does not keep.
  return Object.entries(changes).some(([field, value]) => !isDeepStrictEqual(current[field as keyof Product], value));
}

const setFrom = (fields: readonly Field[], newValue: (column: Column) => SQL, at: Date) =>
  sql.join(
    [
      ...fields.map((f) => sql`${bareColumn(products[f])} = ${newValue(products[f])}`),
      sql`${bareColumn(products.updatedAt)} = ${sql.param(at, products.updatedAt)}`,
    ],
    sql`, `,
  );

async function insertRows(tx: Tx, rows: ProductValues[]): Promise<void> {
  if (rows.length === 0) return;
  const names = sql.join(
    INPUT_FIELDS.map((f) => bareColumn(products[f])),
    sql`, `,
  );
  await tx.execute(
    sql`insert into ${products} (${names}) select * from ${unnestRows('v', columnsOf(INPUT_FIELDS), rows)}`,
  );
}

async function updateRows(tx: Tx, fields: readonly Field[], rows: ProductValues[]): Promise<void> {
  if (rows.length === 0) return;
  const keyed = fields.includes('sku') ? fields : [...fields, 'sku' as const];
  await tx.execute(
    sql`update ${products} set ${setFrom(fields, (c) => sql`v.${bareColumn(c)}`, new Date())}
        from ${unnestRows('v', columnsOf(keyed), rows)} where ${products.sku} = v.sku`,
  );
}

// Slower (an existing row's search document is worked out for the insert and again for the update), but one
// statement writes the rows in their order.
async function upsertRowsInOrder(tx: Tx, fields: readonly Field[], rows: ProductValues[]): Promise<void> {
  const names = sql.join(
    INPUT_FIELDS.map((f) => bareColumn(products[f])),
    sql`, `,
  );
  await tx.execute(
    sql`insert into ${products} (${names}) select * from ${unnestRows('v', columnsOf(INPUT_FIELDS), rows)}
        on conflict (sku) do update set ${setFrom(fields, excluded, new Date())}`,
  );
}

/**
 * Creates or updates products matched by SKU, at most UPSERT_BATCH of them, with the effects createProduct and
 * updateProduct have one by one: a product that exists is locked first, a new slug leaves a redirect from the old
 * one. A product that exists changes only in `fields`, and is not written when those hold what it has already.
 * The outcome is the one of writing the rows in their order: a row that takes the slug another row's product
 * gives up fails unless that row comes first. The caller announces the pages, once for all its batches.
 */
export async function upsertProductsBySku(
  tx: Tx,
  o: { fields: Field[]; rows: ProductValues[] },
): Promise<UpsertOutcome> {
  const outcome: UpsertOutcome = { created: 0, updated: 0, unchanged: 0, tags: new Set() };
  if (o.rows.length === 0) return outcome;
  if (o.rows.length > UPSERT_BATCH) throw new Error(`at most ${UPSERT_BATCH} products per upsert`);
  const skus = o.rows.map((values) => values.sku);
  const current = new Map(
    (
      await tx
        .select()
        .from(products)
        .where(sql`${products.sku} = any(${sql.param(skus)}::text[])`)
        .for('update')
    ).map((p) => [p.sku, p]),
  );
  const written: ProductValues[] = [];
  const creates: ProductValues[] = [];
  const updates: ProductValues[] = [];
  const renames: Rename[] = [];
  const categoryIds = new Set<string>();
  for (const values of o.rows) {
    const found = current.get(values.sku);
    // Optional fields left out of `fields` keep what an existing product has; a new one gets their defaults.
    const changes = Object.fromEntries(o.fields.map((f) => [f, values[f]]));
    if (found && !differs(found, changes)) {
      outcome.unchanged++;
      continue;
    }
    written.push(values);
    const after = found ? { ...found, ...changes } : values;
    if (after.categoryId && (!found || o.fields.includes('categoryId'))) categoryIds.add(after.categoryId);
    for (const tag of found ? productWriteTags(found, after) : productWriteTags(after)) outcome.tags.add(tag);
    if (found && after.slug !== found.slug) renames.push({ from: found.slug, to: after.slug, id: found.id });
    if (found) {
      updates.push(values);
      outcome.updated++;
    } else {
      creates.push(values);
      outcome.created++;
    }
  }
  if (written.length === 0) return outcome;
  // Only a slug given up within the batch makes the order of its rows matter; otherwise they clash or not alike.
  const givenUp = new Set(renames.map((r) => r.from));
  const isOrderBound = written.some((values) => givenUp.has(values.slug));
  try {
    await checkCategoriesExist(tx, categoryIds);
    if (isOrderBound) await upsertRowsInOrder(tx, o.fields, written);
    else {
      await updateRows(tx, o.fields, updates);
      await insertRows(tx, creates);
    }
    await recordRenames(tx, 'product', renames);
  } catch (err) {
    translateUniqueViolation(err, 'product');
  }
  return outcome;
}
