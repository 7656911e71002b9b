import { z } from '@hono/zod-openapi';
import { STOCK_STATUSES } from '#src/inventory/stock-status.ts';
import { MAX_QUERY_LENGTH } from '#src/lib/tsquery.ts';
import { checkPriceRange, filterQueryFields } from './filters.ts';
import {
  ACCESS_CLASSES,
  PRODUCT_FORMS,
  REGULATORY_STATUSES,
  ROUTES_OF_USE,
  STORAGE_CLASSES,
  WARNING_TOPICS,
} from './schema.ts';
import { limitSchema, PAGE_SIZE, pageSchema, slugSchema, sortSchema } from './validators.ts';

export const searchTextSchema = z
  .string()
  .trim()
  .min(1, { error: 'must not be empty' })
  // A NUL never gets here: app.ts refuses any address that carries one.
  .max(MAX_QUERY_LENGTH, { error: `must be at most ${MAX_QUERY_LENGTH} characters` });

export const ProductListQuerySchema = z
  .object({
    category: slugSchema.optional().openapi({ description: 'Slug of a category; its subcategories are included.' }),
    regulatoryStatus: filterQueryFields.regulatoryStatus.openapi({
      description: 'Only products with one of these regulatory statuses; repeat the parameter for several.',
      example: ['fda-approved', 'fda-cleared'],
    }),
    accessClass: filterQueryFields.accessClass.openapi({
      description: 'Only products sold to these classes of buyer; repeat the parameter for several.',
      example: ['open'],
    }),
    storage: filterQueryFields.storage.openapi({
      description: 'Only products stored this way (refrigerated ones ship on ice).',
    }),
    minPrice: filterQueryFields.minPrice.openapi({
      description: "Lowest price, in the store currency's main unit as a shopper types it (dollars: `20` or `19.99`).",
      example: '20',
    }),
    maxPrice: filterQueryFields.maxPrice.openapi({
      description: 'Highest price, in the same unit as minPrice; it must not be below minPrice.',
      example: '150',
    }),
    inStock: filterQueryFields.inStock.openapi({
      description: '`true` lists only products that can ship now (stockStatus in-stock or low-stock).',
    }),
    sort: sortSchema.default('name'),
    q: searchTextSchema.optional().openapi({ description: 'Full-text filter (for ranked results use /search).' }),
    page: pageSchema
      .optional()
      .openapi({ description: '1-based page number; the first page when neither page nor cursor is given.' }),
    cursor: z
      .string()
      .max(600)
      .optional()
      .openapi({ description: 'nextCursor of a previous answer (keyset pagination).' }),
    limit: limitSchema.default(PAGE_SIZE),
  })
  .superRefine(checkPriceRange);

const ImageSchema = z.object({ src: z.string(), alt: z.string() });
const CategoryRefSchema = z.object({ slug: z.string(), name: z.string() });

export const ProductSummarySchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    url: z.string().openapi({ description: 'Absolute address of the product page.' }),
    name: z.string(),
    summary: z.string(),
    brand: z.string(),
    sku: z.string(),
    images: z.array(ImageSchema),
    category: CategoryRefSchema.nullable(),
    priceCents: z.number().int(),
    compareAtCents: z.number().int().nullable(),
    currency: z.string().openapi({ example: 'USD' }),
    stockStatus: z.enum(STOCK_STATUSES),
    form: z.enum(PRODUCT_FORMS),
    route: z.enum(ROUTES_OF_USE),
    regulatoryStatus: z.enum(REGULATORY_STATUSES),
    regulatoryLabel: z.string(),
    accessClass: z.enum(ACCESS_CLASSES),
    accessLabel: z.string(),
    storage: z.enum(STORAGE_CLASSES),
    isFeatured: z.boolean(),
    createdAt: z.string().openapi({ format: 'date-time' }),
    updatedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('ProductSummary');

export const ProductDetailSchema = ProductSummarySchema.extend({
  description: z.string().openapi({ description: 'Markdown source.' }),
  descriptionHtml: z.string().openapi({ description: 'Sanitised HTML rendered from the Markdown.' }),
  directions: z.string(),
  activeIngredients: z.array(z.object({ name: z.string(), amount: z.string().optional() })),
  sideEffects: z.array(z.string()),
  warnings: z
    .array(
      z.object({
        topic: z.enum(WARNING_TOPICS),
        topicLabel: z.string().openapi({ example: 'Pregnancy and breastfeeding' }),
        text: z.string(),
      }),
    )
    .openapi({
      description:
        'Cautions beside the side effects: who must not use or handle the product, and when to take care. ' +
        'Show them with the side effects, grouped by topic.',
    }),
  accessHint: z.string(),
  dsheaStatement: z.string().nullable(),
  shippingNote: z.string().nullable(),
}).openapi('ProductDetail');

export const ProductListSchema = z
  .object({
    items: z.array(ProductSummarySchema),
    total: z.number().int(),
    limit: z.number().int(),
    page: z.number().int().nullable().openapi({ description: 'Null when paging by cursor.' }),
    pageCount: z.number().int(),
    nextCursor: z.string().nullable(),
  })
  .openapi('ProductList');

export type CategoryTreeJson = {
  id: string;
  slug: string;
  name: string;
  description: string;
  url: string;
  productCount: number;
  children: CategoryTreeJson[];
};

export const CategoryTreeSchema: z.ZodType<CategoryTreeJson> = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    url: z.string(),
    productCount: z.number().int().openapi({ description: 'Active products in this category and below.' }),
    get children() {
      return z.array(CategoryTreeSchema);
    },
  })
  .openapi('CategoryNode');
