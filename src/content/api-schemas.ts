import { z } from '@hono/zod-openapi';

const ImageSchema = z
  .object({
    src: z.string().openapi({ example: 'http://localhost:3000/assets/demo/article-exosome-cover.svg' }),
    alt: z.string(),
    srcset: z.array(z.object({ src: z.string(), width: z.number().int() })).openapi({
      description: 'The WebP widths of an uploaded cover, for an <img srcset>; empty for one given by address.',
    }),
  })
  .openapi('ArticleImage');

export const ArticleSummarySchema = z
  .object({
    slug: z.string().openapi({ example: 'exosome-hair-therapy-side-effects' }),
    title: z.string(),
    excerpt: z.string(),
    author: z.string(),
    tags: z.array(z.string()),
    publishedAt: z.string().openapi({ format: 'date-time' }),
    coverImage: ImageSchema.nullable(),
    url: z.string().openapi({ description: 'Address of the article page' }),
  })
  .openapi('ArticleSummary');

export const ArticleListSchema = z
  .object({
    items: z.array(ArticleSummarySchema),
    page: z.number().int(),
    limit: z.number().int(),
    total: z.number().int(),
    pageCount: z.number().int(),
  })
  .openapi('ArticleList');

export const ArticleDetailSchema = ArticleSummarySchema.extend({
  updatedAt: z.string().openapi({ format: 'date-time' }),
  body: z.string().openapi({ description: 'The article in Markdown, embeds as [[kind:value]] lines' }),
  bodyHtml: z.string().openapi({ description: 'The article as sanitised HTML with its embeds rendered' }),
  seoTitle: z.string(),
  seoDescription: z.string(),
  disclaimer: z.string().openapi({ description: "The store's disclaimer, to be shown with the article" }),
  products: z.array(z.string()).openapi({ description: 'Slugs of the active products the article embeds' }),
}).openapi('ArticleDetail');

export const articleSlugParam = z.object({
  slug: z
    .string()
    .max(200)
    .openapi({ param: { name: 'slug', in: 'path' }, example: 'exosome-hair-therapy-side-effects' }),
});
