import { DRAFT_ARTICLE } from './article-draft.ts';
import { EXOSOME_ARTICLE } from './article-exosome.ts';
import { GUIDE_ARTICLES } from './article-guides.ts';
import { DEVICE_PRODUCTS } from './products-devices.ts';
import { HAIR_PRODUCTS } from './products-hair.ts';
import { REGENERATIVE_PRODUCTS } from './products-regenerative.ts';
import { SKIN_PRODUCTS } from './products-skin.ts';
import { SUPPLEMENT_PRODUCTS } from './products-supplements.ts';
import type { DemoArticle, DemoArticleCategory, DemoProduct } from './types.ts';

export const DEMO_PRODUCTS: DemoProduct[] = [
  ...SUPPLEMENT_PRODUCTS,
  ...REGENERATIVE_PRODUCTS,
  ...HAIR_PRODUCTS,
  ...DEVICE_PRODUCTS,
  ...SKIN_PRODUCTS,
];

export const DEMO_ARTICLES: DemoArticle[] = [EXOSOME_ARTICLE, ...GUIDE_ARTICLES, DRAFT_ARTICLE];

/** The blog's sections; each demo article names the ones it is filed under. */
export const DEMO_ARTICLE_CATEGORIES: DemoArticleCategory[] = [
  {
    slug: 'hair-restoration',
    name: 'Hair restoration',
    description: 'Treatments for thinning hair, from PRP and exosomes to transplants, and how they compare.',
    position: 1,
  },
  {
    slug: 'aftercare',
    name: 'Aftercare',
    description: 'How to prepare for a procedure and look after yourself in the days and months that follow.',
    position: 2,
  },
  {
    slug: 'regulation',
    name: 'Regulation and labels',
    description: 'What FDA approval, clearance and the other regulatory labels on our products mean.',
    position: 3,
  },
];
