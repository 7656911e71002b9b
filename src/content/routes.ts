import { Hono } from 'hono';
import type { Crumb } from '#src/catalog/views/breadcrumbs.ts';
import { AppError } from '#src/lib/errors.ts';
import { settingsOf } from '#src/store/settings.ts';
import { tagPage } from '#src/web/cache-middleware.ts';
import type { AppEnv } from '#src/web/context.ts';
import { renderPage } from '#src/web/layout.ts';
import { parseQuery } from '#src/web/validation.ts';
import { ARTICLE_LISTS, articleTags } from './cache-tags.ts';
import { buildArticleJsonLd } from './json-ld.ts';
import { findPublishedArticle, findRenamedArticleSlug, listPublishedArticles } from './queries.ts';
import { renderArticleBody } from './render-article.ts';
import { articleSlugSchema, BLOG_PAGE_SIZE, blogListQuery } from './validators.ts';
import { renderArticlePage } from './views/article-page.ts';
import { renderBlogList } from './views/blog-list.ts';

export const contentPages = new Hono<AppEnv>();

// The section is called the Blog wherever it is named: navigation, footer, titles, breadcrumbs.
const HOME_CRUMB: Crumb = { label: 'Home', href: '/' };
const BLOG_CRUMB: Crumb = { label: 'Blog', href: '/blog' };

contentPages.get('/', async (c) => {
  tagPage(c, ARTICLE_LISTS);
  const { page } = parseQuery(c, blogListQuery);
  const ctx = c.var.ctx;
  const [store, { items, total }] = await Promise.all([
    settingsOf(ctx),
    listPublishedArticles(ctx.db, { page, perPage: BLOG_PAGE_SIZE }),
  ]);
  const totalPages = Math.max(1, Math.ceil(total / BLOG_PAGE_SIZE));
  if (page > totalPages)
    throw new AppError('NOT_FOUND', `There is no page ${page} of articles; the last is ${totalPages}.`);
  return c.html(
    renderPage({
      title: page === 1 ? 'Blog: articles and guides' : `Blog: articles and guides, page ${page}`,
      description: `Guides from ${store.name} on hair restoration, regenerative treatments, aftercare and product regulation.`,
      canonicalPath: page === 1 ? '/blog' : `/blog?page=${page}`,
      store,
      baseUrl: ctx.config.baseUrl,
      section: 'blog',
      body: renderBlogList({
        items,
        page,
        totalPages,
        storeName: store.name,
        crumbs: page === 1 ? [HOME_CRUMB, { label: 'Blog' }] : [HOME_CRUMB, BLOG_CRUMB, { label: `Page ${page}` }],
      }),
    }),
  );
});

contentPages.get('/:slug', async (c) => {
  const parsed = articleSlugSchema.safeParse(c.req.param('slug'));
  // A malformed slug names no article: answer as for any missing page.
  if (!parsed.success) throw new AppError('NOT_FOUND', 'There is no article at this address.');
  const slug = parsed.data;
  const ctx = c.var.ctx;
  const article = await findPublishedArticle(ctx.db, slug);
  if (!article) {
    const renamed = await findRenamedArticleSlug(ctx.db, slug);
    if (renamed) return c.redirect(`/blog/${renamed}`, 301);
    throw new AppError('NOT_FOUND', 'There is no article at this address. It may have been renamed or withdrawn.');
  }
  tagPage(c, ...articleTags(article));
  const [store, rendered] = await Promise.all([settingsOf(ctx), renderArticleBody(ctx.db, article.body)]);
  const baseUrl = ctx.config.baseUrl;
  const crumbs = [HOME_CRUMB, BLOG_CRUMB, { label: article.title }];
  return c.html(
    renderPage({
      title: article.seoTitle || article.title,
      description: article.seoDescription || article.excerpt,
      canonicalPath: `/blog/${article.slug}`,
      store,
      baseUrl,
      section: 'blog',
      jsonLd: buildArticleJsonLd({ article, storeName: store.name, baseUrl, crumbs }),
      body: renderArticlePage({
        article,
        crumbs,
        bodyHtml: rendered.html,
        products: rendered.products,
        disclaimer: store.disclaimer,
        phone: store.phone,
      }),
    }),
  );
});
