import type { NewProduct } from '#src/catalog/schema.ts';
import type { NewArticle } from '#src/content/schema.ts';

/** A demo product as written in the data files: its category by slug, everything else as stored. */
export type DemoProduct = Omit<NewProduct, 'id' | 'categoryId' | 'search' | 'createdAt' | 'updatedAt' | 'images'> & {
  category: string;
  /** Alt text of the product's drawing, which lives at /assets/demo/<slug>.svg. */
  imageAlt: string;
};

export type DemoCategory = { slug: string; name: string; description: string; parent?: string; position: number };

export type DemoArticle = Omit<NewArticle, 'id' | 'search' | 'createdAt' | 'updatedAt'> & {
  slug: string;
  publishedAt: Date;
};
