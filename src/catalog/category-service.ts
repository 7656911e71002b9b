import { and, asc, count, eq, isNull, max } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { AppError } from '#src/lib/errors.ts';
import { EVERYTHING } from '#src/web/page-cache.ts';
import { collectDescendantIds } from './category-queries.ts';
import { type Category, catalogSlugRedirects, categories, products } from './schema.ts';
import { type CatalogWriteContext, recordRename, type Tx, translateUniqueViolation } from './service.ts';

/** One change to the category tree, as the caller records it (the admin writes it to the audit log). */
export type CategoryChange = {
  action: 'category.create' | 'category.rename' | 'category.move' | 'category.reorder' | 'category.delete';
  categoryId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/** Runs inside the writing transaction, so that the record of a change exists exactly when the change does. */
export type RecordCategoryChange = (tx: Db, change: CategoryChange) => Promise<void>;

type Placement = { parentId: string | null };

function siblingsOf(parentId: string | null) {
  return parentId === null ? isNull(categories.parentId) : eq(categories.parentId, parentId);
}

// Every change to a category shows in the navigation, breadcrumbs and filters of nearly every page.
async function announceTreeChange(ctx: CatalogWriteContext, tx: Tx) {
  await ctx.cache.announce(tx, { pages: [EVERYTHING] });
}

async function lockCategory(tx: Tx, id: string): Promise<Category> {
  const [row] = await tx.select().from(categories).where(eq(categories.id, id)).for('update');
  if (!row) throw new AppError('NOT_FOUND', 'No such category.');
  return row;
}

async function nextPosition(tx: Tx, parentId: string | null): Promise<number> {
  const [row] = await tx
    .select({ last: max(categories.position) })
    .from(categories)
    .where(siblingsOf(parentId));
  return row?.last === null || row?.last === undefined ? 0 : row.last + 1;
}

async function checkParentExists(tx: Tx, parentId: string | null): Promise<void> {
  if (!parentId) return;
  const [row] = await tx.select({ id: categories.id }).from(categories).where(eq(categories.id, parentId));
  if (!row) {
    throw new AppError('VALIDATION', 'The chosen parent category no longer exists.', {
      fields: { parentId: 'Choose a parent from the list.' },
    });
  }
}

/** Adds a category at the end of its siblings. */
export async function addCategory(
  ctx: CatalogWriteContext,
  input: { name: string; slug: string; description: string; parentId: string | null },
  record: RecordCategoryChange,
): Promise<Category> {
  return ctx.db
    .transaction(async (tx) => {
      await checkParentExists(tx, input.parentId);
      const position = await nextPosition(tx, input.parentId);
      const [row] = await tx
        .insert(categories)
        .values({ ...input, position })
        .returning();
      await record(tx, {
        action: 'category.create',
        categoryId: row!.id,
        before: null,
        after: { name: row!.name, slug: row!.slug, description: row!.description, parentId: row!.parentId },
      });
      await announceTreeChange(ctx, tx);
      return row!;
    })
    .catch((err: unknown) => translateUniqueViolation(err, 'category'));
}

/** Changes a category's name, address and description; the old address keeps answering with a 301. */
export async function renameCategory(
  ctx: CatalogWriteContext,
  o: { id: string; name: string; slug: string; description: string },
  record: RecordCategoryChange,
): Promise<Category> {
  return ctx.db
    .transaction(async (tx) => {
      const current = await lockCategory(tx, o.id);
      if (current.name === o.name && current.slug === o.slug && current.description === o.description) return current;
      const [row] = await tx
        .update(categories)
        .set({ name: o.name, slug: o.slug, description: o.description, updatedAt: new Date() })
        .where(eq(categories.id, o.id))
        .returning();
      if (row!.slug !== current.slug) await recordRename(tx, 'category', current.slug, row!.slug, o.id);
      const fields = ['name', 'slug', 'description'] as const;
      const changed = fields.filter((f) => current[f] !== row![f]);
      await record(tx, {
        action: 'category.rename',
        categoryId: o.id,
        before: Object.fromEntries(changed.map((f) => [f, current[f]])),
        after: Object.fromEntries(changed.map((f) => [f, row![f]])),
      });
      await announceTreeChange(ctx, tx);
      return row!;
    })
    .catch((err: unknown) => translateUniqueViolation(err, 'category'));
}

/** Places a category (with everything below it) under another parent, or at the top; it goes last there. */
export async function moveCategory(
  ctx: CatalogWriteContext,
  o: { id: string } & Placement,
  record: RecordCategoryChange,
): Promise<Category> {
  return ctx.db.transaction(async (tx) => {
    const current = await lockCategory(tx, o.id);
    if (current.parentId === o.parentId) return current;
    await checkParentExists(tx, o.parentId);
    if (o.parentId) {
      // Locks the whole (small) tree: two moves at once could otherwise each pass the check and make a loop.
      const all = await tx.select().from(categories).for('update');
      if (collectDescendantIds(all, o.id).includes(o.parentId)) {
        throw new AppError('VALIDATION', 'A category cannot go under itself or under a category inside it.', {
          fields: { parentId: 'Choose a parent outside this category.' },
        });
      }
    }
    const position = await nextPosition(tx, o.parentId);
    const [row] = await tx
      .update(categories)
      .set({ parentId: o.parentId, position, updatedAt: new Date() })
      .where(eq(categories.id, o.id))
      .returning();
    await record(tx, {
      action: 'category.move',
      categoryId: o.id,
      before: { parentId: current.parentId },
      after: { parentId: row!.parentId },
    });
    await announceTreeChange(ctx, tx);
    return row!;
  });
}

/**
 * Swaps a category with its neighbour above or below. Siblings are renumbered 0, 1, 2… first, so that equal or
 * gapped positions (from imports or older data) still move one step per press.
 */
export async function moveCategoryStep(
  ctx: CatalogWriteContext,
  o: { id: string; direction: 'up' | 'down' },
  record: RecordCategoryChange,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const current = await lockCategory(tx, o.id);
    const siblings = await tx
      .select({ id: categories.id })
      .from(categories)
      .where(siblingsOf(current.parentId))
      .orderBy(asc(categories.position), asc(categories.name))
      .for('update');
    const ids = siblings.map((s) => s.id);
    const from = ids.indexOf(o.id);
    const to = o.direction === 'up' ? from - 1 : from + 1;
    if (to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    for (const [position, id] of ids.entries()) {
      await tx.update(categories).set({ position }).where(eq(categories.id, id));
    }
    await record(tx, {
      action: 'category.reorder',
      categoryId: o.id,
      before: { place: from + 1 },
      after: { place: to + 1 },
    });
    await announceTreeChange(ctx, tx);
  });
}

/** Deletes a category that holds no products and no categories; otherwise says what is still in it. */
export async function deleteCategory(
  ctx: CatalogWriteContext,
  o: { id: string },
  record: RecordCategoryChange,
): Promise<Category> {
  return ctx.db.transaction(async (tx) => {
    const current = await lockCategory(tx, o.id);
    const [[children], [held]] = await Promise.all([
      tx.select({ n: count() }).from(categories).where(eq(categories.parentId, o.id)),
      tx.select({ n: count() }).from(products).where(eq(products.categoryId, o.id)),
    ]);
    const blockers = [
      children && children.n > 0 ? plural(children.n, 'category', 'categories') : '',
      held && held.n > 0 ? plural(held.n, 'product', 'products') : '',
    ].filter(Boolean);
    if (blockers.length > 0) {
      throw new AppError(
        'CONFLICT',
        `“${current.name}” still holds ${blockers.join(' and ')}. Move or delete them first, then delete the category.`,
      );
    }
    await tx
      .delete(catalogSlugRedirects)
      .where(and(eq(catalogSlugRedirects.kind, 'category'), eq(catalogSlugRedirects.targetId, o.id)));
    await tx.delete(categories).where(eq(categories.id, o.id));
    await record(tx, {
      action: 'category.delete',
      categoryId: o.id,
      before: { name: current.name, slug: current.slug, description: current.description, parentId: current.parentId },
      after: null,
    });
    await announceTreeChange(ctx, tx);
    return current;
  });
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
