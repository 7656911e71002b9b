import { z } from '@hono/zod-openapi';
import { EDITOR_SORTS, STOCK_STATES } from '#src/catalog/editor-queries.ts';
import { imageIdOf } from '#src/catalog/image-service.ts';
import {
  ACCESS_CLASSES,
  PRODUCT_FORMS,
  PRODUCT_STATUSES,
  type Product,
  REGULATORY_STATUSES,
  ROUTES_OF_USE,
  STORAGE_CLASSES,
  WARNING_TOPICS,
} from '#src/catalog/schema.ts';
import { limitSchema, pageSchema } from '#src/catalog/validators.ts';
import { variantPath } from '#src/media/image-files.ts';

const ImageSchema = z
  .object({
    id: z.string().openapi({
      description: 'Names the picture in the image operations.',
      example: '3f2a9c0d1e8b7a6f5c4d3b2a1908f7e6',
    }),
    src: z.string().openapi({ example: '/media/images/3f2a9c0d1e8b7a6f5c4d3b2a1908f7e6/640.webp' }),
    alt: z.string(),
    srcset: z
      .array(z.object({ src: z.string(), width: z.number().int() }))
      .openapi({ description: 'The WebP widths made from an uploaded picture; empty for one given by address.' }),
  })
  .openapi('AdminProductImage');

export const AdminProductSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    summary: z.string(),
    description: z.string(),
    categoryId: z.string().nullable(),
    brand: z.string(),
    images: z.array(ImageSchema),
    sku: z.string(),
    priceCents: z.number().int(),
    compareAtCents: z.number().int().nullable(),
    currency: z.string(),
    status: z.enum(PRODUCT_STATUSES),
    isFeatured: z.boolean(),
    form: z.enum(PRODUCT_FORMS),
    route: z.enum(ROUTES_OF_USE),
    activeIngredients: z.array(z.object({ name: z.string(), amount: z.string().optional() })),
    sideEffects: z.array(z.string()),
    warnings: z.array(z.object({ topic: z.enum(WARNING_TOPICS), text: z.string() })),
    regulatoryStatus: z.enum(REGULATORY_STATUSES),
    accessClass: z.enum(ACCESS_CLASSES),
    storage: z.enum(STORAGE_CLASSES),
    directions: z.string(),
    createdAt: z.string().openapi({ format: 'date-time' }),
    updatedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('AdminProduct');

export const AdminProductListSchema = z
  .object({
    items: z.array(
      AdminProductSchema.pick({
        id: true,
        slug: true,
        name: true,
        sku: true,
        status: true,
        priceCents: true,
        currency: true,
        accessClass: true,
        regulatoryStatus: true,
        categoryId: true,
        updatedAt: true,
      }).extend({ available: z.number().int().openapi({ description: 'Units that can be sold today.' }) }),
    ),
    total: z.number().int(),
    page: z.number().int(),
    limit: z.number().int(),
  })
  .openapi('AdminProductList');

const blank = (v: unknown) => (v === '' ? undefined : v);

export const AdminProductQuerySchema = z.object({
  q: z.string().trim().max(200).optional().openapi({ description: 'Part of the name, or the start of the SKU.' }),
  category: z
    .preprocess(blank, z.uuid().optional())
    .openapi({ description: 'A category id; its subcategories are included.' }),
  status: z.enum(PRODUCT_STATUSES).optional(),
  access: z.enum(ACCESS_CLASSES).optional(),
  regulatory: z.enum(REGULATORY_STATUSES).optional(),
  stock: z.enum(STOCK_STATES).optional().openapi({ description: 'In stock (more than 5 units), low (1-5), or out.' }),
  sort: z.enum(EDITOR_SORTS).default('name'),
  page: pageSchema.default(1),
  limit: limitSchema.default(25),
});

export const ImageUploadSchema = z
  .object({
    image: z.string().openapi({ format: 'binary', description: 'A JPEG, PNG or WebP picture up to 10 MB.' }),
    alt: z.string().openapi({ description: 'What the picture shows, for people who cannot see it.' }),
    position: z.string().optional().openapi({ description: '1 puts it first; the end when not given.' }),
  })
  .openapi('ProductImageUpload');

export const ImageChangeSchema = z
  .object({
    alt: z.string().max(300).optional(),
    position: z.number().int().min(1).max(12).optional(),
  })
  .strict()
  .openapi('ProductImageChange');

/** A product as the admin API answers it. */
export function toAdminProductJson(p: Product): z.infer<typeof AdminProductSchema> {
  const { search: _search, ...rest } = p;
  return {
    ...rest,
    images: p.images.map((image, i) => ({
      id: imageIdOf(image, i),
      src: image.src,
      alt: image.alt,
      srcset: image.upload
        ? image.upload.widths.map((w) => ({ src: variantPath(image.upload!.hash, w), width: w }))
        : [],
    })),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
