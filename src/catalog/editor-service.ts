import { eq, or, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { AppError } from '#src/lib/errors.ts';
import { fieldErrorsOf } from '#src/web/validation.ts';
import { productWriteTags } from './cache-tags.ts';
import { publishProblemsOf } from './publish-rules.ts';
import { type Product, products } from './schema.ts';
import {
  type CatalogWriteContext,
  checkCategoryExists,
  recordRename,
  type Tx,
  translateUniqueViolation,
} from './service.ts';
import { type ProductChanges, type ProductInput, productChangesSchema, productInputSchema } from './validators.ts';

/** One change to a product, as the caller records it (the admin writes it to the audit log). */
export type ProductChange = {
  action:
    | 'product.create'
    | 'product.update'
    | 'product.duplicate'
    | 'product.archive'
    | 'product.restore'
    | 'product.image-add'
    | 'product.image-update'
    | 'product.image-remove';
  productId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/** Runs inside the writing transaction, so that the record of a change exists exactly when the change does. */
export type RecordProductChange = (tx: Db, change: ProductChange) => Promise<void>;

/** What the audit log keeps of a product: every fact a person set, not the search document or the clock. */
export function auditViewOf(p: Product): Record<string, unknown> {
  const { search: _search, createdAt: _created, updatedAt: _updated, id: _id, ...facts } = p;
  return facts;
}

function invalid(fields: Record<string, string>, message = 'The product has invalid fields.'): AppError {
  return new AppError('VALIDATION', message, { fields });
}

// A published product must carry the facts its route and form call for; a draft may be saved half-done.
function checkPublishable(p: Parameters<typeof publishProblemsOf>[0] & { status: Product['status'] }): void {
  if (p.status !== 'active') return;
  const problems = publishProblemsOf(p);
  if (Object.keys(problems).length > 0) {
    throw invalid(problems, 'The product cannot be published without the facts its kind requires.');
  }
}

async function lockProduct(tx: Tx, id: string): Promise<Product> {
  const [row] = await tx.select().from(products).where(eq(products.id, id)).for('update');
  if (!row) throw new AppError('NOT_FOUND', 'There is no product with this id.');
  return row;
}

/** Adds a product as staff; published only with the facts its kind requires. */
export async function addProduct(
  ctx: CatalogWriteContext,
  input: ProductInput,
  record: RecordProductChange,
): Promise<Product> {
  const parsed = productInputSchema.safeParse(input);
  if (!parsed.success) throw invalid(fieldErrorsOf(parsed.error));
  const values = parsed.data;
  checkPublishable(values);
  return ctx.db
    .transaction(async (tx) => {
      await checkCategoryExists(tx, values.categoryId);
      const [row] = await tx.insert(products).values(values).returning();
      await record(tx, { action: 'product.create', productId: row!.id, before: null, after: auditViewOf(row!) });
      await ctx.cache.announce(tx, { pages: productWriteTags(row!) });
      return row!;
    })
    .catch((err: unknown) => translateUniqueViolation(err, 'product'));
}

/**
 * Changes some fields of a product as staff. The result must still be publishable when it is active; a new slug
 * leaves a 301 from the old address. `action` names the change for the audit log.
 */
export async function editProduct(
  ctx: CatalogWriteContext,
  o: { id: string; changes: ProductChanges; action?: ProductChange['action'] },
  record: RecordProductChange,
): Promise<Product> {
  const parsed = productChangesSchema.safeParse(o.changes);
  if (!parsed.success) throw invalid(fieldErrorsOf(parsed.error));
  const changes = parsed.data;
  return ctx.db
    .transaction(async (tx) => {
      const current = await lockProduct(tx, o.id);
      checkPublishable({ ...current, ...changes });
      if (changes.categoryId !== undefined) await checkCategoryExists(tx, changes.categoryId);
      const [row] = await tx
        .update(products)
        .set({ ...changes, updatedAt: new Date() })
        .where(eq(products.id, o.id))
        .returning();
      if (changes.slug && changes.slug !== current.slug) {
        await recordRename(tx, 'product', current.slug, changes.slug, o.id);
      }
      const before = auditViewOf(current);
      const after = auditViewOf(row!);
      // Only what changed, so the audit log reads as the edit it was.
      const changed = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
      await record(tx, {
        action: o.action ?? 'product.update',
        productId: o.id,
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      });
      // Its pages under the old and new slug, every list, and the related products of its old and new category.
      await ctx.cache.announce(tx, { pages: productWriteTags(current, row!) });
      return row!;
    })
    .catch((err: unknown) => translateUniqueViolation(err, 'product'));
}

/** Takes a product out of the store: its page and list entries disappear; orders keep referring to it. */
export function archiveProduct(ctx: CatalogWriteContext, o: { id: string }, record: RecordProductChange) {
  return editProduct(ctx, { id: o.id, changes: { status: 'archived' }, action: 'product.archive' }, record);
}

/**
 * Brings an archived product back: on sale again when it carries the facts a published product needs, otherwise
 * as a draft to complete.
 */
export async function restoreProduct(
  ctx: CatalogWriteContext,
  o: { id: string },
  record: RecordProductChange,
): Promise<Product> {
  const [current] = await ctx.db.select().from(products).where(eq(products.id, o.id));
  if (!current) throw new AppError('NOT_FOUND', 'There is no product with this id.');
  if (current.status !== 'archived') {
    throw new AppError('CONFLICT', 'The product is not archived.', { fields: { status: 'is not archived' } });
  }
  const status = Object.keys(publishProblemsOf(current)).length === 0 ? 'active' : 'draft';
  return editProduct(ctx, { id: o.id, changes: { status }, action: 'product.restore' }, record);
}

// "serum" -> "serum-copy", then "serum-copy-2", ...: the first free one.
async function freeCopyOf(tx: Tx, slug: string, sku: string): Promise<{ slug: string; sku: string }> {
  const baseSlug = `${slug.slice(0, 100)}-copy`;
  const baseSku = `${sku.slice(0, 54)}-COPY`;
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? { slug: baseSlug, sku: baseSku } : { slug: `${baseSlug}-${n}`, sku: `${baseSku}-${n}` };
    const [taken] = await tx
      .select({ id: products.id })
      .from(products)
      .where(or(eq(products.slug, candidate.slug), eq(sql`upper(${products.sku})`, candidate.sku.toUpperCase())))
      .limit(1);
    if (!taken) return candidate;
  }
  throw new AppError('CONFLICT', 'Too many copies of this product exist already.');
}

/** A draft copy of a product (facts, images, price) under a free slug and SKU, for a variant to be edited. */
export async function duplicateProduct(
  ctx: CatalogWriteContext,
  o: { id: string },
  record: RecordProductChange,
): Promise<Product> {
  return ctx.db
    .transaction(async (tx) => {
      const source = await lockProduct(tx, o.id);
      const { id: _id, search: _search, createdAt: _c, updatedAt: _u, ...facts } = source;
      const free = await freeCopyOf(tx, source.slug, source.sku);
      const [row] = await tx
        .insert(products)
        .values({ ...facts, ...free, name: `${source.name} (copy)`.slice(0, 200), status: 'draft', isFeatured: false })
        .returning();
      await record(tx, {
        action: 'product.duplicate',
        productId: row!.id,
        before: null,
        after: { ...auditViewOf(row!), copiedFrom: source.id },
      });
      // A draft shows nowhere in the store; nothing cached changes.
      return row!;
    })
    .catch((err: unknown) => translateUniqueViolation(err, 'product'));
}
