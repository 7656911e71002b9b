import { index, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tsvector } from '#src/catalog/schema.ts';

export const ARTICLE_STATUSES = ['draft', 'published', 'archived'] as const;
export const articleStatus = pgEnum('article_status', ARTICLE_STATUSES);

export type ArticleImage = { src: string; alt: string };

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

export type Article = typeof articles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;
