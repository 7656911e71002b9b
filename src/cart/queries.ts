import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { type Product, products } from '#src/catalog/schema.ts';
import type { Db } from '#src/db/client.ts';
import { availableSql } from '#src/inventory/availability.ts';
import { cartItems, carts } from './schema.ts';
import type { CartSummary } from './summary-cache.ts';

/** A cart line with what the catalogue and the inventory say of its product today. */
export type CartLineRow = {
  id: string;
  productId: string;
  quantity: number;
  unitPriceCentsWhenAdded: number;
  addedAt: Date;
  slug: string;
  sku: string;
  name: string;
  priceCents: number;
  currency: string;
  storage: Product['storage'];
  accessClass: Product['accessClass'];
  status: Product['status'];
  image: Product['images'][number] | undefined;
  available: number;
};

/** The customer's most recent cart: the one their pages show on every device. */
export async function findCurrentCartId(db: Db, customerId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: carts.id })
    .from(carts)
    .where(eq(carts.customerId, customerId))
    .orderBy(desc(carts.updatedAt), desc(carts.createdAt))
    .limit(1);
  return row?.id ?? null;
}

/** Whose a cart is and how many units it holds, for the header; null when there is no such cart. */
export async function readCartSummary(db: Db, cartId: string): Promise<CartSummary | null> {
  const [row] = await db
    .select({
      customerId: carts.customerId,
      itemCount: sql<number>`coalesce(sum(${cartItems.quantity}), 0)::int`.mapWith(Number),
    })
    .from(carts)
    .leftJoin(cartItems, eq(cartItems.cartId, carts.id))
    .where(eq(carts.id, cartId))
    .groupBy(carts.id);
  return row ?? null;
}

/** A cart's lines in the order they were added, each with its product's price and availability today. */
export async function readCartLines(db: Db, cartId: string): Promise<CartLineRow[]> {
  const rows = await db
    .select({
      id: cartItems.id,
      productId: cartItems.productId,
      quantity: cartItems.quantity,
      unitPriceCentsWhenAdded: cartItems.unitPriceCentsWhenAdded,
      addedAt: cartItems.addedAt,
      slug: products.slug,
      sku: products.sku,
      name: products.name,
      priceCents: products.priceCents,
      currency: products.currency,
      storage: products.storage,
      accessClass: products.accessClass,
      status: products.status,
      images: products.images,
      available: availableSql(products.id),
    })
    .from(cartItems)
    .innerJoin(products, eq(products.id, cartItems.productId))
    .where(eq(cartItems.cartId, cartId))
    .orderBy(asc(cartItems.addedAt), asc(cartItems.id));
  return rows.map(({ images, ...row }) => ({ ...row, image: images[0] }));
}

/** The product a client names by id or slug, if it is on sale, with its units available today. */
export async function findProductToAdd(
  db: Db,
  ref: { productId?: string | undefined; slug?: string | undefined },
): Promise<(Pick<Product, 'id' | 'slug' | 'name' | 'priceCents' | 'accessClass'> & { available: number }) | undefined> {
  const where = ref.productId ? eq(products.id, ref.productId) : eq(products.slug, ref.slug ?? '');
  const [row] = await db
    .select({
      id: products.id,
      slug: products.slug,
      name: products.name,
      priceCents: products.priceCents,
      accessClass: products.accessClass,
      available: availableSql(products.id),
    })
    .from(products)
    .where(and(where, eq(products.status, 'active')));
  return row;
}
