/** Tags pages with the product they show in full (its page, its API answer, articles that embed it). */
export function productTag(slug: string): string {
  return `product:${slug.toLowerCase()}`;
}

/** Tags pages that list products: the shop, categories, search, the home page. */
export const PRODUCT_LISTS = 'product-lists';

/**
 * Tags pages that show products of a category outside the lists: a product page's related products come from
 * its branch of the category tree, so a product added to, changed in or moved out of the branch refreshes them.
 */
export function categoryProductsTag(categoryId: string): string {
  return `category-products:${categoryId}`;
}

/**
 * The pages a product write changes: its own under every slug it had and has, every list (which may show it or
 * no longer show it), and the related products of the categories it left or joined.
 */
export function productWriteTags(...rows: { slug: string; categoryId: string | null }[]): string[] {
  const tags = new Set<string>([PRODUCT_LISTS]);
  for (const row of rows) {
    tags.add(productTag(row.slug));
    if (row.categoryId) tags.add(categoryProductsTag(row.categoryId));
  }
  return [...tags];
}
