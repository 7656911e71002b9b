import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { excluded } from '#src/db/bulk-sql.ts';
import type { Db } from '#src/db/client.ts';
import { AppError } from '#src/lib/errors.ts';
import type { CacheBus } from '#src/web/cache-bus.ts';
import { EVERYTHING } from '#src/web/page-cache.ts';
import { fieldErrorsOf } from '#src/web/validation.ts';
import { productWriteTags } from './cache-tags.ts';
import { type Category, catalogSlugRedirects, categories, type Product, products } from './schema.ts';
import {
  type CategoryChanges,
  type CategoryInput,
  categoryChangesSchema,
  categoryInputSchema,
  type ProductChanges,
  type ProductInput,
  productChangesSchema,
  productInputSchema,
} from './validators.ts';

/**
 * What catalogue writes need: the database and the caches to tell. An AppContext fits; a seed script without a
 * web app passes a cache that announces nothing.
 */
export type CatalogWriteContext = { db: Db; cache: Pick<CacheBus, 'announce'> };

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new AppError('VALIDATION', `The ${what} has invalid fields.`, { fields: fieldErrorsOf(result.error) });
  }
  return result.data;
}

// Unique-key clashes (slug, sku) surface as PostgreSQL error 23505; the caller gets a 409 naming the field.
export function translateUniqueViolation(err: unknown, what: string): never {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const pgErr = e.code === '23505' ? e : e.cause?.code === '23505' ? e.cause : undefined;
  if (!pgErr) throw err;
  const field = pgErr.constraint?.includes('sku') ? 'sku' : 'slug';
  throw new AppError('CONFLICT', `Another ${what} already uses this ${field}.`, {
    fields: { [field]: 'is already taken' },
    cause: err,
  });
}

export async function checkCategoryExists(tx: Tx, id: string | null | undefined): Promise<void> {
  if (id) await checkCategoriesExist(tx, [id]);
}

/** Throws the field error of a missing category unless every one of `ids` exists; for writes of many products. */
export async function checkCategoriesExist(tx: Tx, ids: Iterable<string>): Promise<void> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return;
  const found = await tx.select({ id: categories.id }).from(categories).where(inArray(categories.id, wanted));
  if (found.length < wanted.length) {
    throw new AppError('VALIDATION', 'The category does not exist.', { fields: { categoryId: 'no such category' } });
  }
}

export type Rename = { from: string; to: string; id: string };

// The old slug keeps answering (301) for the renamed record; a slug taken back frees its redirect.
export async function recordRename(tx: Tx, kind: 'product' | 'category', from: string, to: string, id: string) {
  await recordRenames(tx, kind, [{ from, to, id }]);
}

/**
 * Several renames at once, as one statement each way. The same as recording them one by one in order: within
 * one write no old slug can be another record's new one, or that record would still hold it.
 */
export async function recordRenames(tx: Tx, kind: 'product' | 'category', renames: Rename[]): Promise<void> {
  if (renames.length === 0) return;
  await tx
    .insert(catalogSlugRedirects)
    .values(renames.map((r) => ({ kind, fromSlug: r.from, targetId: r.id })))
    .onConflictDoUpdate({
      target: [catalogSlugRedirects.kind, catalogSlugRedirects.fromSlug],
      set: { targetId: excluded(catalogSlugRedirects.targetId) },
    });
  await tx.delete(catalogSlugRedirects).where(
    and(
      eq(catalogSlugRedirects.kind, kind),
      inArray(
        catalogSlugRedirects.fromSlug,
        renames.map((r) => r.to),
      ),
    ),
  );
}

/** Adds a product; it shows in the lists, and in articles that were waiting for it, once committed. */
export async function createProduct(ctx: CatalogWriteContext, input: ProductInput): Promise<Product> {
  const values = parseInput(productInputSchema, input, 'product');
  return ctx.db
    .transaction(async (tx) => {
      await checkCategoryExists(tx, values.categoryId);
      const [row] = await tx.insert(products).values(values).returning();
      await ctx.cache.announce(tx, { pages: productWriteTags(row!) });
      return row!;
    })
    .catch((err: unknown) => translateUniqueViolation(err, 'product'));
}

/** Changes some fields of a product; a new slug leaves a redirect from the old one. */
export async function updateProduct(
  ctx: CatalogWriteContext,
  o: { id: string; changes: ProductChanges },
): Promise<Product> {
  const changes = parseInput(productChangesSchema, o.changes, 'product');
  return ctx.db
    .transaction(async (tx) => {
      const [current] = await tx.select().from(products).where(eq(products.id, o.id)).for('update');
      if (!current) throw new AppError('NOT_FOUND', 'No such product.');
      if (changes.categoryId !== undefined) await checkCategoryExists(tx, changes.categoryId);
      const [row] = await tx
        .update(products)
        .set({ ...changes, updatedAt: new Date() })
        .where(eq(products.id, o.id))
        .returning();
      if (changes.slug && changes.slug !== current.slug) {
        await recordRename(tx, 'product', current.slug, changes.slug, o.id);
      }
      // Its own pages under the old and the new slug, every list, which may show it or no longer show it, and the
      // pages of products in its old and new category, whose related products it may join or leave.
      await ctx.cache.announce(tx, { pages: productWriteTags(current, row!) });
      return row!;
    })
    .catch((err: unknown) => translateUniqueViolation(err, 'product'));
}

/** Adds a category, under `parentId` when given. */
export async function createCategory(ctx: CatalogWriteContext, input: CategoryInput): Promise<Category> {
  const values = parseInput(categoryInputSchema, input, 'category');
  return ctx.db
    .transaction(async (tx) => {
      if (values.parentId) await checkParent(tx, values.parentId, null);
      const [row] = await tx.insert(categories).values(values).returning();
      // Categories appear in the navigation, breadcrumbs and filters of nearly every page.
      await ctx.cache.announce(tx, { pages: [EVERYTHING] });
      return row!;
    })
    .catch((err: unknown) => translateUniqueViolation(err, 'category'));
}

/** Changes a category; a new slug leaves a redirect, and a category cannot move below itself. */
export async function updateCategory(
  ctx: CatalogWriteContext,
  o: { id: string; changes: CategoryChanges },
): Promise<Category> {
  const changes = parseInput(categoryChangesSchema, o.changes, 'category');
  return ctx.db
    .transaction(async (tx) => {
      const [current] = await tx.select().from(categories).where(eq(categories.id, o.id)).for('update');
      if (!current) throw new AppError('NOT_FOUND', 'No such category.');
      if (changes.parentId) await checkParent(tx, changes.parentId, o.id);
      const [row] = await tx
        .update(categories)
        .set({ ...changes, updatedAt: new Date() })
        .where(eq(categories.id, o.id))
        .returning();
      if (changes.slug && changes.slug !== current.slug) {
        await recordRename(tx, 'category', current.slug, changes.slug, o.id);
      }
      await ctx.cache.announce(tx, { pages: [EVERYTHING] });
      return row!;
    })
    .catch((err: unknown) => translateUniqueViolation(err, 'category'));
}

// Walks up from the new parent: meeting the category itself would make a loop in the tree.
async function checkParent(tx: Tx, parentId: string, selfId: string | null): Promise<void> {
  let id: string | null = parentId;
  for (let depth = 0; id && depth < 50; depth++) {
    if (id === selfId) {
      throw new AppError('VALIDATION', 'A category cannot be placed under itself.', {
        fields: { parentId: 'would make a loop' },
      });
    }
    const [row]: { parentId: string | null }[] = await tx
      .select({ parentId: categories.parentId })
      .from(categories)
      .where(eq(categories.id, id));
    if (!row) {
      if (id === parentId)
        throw new AppError('VALIDATION', 'The parent category does not exist.', {
          fields: { parentId: 'no such category' },
        });
      return;
    }
    id = row.parentId;
  }
}
