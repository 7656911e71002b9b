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
