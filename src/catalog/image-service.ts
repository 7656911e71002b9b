import { and, eq, ne, sql } from 'drizzle-orm';
import { AppError } from '#src/lib/errors.ts';
import { checkAltText } from '#src/media/alt-text.ts';
import { deleteImageFiles, pictureOf, storeImage } from '#src/media/image-files.ts';
import { isImageUsedElsewhere } from '#src/media/image-users.ts';
import type { FileStorage } from '#src/storage/storage.ts';
import { categoryProductsTag, PRODUCT_LISTS, productTag } from './cache-tags.ts';
import type { RecordProductChange } from './editor-service.ts';
import { type Product, type ProductImage, products } from './schema.ts';
import type { CatalogWriteContext, Tx } from './service.ts';

/** The most pictures one product shows. */
export const MAX_IMAGES = 12;

type ImageWriteContext = CatalogWriteContext & { storage: FileStorage };

/** An image's identity in forms and the API: the content hash of an upload, else its position. */
export function imageIdOf(image: ProductImage, index: number): string {
  return image.upload?.hash ?? `n${index + 1}`;
}

async function lockProduct(tx: Tx, id: string): Promise<Product> {
  const [row] = await tx.select().from(products).where(eq(products.id, id)).for('update');
  if (!row) throw new AppError('NOT_FOUND', 'There is no product with this id.');
  return row;
}

// A product's pictures show on its page, its cards in every list, and in related products of its category.
async function announce(ctx: CatalogWriteContext, tx: Tx, p: Product) {
  const pages = [productTag(p.slug), PRODUCT_LISTS, ...(p.categoryId ? [categoryProductsTag(p.categoryId)] : [])];
  await ctx.cache.announce(tx, { pages });
}

async function saveImages(
  ctx: CatalogWriteContext,
  tx: Tx,
  o: {
    product: Product;
    images: ProductImage[];
    action: 'product.image-add' | 'product.image-update' | 'product.image-remove';
  },
  record: RecordProductChange,
) {
  await tx.update(products).set({ images: o.images, updatedAt: new Date() }).where(eq(products.id, o.product.id));
  await record(tx, {
    action: o.action,
    productId: o.product.id,
    before: { images: o.product.images.map(({ src, alt }) => ({ src, alt })) },
    after: { images: o.images.map(({ src, alt }) => ({ src, alt })) },
  });
  await announce(ctx, tx, o.product);
}

/**
 * Adds an uploaded picture (JPEG, PNG or WebP up to 10 MB, judged by its bytes) at `position` (1-based; last when
 * not given). The files are made and stored first; the product refers to them once its transaction commits.
 */
export async function addProductImage(
  ctx: ImageWriteContext,
  o: { productId: string; bytes: Uint8Array; alt: string; position?: number | undefined },
  record: RecordProductChange,
): Promise<ProductImage> {
  const alt = checkAltText(o.alt);
  const [exists] = await ctx.db
    .select({ n: sql<number>`jsonb_array_length(${products.images})` })
    .from(products)
    .where(eq(products.id, o.productId));
  if (!exists) throw new AppError('NOT_FOUND', 'There is no product with this id.');
  if (exists.n >= MAX_IMAGES) {
    throw new AppError('VALIDATION', `A product shows at most ${MAX_IMAGES} pictures.`, {
      fields: { image: `A product shows at most ${MAX_IMAGES} pictures: remove one first.` },
    });
  }
  const made = await storeImage(ctx.storage, o.bytes);
  const image: ProductImage = pictureOf(made, alt);
  await ctx.db.transaction(async (tx) => {
    const product = await lockProduct(tx, o.productId);
    if (product.images.some((i) => i.upload?.hash === made.hash)) {
      throw new AppError('CONFLICT', 'This picture is on the product already.', {
        fields: { image: 'This picture is on the product already.' },
      });
    }
    if (product.images.length >= MAX_IMAGES) {
      throw new AppError('VALIDATION', `A product shows at most ${MAX_IMAGES} pictures.`, {
        fields: { image: `A product shows at most ${MAX_IMAGES} pictures: remove one first.` },
      });
    }
    const images = [...product.images];
    const at = Math.min(Math.max((o.position ?? images.length + 1) - 1, 0), images.length);
    images.splice(at, 0, image);
    await saveImages(ctx, tx, { product, images, action: 'product.image-add' }, record);
  });
  return image;
}

function indexOfImage(product: Product, imageId: string): number {
  const index = product.images.findIndex((image, i) => imageIdOf(image, i) === imageId);
  if (index < 0) throw new AppError('NOT_FOUND', 'The product has no such picture.');
  return index;
}

/** Changes a picture's alt text and moves it to `position` (1-based) among the product's pictures. */
export async function updateProductImage(
  ctx: CatalogWriteContext,
  o: { productId: string; imageId: string; alt?: string | undefined; position?: number | undefined },
  record: RecordProductChange,
): Promise<ProductImage[]> {
  const alt = o.alt === undefined ? undefined : checkAltText(o.alt);
  return ctx.db.transaction(async (tx) => {
    const product = await lockProduct(tx, o.productId);
    const images = [...product.images];
    const [image] = images.splice(indexOfImage(product, o.imageId), 1);
    const at =
      o.position === undefined ? product.images.indexOf(image!) : Math.min(Math.max(o.position - 1, 0), images.length);
    images.splice(at, 0, alt === undefined ? image! : { ...image!, alt });
    await saveImages(ctx, tx, { product, images, action: 'product.image-update' }, record);
    return images;
  });
}

/** Puts the pictures in the order given (every picture's id once), as dragging them on the editor does. */
export async function reorderProductImages(
  ctx: CatalogWriteContext,
  o: { productId: string; order: string[] },
  record: RecordProductChange,
): Promise<ProductImage[]> {
  return ctx.db.transaction(async (tx) => {
    const product = await lockProduct(tx, o.productId);
    const byId = new Map(product.images.map((image, i) => [imageIdOf(image, i), image]));
    if (o.order.length !== byId.size || new Set(o.order).size !== byId.size || o.order.some((id) => !byId.has(id))) {
      throw new AppError('VALIDATION', 'Name each of the product’s pictures once.', {
        fields: { order: 'must list each picture of the product once' },
      });
    }
    const images = o.order.map((id) => byId.get(id)!);
    await saveImages(ctx, tx, { product, images, action: 'product.image-update' }, record);
    return images;
  });
}

/** Removes a picture; its files go too unless another product (a duplicate) or another domain still shows them. */
export async function removeProductImage(
  ctx: ImageWriteContext,
  o: { productId: string; imageId: string },
  record: RecordProductChange,
): Promise<void> {
  const removed = await ctx.db.transaction(async (tx) => {
    const product = await lockProduct(tx, o.productId);
    const images = [...product.images];
    const [image] = images.splice(indexOfImage(product, o.imageId), 1);
    await saveImages(ctx, tx, { product, images, action: 'product.image-remove' }, record);
    return image!;
  });
  if (!removed.upload) return;
  const hash = removed.upload.hash;
  const [shared] = await ctx.db
    .select({ id: products.id })
    .from(products)
    .where(
      and(ne(products.id, o.productId), sql`${products.images} @> ${JSON.stringify([{ upload: { hash } }])}::jsonb`),
    )
    .limit(1);
  // The same photo may also be an article's picture: its files are one set, named by their content.
  if (!shared && !(await isImageUsedElsewhere(ctx.db, hash))) await deleteImageFiles(ctx.storage, removed.upload);
}
