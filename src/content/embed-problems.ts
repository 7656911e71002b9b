import type { Db } from '#src/db/client.ts';
import { findShortcodesAt } from '#src/lib/markdown.ts';
import { findEmbeddedProducts } from './embedded-products.ts';
import { COUPON_CODE, readShortcode } from './shortcodes.ts';

/** An embed that cannot be shown: its line in the body (1-based), what was typed there, and why. */
export type EmbedProblem = { line: number; embed: string; message: string };

/**
 * Whether a coupon code can be used in an article. Until the store has promotions every well-formed code is
 * accepted; once it has, the caller passes a check against them.
 */
export type CouponCodeCheck = (code: string) => boolean | Promise<boolean>;

export const isWellFormedCouponCode: CouponCodeCheck = (code) => COUPON_CODE.test(code);

/**
 * Every unknown or broken embed of an article body, in order: a kind that does not exist, a malformed line or
 * block, a product that does not exist or is not on sale, a coupon code `isCouponCode` refuses. An article with
 * problems must not be published; its preview shows each one where it stands (renderArticleBody).
 */
export async function findEmbedProblems(
  db: Db,
  body: string,
  options: { isCouponCode?: CouponCodeCheck } = {},
): Promise<EmbedProblem[]> {
  const isCouponCode = options.isCouponCode ?? isWellFormedCouponCode;
  const problems: EmbedProblem[] = [];
  const products: { line: number; embed: string; slug: string }[] = [];
  for (const at of findShortcodesAt(body)) {
    const embed = `[[${at.inner}]]`;
    const reading = readShortcode(at.inner, at.body);
    if (!reading.ok) {
      problems.push({ line: at.start + 1 + reading.bodyLine, embed, message: reading.problem });
      continue;
    }
    const shortcode = reading.shortcode;
    if (shortcode.kind === 'product') products.push({ line: at.start + 1, embed, slug: shortcode.slug });
    if (shortcode.kind === 'coupon' && !(await isCouponCode(shortcode.code))) {
      problems.push({ line: at.start + 1, embed, message: `There is no coupon with the code ${shortcode.code}.` });
    }
  }
  const onSale = new Set(
    (
      await findEmbeddedProducts(
        db,
        products.map((p) => p.slug),
      )
    ).map((p) => p.slug),
  );
  for (const p of products) {
    if (!onSale.has(p.slug)) {
      problems.push({ line: p.line, embed: p.embed, message: `No product on sale has the address "${p.slug}".` });
    }
  }
  return problems.sort((a, b) => a.line - b.line);
}
