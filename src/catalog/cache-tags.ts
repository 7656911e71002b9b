/** Tags pages with the product they show in full (its page, its API answer, articles that embed it). */
export function productTag(slug: string): string {
  return `product:${slug.toLowerCase()}`;
}

/** Tags pages that list products: the shop, categories, search, the home page. */
export const PRODUCT_LISTS = 'product-lists';
