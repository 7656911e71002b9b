import { isDeepStrictEqual } from 'node:util';
import { inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { excluded } from '#src/db/excluded.ts';
import { productWriteTags } from './cache-tags.ts';
import { type Product, products } from './schema.ts';
import { checkCategoriesExist, type Rename, recordRenames, type Tx, translateUniqueViolation } from './service.ts';
import type { ProductInput, productInputSchema } from './validators.ts';

/** A product's every field, checked and with the defaults of a new product filled in. */
export type ProductValues = z.output<typeof productInputSchema>;

/**
 * Rows per statement. A row binds one value per field (22), so a batch stays well under PostgreSQL's limit of
 * 65,535 values in one statement, and the statement's text under what PGlite handles comfortably in memory.
 */
export const UPSERT_BATCH = 1000;

export type UpsertOutcome = {
  created: number;
  updated: number;
  unchanged: number;
  /** The pages the written products were and are shown on, for the caller to announce once. */
  tags: Set<string>;
};

function differs(current: Product, changes: Record<string, unknown>): boolean {
  // Deep equality ignores key order, which jsonb does not keep.
  return Object.entries(changes).some(([field, value]) => !isDeepStrictEqual(current[field as keyof Product], value));
}

/**
 * Creates or updates products matched by SKU, at most UPSERT_BATCH of them, with the same effects as
 * createProduct and updateProduct one by one (a new slug leaves a redirect from the old one; a product that
 * exists is locked first), in one statement. A product that exists changes only in `fields`, and is not written
 * when those hold what it has already. Rows are written in their order, so a row taking a slug that a later row's
 * product gives up fails as it would alone. The caller announces the pages, once for all its batches.
 */
export async function upsertProductsBySku(
  tx: Tx,
  o: { fields: (keyof ProductInput)[]; rows: ProductValues[] },
): Promise<UpsertOutcome> {
  const outcome: UpsertOutcome = { created: 0, updated: 0, unchanged: 0, tags: new Set() };
  if (o.rows.length === 0) return outcome;
  if (o.rows.length > UPSERT_BATCH) throw new Error(`at most ${UPSERT_BATCH} products per upsert`);
  const skus = o.rows.map((values) => values.sku);
  const current = new Map(
    (await tx.select().from(products).where(inArray(products.sku, skus)).for('update')).map((p) => [p.sku, p]),
  );
  const written: ProductValues[] = [];
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
    if (found) outcome.updated++;
    else outcome.created++;
  }
  if (written.length === 0) return outcome;
  try {
    await checkCategoriesExist(tx, categoryIds);
    await tx
      .insert(products)
      .values(written)
      .onConflictDoUpdate({
        target: products.sku,
        set: { ...Object.fromEntries(o.fields.map((f) => [f, excluded(products[f])])), updatedAt: new Date() },
      });
    await recordRenames(tx, 'product', renames);
  } catch (err) {
    translateUniqueViolation(err, 'product');
  }
  return outcome;
}
