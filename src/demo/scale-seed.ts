import { inArray, sql } from 'drizzle-orm';
import { categories, products } from '#src/catalog/schema.ts';
import { articles } from '#src/content/schema.ts';
import type { Db } from '#src/db/client.ts';
import { stockLedger, stockLots } from '#src/inventory/schema.ts';
import { notifyInstances } from '#src/web/cache-bus.ts';
import { EVERYTHING } from '#src/web/page-cache.ts';
import type { DemoArticle, DemoProduct } from './types.ts';

/** Rows written per statement: large enough to be quick, small enough for PGlite's memory. */
export const SCALE_BATCH = 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

// Fictional makers: each scale product is a demo product as another maker would sell it, in another pack size, so
// its medical facts (ingredients, side effects, regulatory status) stay those of a real kind of product.
const MAKERS = [
  'Cedar Ridge Labs',
  'Northwind Dermal',
  'Bluewater Clinical',
  'Summit Aesthetics',
  'Larkspur Health',
  'Meridian Skin Science',
  'Copperline Medical',
  'Tidewater Naturals',
  'Granite Peak Pharma',
  'Juniper Bay Botanicals',
  'Silverleaf Therapeutics',
  'Redstone Supply Co.',
];
const PACKS = ['Starter Size', 'Travel Size', 'Clinic Pack', 'Value Pack', '2-Pack', '3-Month Supply', 'Refill'];

function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The `index`-th scale product (0-based), made from a demo product: the same index always gives the same product. */
export function scaleProduct(template: DemoProduct, index: number): DemoProduct {
  const maker = MAKERS[index % MAKERS.length]!;
  const pack = PACKS[Math.floor(index / MAKERS.length) % PACKS.length]!;
  const number = String(index + 1).padStart(6, '0');
  const name = `${template.name.split(', ')[0]}, ${pack}`;
  // Prices move by whole dollars up to a quarter either way, so that sorting by price has something to sort.
  const swing = ((index * 7919) % 51) - 25;
  const priceCents = Math.max(199, Math.round((template.priceCents * (100 + swing)) / 100 / 100) * 100 - 1);
  return {
    ...template,
    slug: `${slugOf(name)}-${slugOf(maker)}-${number}`,
    sku: `SCL-${number}`,
    name,
    brand: maker,
    priceCents,
    compareAtCents: null,
    isFeatured: false,
    lots: [
      {
        lotNumber: `SCL${number}A`,
        quantity: 20 + (index % 180),
        expiresInDays: template.lots.some((lot) => lot.expiresInDays === null) ? null : 90 + (index % 600),
        receivedDaysAgo: 1 + (index % 120),
      },
    ],
  };
}

const ANGLES = [
  'Questions From Our Clinics',
  "A Practitioner's Checklist",
  'Myths and Facts',
  "A Patient's Guide",
  'What to Ask Before You Book',
  'Notes on Aftercare',
];

/** The `index`-th scale article, made from a demo article, published on a day of the last three years. */
export function scaleArticle(template: DemoArticle, index: number): DemoArticle {
  const angle = ANGLES[index % ANGLES.length]!;
  return {
    ...template,
    slug: `${slugOf(angle)}-${template.slug}-${String(index + 1).padStart(5, '0')}`,
    title: `${angle}: ${template.title}`,
    publishedAt: new Date(Date.UTC(2024, 0, 1) + (index % 1000) * DAY_MS),
  };
}

function daysFromToday(days: number): string {
  return new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
}

async function insertProductBatch(tx: Db, batch: DemoProduct[], categoryIds: Map<string, string>): Promise<number> {
  const added = await tx
    .insert(products)
    .values(
      batch.map(({ category, imageAlt: _alt, lots: _lots, ...product }) => ({
        ...product,
        categoryId: categoryIds.get(category) ?? null,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: products.id, sku: products.sku });
  if (added.length === 0) return 0;
  const lotOf = new Map(batch.map((p) => [p.sku, p.lots[0]!]));
  const lots = await tx
    .insert(stockLots)
    .values(
      added.map(({ id, sku }) => {
        const lot = lotOf.get(sku)!;
        return {
          productId: id,
          lotNumber: lot.lotNumber,
          expiresOn: lot.expiresInDays === null ? null : daysFromToday(lot.expiresInDays),
          receivedOn: daysFromToday(-lot.receivedDaysAgo),
          quantityReceived: lot.quantity,
          quantityOnHand: lot.quantity,
        };
      }),
    )
    .returning();
  await tx.insert(stockLedger).values(
    lots.map((lot) => ({
      lotId: lot.id,
      productId: lot.productId,
      kind: 'receipt' as const,
      quantity: lot.quantityReceived,
      reason: 'Scale test stock',
    })),
  );
  return added.length;
}

/**
 * Adds `count` products (with a lot each) and `count / 10` published articles to a store that has the demo
 * catalogue, in batches of SCALE_BATCH rows, one transaction per batch; `onProgress` hears after each. Running it
 * again with the same count adds nothing: the same index always makes the same SKU and slug.
 */
export async function seedAtScale(
  db: Db,
  count: number,
  o: { onProgress?: (p: { done: number; total: number }) => void } = {},
): Promise<{ products: number; articles: number }> {
  const [{ DEMO_ARTICLES, DEMO_PRODUCTS }] = await Promise.all([import('./demo-data.ts')]);
  const slugs = [...new Set(DEMO_PRODUCTS.map((p) => p.category))];
  const categoryIds = new Map(
    (
      await db
        .select({ id: categories.id, slug: categories.slug })
        .from(categories)
        .where(inArray(categories.slug, slugs))
    ).map((c) => [c.slug, c.id]),
  );
  const articleCount = Math.floor(count / 10);
  const total = count + articleCount;
  let done = 0;
  let addedProducts = 0;
  let addedArticles = 0;
  for (let start = 0; start < count; start += SCALE_BATCH) {
    const batch = Array.from({ length: Math.min(SCALE_BATCH, count - start) }, (_, i) =>
      scaleProduct(DEMO_PRODUCTS[(start + i) % DEMO_PRODUCTS.length]!, start + i),
    );
    addedProducts += await db.transaction((tx) => insertProductBatch(tx, batch, categoryIds));
    done += batch.length;
    o.onProgress?.({ done, total });
  }
  const published = DEMO_ARTICLES.filter((a) => a.status === 'published');
  for (let start = 0; start < articleCount; start += SCALE_BATCH) {
    const batch = Array.from({ length: Math.min(SCALE_BATCH, articleCount - start) }, (_, i) =>
      scaleArticle(published[(start + i) % published.length]!, start + i),
    );
    const rows = await db.insert(articles).values(batch).onConflictDoNothing().returning({ id: articles.id });
    addedArticles += rows.length;
    done += batch.length;
    o.onProgress?.({ done, total });
  }
  // Fresh statistics and visibility maps: without them the planner guesses a few hundred rows and reads the whole
  // table, and counts cannot come from the indexes alone. PGlite never vacuums by itself; PostgreSQL would only later.
  await db.execute(sql`vacuum analyze products, stock_lots, stock_ledger, articles`);
  // A store already running on this database shows the new records at once.
  await db.transaction((tx) => notifyInstances(tx, { pages: [EVERYTHING] }));
  return { products: addedProducts, articles: addedArticles };
}
