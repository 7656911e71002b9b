import { inArray } from 'drizzle-orm';
import { categories, products } from '#src/catalog/schema.ts';
import type { Config } from '#src/config.ts';
import { articleCategories, articleCategoryLinks, articles } from '#src/content/schema.ts';
import type { Db } from '#src/db/client.ts';
import { writeShippingSettings } from '#src/shipping/methods.ts';
import { createFileStorage } from '#src/storage/create-storage.ts';
import type { FileStorage } from '#src/storage/storage.ts';
import { storeSettings } from '#src/store/schema.ts';
import { saveTaxRate } from '#src/tax/rates.ts';
import { notifyInstances } from '#src/web/cache-bus.ts';
import { EVERYTHING } from '#src/web/page-cache.ts';
import { insertDemoLots } from './seed-stock.ts';
import type { DemoArticle, DemoArticleCategory, DemoCategory } from './types.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** True when the store has never been set up: no settings row yet. */
export async function isDemoNeeded(db: Db): Promise<boolean> {
  const rows = await db.select({ id: storeSettings.id }).from(storeSettings).limit(1);
  return rows.length === 0;
}

/** The image of a demo product: its own drawing, named after its slug. */
export function demoImagePath(slug: string): string {
  return `/assets/demo/${slug}.svg`;
}

// Inserts parents before children, one batch per level of the tree, and returns every demo slug's id
// (including categories that already existed, so a second run can still attach products to them).
async function insertCategories(tx: Tx, list: DemoCategory[]): Promise<{ ids: Map<string, string>; inserted: number }> {
  const ids = new Map<string, string>();
  let pending = list;
  let inserted = 0;
  while (pending.length > 0) {
    const ready = pending.filter((c) => !c.parent || ids.has(c.parent));
    if (ready.length === 0)
      throw new Error(`Demo categories name unknown parents: ${pending.map((c) => c.slug).join(', ')}`);
    const rows = await tx
      .insert(categories)
      .values(
        ready.map((c) => ({
          slug: c.slug,
          name: c.name,
          description: c.description,
          position: c.position,
          parentId: c.parent ? ids.get(c.parent)! : null,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: categories.id });
    inserted += rows.length;
    const saved = await tx
      .select({ id: categories.id, slug: categories.slug })
      .from(categories)
      .where(
        inArray(
          categories.slug,
          ready.map((c) => c.slug),
        ),
      );
    for (const row of saved) ids.set(row.slug, row.id);
    pending = pending.filter((c) => !ready.includes(c));
  }
  return { ids, inserted };
}

export type DemoSeedOptions = {
  /** Also create the demo customers, storing their licence documents here. */
  customersStorage?: FileStorage | undefined;
};

/**
 * The demo customers' passwords are in the README, so anyone could sign in as them, one of them a verified
 * physician: a production store gets the demo catalogue and articles without them.
 */
export function demoSeedOptionsFor(
  config: Pick<Config, 'env' | 'dataDir'> & Partial<Pick<Config, 's3'>>,
): DemoSeedOptions {
  return config.env === 'production'
    ? {}
    : { customersStorage: createFileStorage({ dataDir: config.dataDir, s3: config.s3 }) };
}

// The blog's categories, then the articles, each filed under its categories. Only articles added now are filed:
// a store that has refiled or removed them keeps its own choice.
async function insertDemoArticles(tx: Tx, demo: DemoArticle[], demoCategories: DemoArticleCategory[]) {
  await tx.insert(articleCategories).values(demoCategories).onConflictDoNothing();
  const categoryRows = await tx
    .select({ id: articleCategories.id, slug: articleCategories.slug })
    .from(articleCategories);
  const categoryIds = new Map(categoryRows.map((row) => [row.slug, row.id]));
  const rows = await tx
    .insert(articles)
    .values(
      // Written when they were published: a demo store set up today has not just updated them.
      demo.map(({ categories: _categories, ...article }) => ({
        ...article,
        updatedAt: article.publishedAt ?? new Date(),
      })),
    )
    .onConflictDoNothing()
    .returning({ id: articles.id, slug: articles.slug });
  const links = rows.flatMap((row) =>
    (demo.find((a) => a.slug === row.slug)?.categories ?? []).flatMap((slug) => {
      const categoryId = categoryIds.get(slug);
      return categoryId ? [{ articleId: row.id, categoryId }] : [];
    }),
  );
  if (links.length > 0) await tx.insert(articleCategoryLinks).values(links);
  return rows;
}

/**
 * Loads the demo store (FACE Med Store): settings, categories, products and articles in one transaction, then
 * the demo customers when asked. Existing rows with the same keys are left untouched, so running it again
 * changes nothing. Returns how many rows of each kind were added.
 */
export async function seedDemoStore(db: Db, o: DemoSeedOptions = {}): Promise<Record<string, number>> {
  // The demo texts (a tenth of the code) are loaded only when a store is being set up, not at every start.
  const [
    { DEMO_ARTICLES, DEMO_ARTICLE_CATEGORIES, DEMO_PRODUCTS },
    { DEMO_CATEGORIES, DEMO_SETTINGS, DEMO_SHIPPING, DEMO_TAX_RATES },
  ] = await Promise.all([import('./demo-data.ts'), import('./store-data.ts')]);
  const catalogue = await db.transaction(async (tx) => {
    const settings = await tx
      .insert(storeSettings)
      .values({ id: 1, ...DEMO_SETTINGS })
      .onConflictDoNothing()
      .returning({ id: storeSettings.id });
    // Shipping and tax rows exist from the migration; a store set up just now gets the demo's, one set up before
    // keeps what its staff chose.
    if (settings.length > 0) {
      await writeShippingSettings(tx, DEMO_SHIPPING);
      for (const rate of DEMO_TAX_RATES) await saveTaxRate(tx, rate);
    }
    const { ids, inserted: categoryCount } = await insertCategories(tx, DEMO_CATEGORIES);
    const productRows = await tx
      .insert(products)
      .values(
        DEMO_PRODUCTS.map(({ category, imageAlt, lots: _lots, ...product }) => ({
          ...product,
          categoryId: ids.get(category) ?? null,
          images: [{ src: demoImagePath(product.slug), alt: imageAlt }],
        })),
      )
      .onConflictDoNothing()
      .returning({ id: products.id, slug: products.slug });
    await insertDemoLots(tx, productRows, DEMO_PRODUCTS);
    const articleRows = await insertDemoArticles(tx, DEMO_ARTICLES, DEMO_ARTICLE_CATEGORIES);
    // A store already running on this database shows the new records at once.
    await notifyInstances(tx, { pages: [EVERYTHING] });
    return {
      settings: settings.length,
      categories: categoryCount,
      products: productRows.length,
      articles: articleRows.length,
    };
  });
  if (!o.customersStorage) return { ...catalogue, customers: 0, licences: 0 };
  const { seedDemoCustomers } = await import('./seed-customers.ts');
  return { ...catalogue, ...(await seedDemoCustomers(db, o.customersStorage)) };
}
