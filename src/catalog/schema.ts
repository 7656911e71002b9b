import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Picture } from '#src/media/image-files.ts';

// tsvector kept up to date by a trigger (see the catalog search migration), so every writer gets it for free.
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const PRODUCT_STATUSES = ['draft', 'active', 'archived'] as const;
export const PRODUCT_FORMS = [
  'gummy',
  'capsule',
  'tablet',
  'serum',
  'cream',
  'solution',
  'spray',
  'vial',
  'kit',
  'device',
  'other',
] as const;
export const ROUTES_OF_USE = ['oral', 'topical', 'injectable', 'device'] as const;
export const REGULATORY_STATUSES = [
  'fda-approved',
  'fda-cleared',
  'de-novo',
  'cosmetic',
  'dietary-supplement',
  'not-fda-approved',
] as const;
export const ACCESS_CLASSES = ['open', 'professional', 'rx-only'] as const;
export const STORAGE_CLASSES = ['ambient', 'refrigerated'] as const;

/** What a warning is about; the product page groups its warnings under these headings. */
export const WARNING_TOPICS = [
  'pregnancy',
  'children',
  'allergy',
  'interactions',
  'conditions',
  'handling',
  'use',
] as const;

export const productStatus = pgEnum('product_status', PRODUCT_STATUSES);
export const productForm = pgEnum('product_form', PRODUCT_FORMS);
export const routeOfUse = pgEnum('route_of_use', ROUTES_OF_USE);
export const regulatoryStatus = pgEnum('regulatory_status', REGULATORY_STATUSES);
export const accessClass = pgEnum('access_class', ACCESS_CLASSES);
export const storageClass = pgEnum('storage_class', STORAGE_CLASSES);

/** A picture of a product: given by address (the demo's drawings) or uploaded (media/image-files.ts). */
export type ProductImage = Picture;
export type ActiveIngredient = { name: string; amount?: string };
/** A caution beside the side effects: who must not use or handle the product, and when to take care. */
export type ProductWarning = { topic: (typeof WARNING_TOPICS)[number]; text: string };

export const categories = pgTable('categories', {
  id: uuid().primaryKey().defaultRandom(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  description: text().notNull().default(''),
  parentId: uuid().references((): AnyPgColumn => categories.id, { onDelete: 'set null' }),
  position: integer().notNull().default(0),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const products = pgTable(
  'products',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    name: text().notNull(),
    summary: text().notNull().default(''),
    description: text().notNull().default(''),
    categoryId: uuid().references(() => categories.id, { onDelete: 'set null' }),
    brand: text().notNull().default(''),
    images: jsonb().$type<ProductImage[]>().notNull().default([]),
    sku: text().notNull().unique(),
    priceCents: integer().notNull(),
    compareAtCents: integer(),
    currency: text().notNull().default('USD'),
    status: productStatus().notNull().default('draft'),
    isFeatured: boolean().notNull().default(false),
    form: productForm().notNull(),
    route: routeOfUse().notNull(),
    activeIngredients: jsonb().$type<ActiveIngredient[]>().notNull().default([]),
    sideEffects: jsonb().$type<string[]>().notNull().default([]),
    warnings: jsonb().$type<ProductWarning[]>().notNull().default([]),
    regulatoryStatus: regulatoryStatus().notNull(),
    accessClass: accessClass().notNull().default('open'),
    storage: storageClass().notNull().default('ambient'),
    directions: text().notNull().default(''),
    search: tsvector(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('products_search_idx').using('gin', t.search),
    // Trigram index for names typed with a slip ("minoxidl"); pg_trgm is created by the same migration.
    index('products_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
    index('products_category_idx').on(t.categoryId),
    index('products_status_name_idx').on(t.status, t.name, t.id),
    index('products_status_price_idx').on(t.status, t.priceCents, t.id),
    index('products_status_created_idx').on(t.status, t.createdAt, t.id),
    // Counts of the shop's lists (all active products, or those of some categories) read this small index alone,
    // not the wide rows; so does the category filter.
    index('products_active_category_idx').on(t.categoryId).where(sql`${t.status} = 'active'`),
    // Staff's list, every status, in name order: a common word in the search box fills a page from the start.
    index('products_name_idx').on(t.name, t.id),
    // Staff's search by the start of a SKU, case-insensitive (ILIKE 'scl-001%'), which a b-tree cannot answer.
    index('products_sku_trgm_idx').using('gin', t.sku.op('gin_trgm_ops')),
  ],
);

/** Old slugs of products and categories, so links keep working after a rename (answered with a 301). */
export const catalogSlugRedirects = pgTable(
  'catalog_slug_redirects',
  {
    kind: text({ enum: ['product', 'category'] }).notNull(),
    fromSlug: text().notNull(),
    targetId: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.fromSlug] })],
);

export type Category = typeof categories.$inferSelect;
export type Product = typeof products.$inferSelect;
export type NewProduct = typeof products.$inferInsert;
