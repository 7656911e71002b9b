import { EXOSOME_ARTICLE } from './article-exosome.ts';
import { GUIDE_ARTICLES } from './article-guides.ts';
import { DEVICE_PRODUCTS } from './products-devices.ts';
import { HAIR_PRODUCTS } from './products-hair.ts';
import { REGENERATIVE_PRODUCTS } from './products-regenerative.ts';
import { SKIN_PRODUCTS } from './products-skin.ts';
import { SUPPLEMENT_PRODUCTS } from './products-supplements.ts';
import type { DemoArticle, DemoProduct } from './types.ts';

export const DEMO_PRODUCTS: DemoProduct[] = [
  ...SUPPLEMENT_PRODUCTS,
  ...REGENERATIVE_PRODUCTS,
  ...HAIR_PRODUCTS,
  ...DEVICE_PRODUCTS,
  ...SKIN_PRODUCTS,
];

export const DEMO_ARTICLES: DemoArticle[] = [EXOSOME_ARTICLE, ...GUIDE_ARTICLES];
