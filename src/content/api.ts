import { createRoute } from '@hono/zod-openapi';
import { AppError } from '#src/lib/errors.ts';
import { variantPath } from '#src/media/image-files.ts';
import { settingsOf } from '#src/store/settings.ts';
import { createApiRouter } from '#src/web/api.ts';
import { tagPage } from '#src/web/cache-middleware.ts';
import { json, problemResponse } from '#src/web/openapi.ts';
import { ArticleDetailSchema, ArticleListSchema, articleSlugParam } from './api-schemas.ts';
import { ARTICLE_LISTS, articleTags } from './cache-tags.ts';
import { type ArticleSummary, findPublishedArticle, findRenamedArticleSlug, listPublishedArticles } from './queries.ts';
import { renderArticleBody } from './render-article.ts';
import type { ArticleImage } from './schema.ts';
import { articleListApiQuery, articleSlugSchema } from './validators.ts';

export const contentApi = createApiRouter();

// Addresses made absolute, as a storefront on another host needs them.
function coverJson(cover: ArticleImage, baseUrl: string) {
  const absolute = (path: string) => new URL(path, baseUrl).toString();
  const upload = cover.upload;
  return {
    src: absolute(cover.src),
    alt: cover.alt,
    srcset: upload ? upload.widths.map((w) => ({ src: absolute(variantPath(upload.hash, w)), width: w })) : [],
  };
}

function toSummaryJson(a: ArticleSummary, baseUrl: string) {
  return {
    slug: a.slug,
    title: a.title,
    excerpt: a.excerpt,
    author: a.authorName,
    tags: a.tags,
    publishedAt: a.publishedAt.toISOString(),
    coverImage: a.coverImage ? coverJson(a.coverImage, baseUrl) : null,
    url: `${baseUrl}/blog/${a.slug}`,
  };
}

const listArticlesRoute = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listArticles',
  security: [],
  tags: ['content'],
  summary: 'List published articles, newest first',
  request: { query: articleListApiQuery },
  responses: {
    200: json(ArticleListSchema, 'A page of articles'),
    400: problemResponse('An invalid parameter, named in `errors`'),
  },
});

contentApi.openapi(listArticlesRoute, async (c) => {
  const { ctx } = c.var;
  tagPage(c, ARTICLE_LISTS);
  const { page, limit } = c.req.valid('query');
  const { items, total } = await listPublishedArticles(ctx.db, { page, perPage: limit });
  return c.json(
    {
      items: items.map((a) => toSummaryJson(a, ctx.config.baseUrl)),
      page,
      limit,
      total,
      pageCount: Math.ceil(total / limit),
    },
    200,
  );
});

const getArticleRoute = createRoute({
  method: 'get',
  path: '/{slug}',
  operationId: 'getArticle',
  security: [],
  tags: ['content'],
  summary: 'One published article with its Markdown, rendered HTML and disclaimer',
  description: 'An old slug of a renamed article answers 301 with the new address in Location.',
  request: { params: articleSlugParam },
  responses: {
    200: json(ArticleDetailSchema, 'The article'),
    301: { description: 'The article was renamed; see Location' },
    404: problemResponse('No published article has this slug'),
  },
});

contentApi.openapi(getArticleRoute, async (c) => {
  const { ctx } = c.var;
  const parsed = articleSlugSchema.safeParse(c.req.valid('param').slug);
  if (!parsed.success) throw new AppError('NOT_FOUND', 'No published article has this slug.');
  const article = await findPublishedArticle(ctx.db, parsed.data);
  if (!article) {
    const renamed = await findRenamedArticleSlug(ctx.db, parsed.data);
    if (renamed) return c.redirect(`/api/store/articles/${renamed}`, 301);
    throw new AppError('NOT_FOUND', 'No published article has this slug.');
  }
  tagPage(c, ...articleTags(article));
  const store = await settingsOf(ctx);
  const rendered = await renderArticleBody(ctx.db, article.body, { store });
  return c.json(
    {
      ...toSummaryJson(article, ctx.config.baseUrl),
      updatedAt: article.updatedAt.toISOString(),
      body: article.body,
      bodyHtml: rendered.html,
      seoTitle: article.seoTitle || article.title,
      seoDescription: article.seoDescription || article.excerpt,
      disclaimer: store.disclaimer,
      products: rendered.products.map((p) => p.slug),
    },
    200,
  );
});
