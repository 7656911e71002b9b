import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { tsvector } from '#src/catalog/schema.ts';
import type { Picture } from '#src/media/image-files.ts';

// Scheduled: waiting for its publication time, when a job publishes it.
export const ARTICLE_STATUSES = ['draft', 'scheduled', 'published', 'archived'] as const;
export const articleStatus = pgEnum('article_status', ARTICLE_STATUSES);

/** The cover picture: given by address (the demo's drawings) or uploaded, with its WebP widths. */
export type ArticleImage = Picture;

export const articles = pgTable(
  'articles',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    title: text().notNull(),
    excerpt: text().notNull().default(''),
    body: text().notNull().default(''),
    authorName: text().notNull().default(''),
    coverImage: jsonb().$type<ArticleImage | null>(),
    tags: jsonb().$type<string[]>().notNull().default([]),
    status: articleStatus().notNull().default('draft'),
    seoTitle: text().notNull().default(''),
    seoDescription: text().notNull().default(''),
    /** Where the article first appeared, when it is a copy; empty means its own address. */
    canonicalUrl: text().notNull().default(''),
    publishedAt: timestamp({ withTimezone: true }),
    search: tsvector(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('articles_search_idx').using('gin', t.search),
    index('articles_title_trgm_idx').using('gin', t.title.op('gin_trgm_ops')),
    index('articles_status_published_idx').on(t.status, t.publishedAt, t.id),
  ],
);

export const articleSlugRedirects = pgTable(
  'article_slug_redirects',
  {
    fromSlug: text().notNull(),
    articleId: uuid()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.fromSlug] })],
);

/** What a revision keeps of an article: every field its editor saves. */
export type ArticleSnapshot = {
  title: string;
  slug: string;
  excerpt: string;
  body: string;
  authorName: string;
  tags: string[];
  status: (typeof ARTICLE_STATUSES)[number];
  publishedAt: string | null;
  seoTitle: string;
  seoDescription: string;
  canonicalUrl: string;
  /** Slugs of the blog categories it was filed under (revisions saved before categories existed have none). */
  categories?: string[];
  /** The cover picture then (revisions saved before covers could be uploaded have none). */
  coverImage?: ArticleImage | null;
};

/** Every save of an article, numbered from 1; restoring one saves it again as the newest. */
export const articleRevisions = pgTable(
  'article_revisions',
  {
    id: uuid().primaryKey().defaultRandom(),
    articleId: uuid()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    number: integer().notNull(),
    snapshot: jsonb().$type<ArticleSnapshot>().notNull(),
    // Who saved it, as the audit log names them; no foreign key, staff sit above content.
    actorEmail: text().notNull(),
    note: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('article_revisions_number_key').on(t.articleId, t.number)],
);

/**
 * A compliance finding staff accepted with a reason. Keyed by the finding's key (its rule and normalised
 * sentence), so it holds across saves for as long as the same sentence says the same thing.
 */
export const articleFindingAcknowledgements = pgTable(
  'article_finding_acknowledgements',
  {
    articleId: uuid()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    findingKey: text().notNull(),
    rule: text().notNull(),
    sentence: text().notNull(),
    reason: text().notNull(),
    actorEmail: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.findingKey] })],
);

export type ArticleRevision = typeof articleRevisions.$inferSelect;
export type FindingAcknowledgement = typeof articleFindingAcknowledgements.$inferSelect;
/**
 * The blog's sections (a guide to a treatment, aftercare, regulation...): each has a page at
 * /blog/category/<slug>. Separate from the shop's product categories, which arrange products, not articles.
 */
export const articleCategories = pgTable('article_categories', {
  id: uuid().primaryKey().defaultRandom(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  description: text().notNull().default(''),
  position: integer().notNull().default(0),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Which categories an article is filed under; an article may sit in several. */
export const articleCategoryLinks = pgTable(
  'article_category_links',
  {
    articleId: uuid()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    categoryId: uuid()
      .notNull()
      .references(() => articleCategories.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.categoryId] }),
    index('article_category_links_category_idx').on(t.categoryId),
  ],
);

export type Article = typeof articles.$inferSelect;
export type ArticleCategory = typeof articleCategories.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;
