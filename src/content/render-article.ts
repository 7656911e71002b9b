import { and, eq, inArray } from 'drizzle-orm';
import { PRODUCT_CARD_COLUMNS, type ProductCardData } from '#src/catalog/card-columns.ts';
import { products } from '#src/catalog/schema.ts';
import { renderProductCard } from '#src/catalog/views/product-card.ts';
import type { Db } from '#src/db/client.ts';
import { renderMarkdown } from '#src/lib/markdown.ts';
import { findProductSlugs, parseShortcode } from './shortcodes.ts';
import { renderCouponCallout, renderNoteCallout } from './views/embeds.ts';

export type RenderedArticle = {
  html: string;
  /** Active products the article embeds, in the order they first appear. */
  products: ProductCardData[];
};

/** Active products with the given slugs, in one query, ordered as the slugs are. */
export async function findEmbeddedProducts(db: Db, slugs: string[]): Promise<ProductCardData[]> {
  if (slugs.length === 0) return [];
  const rows = await db
    .select(PRODUCT_CARD_COLUMNS)
    .from(products)
    .where(and(inArray(products.slug, slugs), eq(products.status, 'active')));
  const bySlug = new Map(rows.map((row) => [row.slug, row]));
  return slugs.flatMap((slug) => bySlug.get(slug) ?? []);
}

/**
 * An article body as safe HTML with its embeds resolved: product cards (unknown or inactive products render
 * nothing), coupon callouts and note boxes. Everything the author typed is escaped or sanitised.
 */
export async function renderArticleBody(db: Db, body: string): Promise<RenderedArticle> {
  const embedded = await findEmbeddedProducts(db, findProductSlugs(body));
  const cards = new Map<string, string>();
  for (const product of embedded) {
    cards.set(product.slug, `<div class="article-embed">${await renderProductCard(product)}</div>\n`);
  }
  const html = renderMarkdown(body, {
    embed(inner) {
      const shortcode = parseShortcode(inner);
      if (!shortcode) return undefined;
      switch (shortcode.kind) {
        case 'product':
          return cards.get(shortcode.slug) ?? '';
        case 'coupon':
          return String(renderCouponCallout(shortcode.code, shortcode.text));
        case 'callout':
          return String(renderNoteCallout(shortcode.text));
      }
    },
  });
  return { html, products: embedded };
}
