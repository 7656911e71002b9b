import type { ProductCardData } from '#src/catalog/card-columns.ts';
import { renderProductCard } from '#src/catalog/views/product-card.ts';
import type { Db } from '#src/db/client.ts';
import { renderMarkdown } from '#src/lib/markdown.ts';
import { srcsetOfAddress } from '#src/media/markdown-images.ts';
import { hasStorePage, type StorePageSource, storePageOf } from '#src/web/store-pages.ts';
import { anchorHeadings, type OutlineHeading } from './article-outline.ts';
import { type CouponCodeCheck, findEmbedProblems } from './embed-problems.ts';
import { findEmbeddedProducts } from './embedded-products.ts';
import { findProductSlugs, readShortcode } from './shortcodes.ts';
import {
  renderComparison,
  renderContactBox,
  renderCouponCallout,
  renderEmbedError,
  renderNoteCallout,
  renderTimeline,
} from './views/embeds.ts';

// An article's text column is at most 44rem wide (style.css, --width-text); a phone gives it the screen.
const BODY_IMAGE_SIZES = '(min-width: 46rem) 44rem, 100vw';

export type RenderedArticle = {
  html: string;
  /** Active products the article embeds, in the order they first appear. */
  products: ProductCardData[];
  /** The body's h2 and h3 headings, each with the anchor id it carries in `html`. */
  headings: OutlineHeading[];
};

/** The store details a contact box shows. */
export type ContactFacts = StorePageSource & { phone: string; email: string };

export type ArticleRenderOptions = {
  store: ContactFacts;
  /**
   * A preview for its author: a broken embed shows as an error box saying what is wrong. A published page leaves
   * it out instead, so a product withdrawn after publication never breaks the page.
   */
  isPreview?: boolean;
  /** Which coupon codes exist (embed-problems.ts); by default any well-formed code. */
  isCouponCode?: CouponCodeCheck;
};

/**
 * An article body as safe HTML with its embeds resolved: product cards, coupon callouts, notes, contact boxes,
 * care timelines and comparisons, with anchor ids on its headings. Everything the author typed is escaped or
 * sanitised.
 */
export async function renderArticleBody(db: Db, body: string, o: ArticleRenderOptions): Promise<RenderedArticle> {
  const [embedded, problems] = await Promise.all([
    findEmbeddedProducts(db, findProductSlugs(body)),
    o.isPreview ? findEmbedProblems(db, body, { isCouponCode: o.isCouponCode }) : [],
  ]);
  const problemOf = new Map(problems.map((p) => [p.embed, p.message]));
  const cards = new Map<string, string>();
  for (const product of embedded) {
    cards.set(product.slug, `<div class="article-embed">${await renderProductCard(product)}</div>\n`);
  }
  const contactPath = hasStorePage(o.store, 'contact') ? storePageOf('contact').path : undefined;
  const html = renderMarkdown(body, {
    images: { srcsetOf: srcsetOfAddress, sizes: BODY_IMAGE_SIZES },
    embed(inner, block) {
      const typed = `[[${inner}]]`;
      const reading = readShortcode(inner, block);
      const problem = reading.ok ? problemOf.get(typed) : reading.problem;
      if (problem || !reading.ok) return o.isPreview ? String(renderEmbedError(typed, problem ?? '')) : '';
      const shortcode = reading.shortcode;
      switch (shortcode.kind) {
        case 'product':
          return cards.get(shortcode.slug) ?? '';
        case 'coupon':
          return String(renderCouponCallout(shortcode.code, shortcode.text));
        case 'callout':
          return String(renderNoteCallout(shortcode.text));
        case 'contact':
          return String(renderContactBox({ ...o.store, title: shortcode.title, contactPath }));
        case 'timeline':
          return String(renderTimeline(shortcode));
        case 'compare':
          return String(renderComparison(shortcode));
      }
    },
  });
  return { ...anchorHeadings(html), products: embedded };
}
