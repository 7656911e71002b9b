import type { DemoArticle } from './types.ts';

// A draft that the compliance check must stop: it says a supplement regrows hair (a drug claim no supplement may
// make), calls a cosmetic serum "FDA-approved", and leaves out the DSHEA statement and the disclaimer. It shows a
// new operator what the check finds before anything like it is published. Drafts never appear on the site.
const BODY = `Thinning hair? Here is the simple routine our customers ask about most.

## Gummies that work from within

Our Hair Supplement Gummies regrow hair in as little as eight weeks, and they treat hair loss at the root.

[[product:hair-supplement-gummies]]

[[coupon:20OFF|20% off your first order of the gummies, for signed-in customers.]]

## A serum for the scalp

PEP Factor is an FDA-approved serum that reverses hair loss without needles.

[[product:pep-factor]]`;

export const DRAFT_ARTICLE: DemoArticle = {
  slug: 'regrow-hair-fast-draft',
  title: 'Regrow Your Hair Fast: Gummies and PEP Factor',
  excerpt: 'A two-step routine for thinning hair with our gummies and PEP Factor serum.',
  body: BODY,
  authorName: 'Maya Ortiz',
  coverImage: null,
  tags: ['hair loss', 'supplements'],
  categories: ['hair-restoration'],
  status: 'draft',
  seoTitle: '',
  seoDescription: '',
  publishedAt: null,
};
