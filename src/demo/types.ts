import type { NewProduct } from '#src/catalog/schema.ts';
import type { NewArticle } from '#src/content/schema.ts';

/** A demo product as written in the data files: its category by slug, everything else as stored. */
export type DemoProduct = Omit<NewProduct, 'id' | 'categoryId' | 'search' | 'createdAt' | 'updatedAt' | 'images'> & {
  category: string;
  /** Alt text of the product's drawing, which lives at /assets/demo/<slug>.svg. */
  imageAlt: string;
  /** The batches in stock, dated from the day the demo store is set up so that some always expire soon. */
  lots: DemoLot[];
};

/** A batch in the demo stock: `expiresInDays` is null for goods that do not expire, negative for an expired lot. */
export type DemoLot = { lotNumber: string; quantity: number; expiresInDays: number | null; receivedDaysAgo: number };

export type DemoCategory = { slug: string; name: string; description: string; parent?: string; position: number };

/** A demo article, filed under blog categories by slug; a draft has no publication date. */
export type DemoArticle = Omit<NewArticle, 'id' | 'search' | 'createdAt' | 'updatedAt'> & {
  slug: string;
  publishedAt: Date | null;
  categories: string[];
};

export type DemoArticleCategory = { slug: string; name: string; description: string; position: number };
