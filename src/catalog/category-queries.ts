import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import type { CacheBus } from '#src/web/cache-bus.ts';
import { memoUntilWholeCacheGoes } from '#src/web/whole-cache-memo.ts';
import { type Category, catalogSlugRedirects, categories, products } from './schema.ts';

export type CategoryNode = Category & { children: CategoryNode[]; productCount: number };

/** All categories, ordered as staff arranged them; stores have tens of them, so reading all is cheap. */
export async function listCategories(db: Db): Promise<Category[]> {
  return db.select().from(categories).orderBy(asc(categories.position), asc(categories.name));
}

/**
 * All categories as every catalogue page shows them: read once, and again after a write that empties the whole
 * page cache (every change to a category does). Shared between requests, so never modify them.
 */
export const categoriesOf = memoUntilWholeCacheGoes((ctx: { db: Db; cache: CacheBus }) => listCategories(ctx.db));

/** Ids of a category and every category below it, so a parent's page lists its children's products too. */
export function collectDescendantIds(all: Category[], rootId: string): string[] {
  const ids = [rootId];
  // Index loop over a growing list: a breadth-first walk that also survives a (bad) cycle in the data.
  for (let i = 0; i < ids.length; i++) {
    for (const c of all) if (c.parentId === ids[i] && !ids.includes(c.id)) ids.push(c.id);
  }
  return ids;
}

/** The chain from the top-level category down to `id` (inclusive), for breadcrumbs. */
export function collectAncestors(all: Category[], id: string | null): Category[] {
  const byId = new Map(all.map((c) => [c.id, c]));
  const chain: Category[] = [];
  let current = id ? byId.get(id) : undefined;
  while (current && !chain.includes(current)) {
    chain.unshift(current);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return chain;
}

/** Ids of the whole branch `id` belongs to: its top-level category and everything below that. */
export function collectBranchIds(all: Category[], id: string | null): string[] {
  const top = collectAncestors(all, id)[0];
  return top ? collectDescendantIds(all, top.id) : [];
}

/** The category tree with the number of active products in each branch (its own and its descendants'). */
export async function getCategoryTree(db: Db): Promise<CategoryNode[]> {
  const [all, counts] = await Promise.all([
    listCategories(db),
    db
      .select({ categoryId: products.categoryId, count: sql<number>`count(*)::int` })
      .from(products)
      .where(eq(products.status, 'active'))
      .groupBy(products.categoryId),
  ]);
  const own = new Map(counts.map((r) => [r.categoryId, r.count]));
  const build = (parentId: string | null, seen: Set<string>): CategoryNode[] =>
    all
      .filter((c) => c.parentId === parentId && !seen.has(c.id))
      .map((c) => {
        const children = build(c.id, new Set([...seen, c.id]));
        const productCount = (own.get(c.id) ?? 0) + children.reduce((n, child) => n + child.productCount, 0);
        return { ...c, children, productCount };
      });
  return build(null, new Set());
}

export type CategoryLookup =
  | { kind: 'found'; category: Category; all: Category[] }
  | { kind: 'moved'; slug: string }
  | { kind: 'missing' };

/** A category by slug among `all` of them; an old slug of a renamed category answers where it lives now. */
export async function findCategory(db: Db, all: Category[], slug: string): Promise<CategoryLookup> {
  const category = all.find((c) => c.slug === slug);
  if (category) return { kind: 'found', category, all };
  const [redirect] = await db
    .select({ targetId: catalogSlugRedirects.targetId })
    .from(catalogSlugRedirects)
    .where(and(eq(catalogSlugRedirects.kind, 'category'), eq(catalogSlugRedirects.fromSlug, slug)));
  const target = redirect && all.find((c) => c.id === redirect.targetId);
  return target ? { kind: 'moved', slug: target.slug } : { kind: 'missing' };
}

/** How many products (in any status) each category holds directly, for the category editor. */
export async function countProductsPerCategory(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .select({ categoryId: products.categoryId, count: sql<number>`count(*)::int` })
    .from(products)
    .groupBy(products.categoryId);
  return new Map(rows.filter((r) => r.categoryId).map((r) => [r.categoryId!, r.count]));
}
