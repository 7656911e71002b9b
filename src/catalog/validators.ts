import { z } from 'zod';
import {
  ACCESS_CLASSES,
  PRODUCT_FORMS,
  PRODUCT_STATUSES,
  REGULATORY_STATUSES,
  ROUTES_OF_USE,
  STORAGE_CLASSES,
  WARNING_TOPICS,
} from './schema.ts';

export const PRODUCT_SORTS = ['name', 'price-asc', 'price-desc', 'newest'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

export const SORT_LABELS: Record<ProductSort, string> = {
  name: 'Name (A-Z)',
  'price-asc': 'Price: low to high',
  'price-desc': 'Price: high to low',
  newest: 'Newest first',
};

export const MAX_PAGE = 10_000;
export const MAX_LIMIT = 100;
export const PAGE_SIZE = 24;

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// A form that leaves a field empty means "not chosen", not "invalid".
function blankAsUndefined(value: unknown): unknown {
  return value === '' ? undefined : value;
}

export const slugSchema = z
  .string()
  .min(1)
  .max(120, { error: 'must be at most 120 characters' })
  .regex(SLUG_PATTERN, { error: 'must be lowercase letters, digits and single hyphens' });

export const sortSchema = z.enum(PRODUCT_SORTS, { error: `must be one of ${PRODUCT_SORTS.join(', ')}` });

export const pageSchema = z.coerce
  .number({ error: 'must be a whole number' })
  .int({ error: 'must be a whole number' })
  .min(1, { error: 'must be 1 or more' })
  .max(MAX_PAGE, { error: `must be at most ${MAX_PAGE}` });

export const limitSchema = z.coerce
  .number({ error: 'must be a whole number' })
  .int({ error: 'must be a whole number' })
  .min(1, { error: 'must be 1 or more' })
  .max(MAX_LIMIT, { error: `must be at most ${MAX_LIMIT}` });

/** Query string of /products and /categories/:slug. */
export const listPageQuerySchema = z.object({
  category: z.preprocess(blankAsUndefined, slugSchema.optional()),
  sort: z.preprocess(blankAsUndefined, sortSchema.default('name')),
  page: z.preprocess(blankAsUndefined, pageSchema.default(1)),
});

const ingredientSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    amount: z.string().trim().max(100).optional(),
  })
  .strict();

const warningSchema = z
  .object({
    topic: z.enum(WARNING_TOPICS, { error: `must be one of ${WARNING_TOPICS.join(', ')}` }),
    text: z
      .string()
      .trim()
      .min(1, { error: 'must say what to watch for' })
      .max(500, { error: 'must be at most 500 characters' }),
  })
  .strict();

const imageSchema = z
  .object({
    src: z
      .string()
      .min(1)
      .max(500)
      .regex(/^(\/|https:\/\/)/, { error: 'must be a site path or an https URL' }),
    alt: z.string().trim().min(1, { error: 'every image needs alt text' }).max(300),
  })
  .strict();

const centsSchema = z.number().int().min(0).max(100_000_000);

// Field rules without defaults: a partial change must never fill omitted fields with defaults.
const productFields = {
  slug: slugSchema,
  name: z.string().trim().min(1).max(200),
  summary: z.string().trim().max(500),
  description: z.string().max(50_000),
  categoryId: z.uuid().nullable(),
  brand: z.string().trim().max(120),
  images: z.array(imageSchema).max(12),
  sku: z.string().trim().min(1).max(64),
  priceCents: centsSchema,
  compareAtCents: centsSchema.nullable(),
  currency: z.string().regex(/^[A-Z]{3}$/, { error: 'must be a 3-letter ISO currency code' }),
  status: z.enum(PRODUCT_STATUSES),
  isFeatured: z.boolean(),
  form: z.enum(PRODUCT_FORMS),
  route: z.enum(ROUTES_OF_USE),
  activeIngredients: z.array(ingredientSchema).max(50),
  sideEffects: z.array(z.string().trim().min(1).max(300)).max(50),
  warnings: z.array(warningSchema).max(20, { error: 'must be at most 20 warnings' }),
  regulatoryStatus: z.enum(REGULATORY_STATUSES),
  accessClass: z.enum(ACCESS_CLASSES),
  storage: z.enum(STORAGE_CLASSES),
  directions: z.string().max(20_000),
};

/** Everything a new product carries; defaults match the database's. */
export const productInputSchema = z
  .object({
    ...productFields,
    summary: productFields.summary.default(''),
    description: productFields.description.default(''),
    categoryId: productFields.categoryId.default(null),
    brand: productFields.brand.default(''),
    images: productFields.images.default([]),
    compareAtCents: productFields.compareAtCents.default(null),
    currency: productFields.currency.default('USD'),
    status: productFields.status.default('draft'),
    isFeatured: productFields.isFeatured.default(false),
    activeIngredients: productFields.activeIngredients.default([]),
    sideEffects: productFields.sideEffects.default([]),
    warnings: productFields.warnings.default([]),
    accessClass: productFields.accessClass.default('open'),
    storage: productFields.storage.default('ambient'),
    directions: productFields.directions.default(''),
  })
  .strict();
export type ProductInput = z.input<typeof productInputSchema>;

/** A partial change to a product: only the fields given are written. */
export const productChangesSchema = z.object(productFields).partial().strict();
export type ProductChanges = z.input<typeof productChangesSchema>;

const categoryFields = {
  slug: slugSchema,
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().max(2000),
  parentId: z.uuid().nullable(),
  position: z.number().int().min(0).max(10_000),
};

export const categoryInputSchema = z
  .object({
    ...categoryFields,
    description: categoryFields.description.default(''),
    parentId: categoryFields.parentId.default(null),
    position: categoryFields.position.default(0),
  })
  .strict();
export type CategoryInput = z.input<typeof categoryInputSchema>;

export const categoryChangesSchema = z.object(categoryFields).partial().strict();
export type CategoryChanges = z.input<typeof categoryChangesSchema>;
