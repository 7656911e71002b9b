import { type Context, Hono } from 'hono';
import { PRODUCT_LISTS } from '#src/catalog/cache-tags.ts';
import type { Crumb } from '#src/catalog/views/breadcrumbs.ts';
import { AppError } from '#src/lib/errors.ts';
import { findShortcodes } from '#src/lib/markdown.ts';
import { largestSrcOf } from '#src/media/image-files.ts';
import { settingsOf } from '#src/store/settings.ts';
import { tagPage } from '#src/web/cache-middleware.ts';
import type { AppEnv } from '#src/web/context.ts';
import { renderPage } from '#src/web/layout.ts';
import { parseQuery } from '#src/web/validation.ts';
import { countWords, findFaq, readingMinutes } from './article-outline.ts';
import { ARTICLE_LISTS, articleTags } from './cache-tags.ts';
import { FEED_SIZE, renderArticleFeed } from './feed.ts';
import { buildArticleJsonLd } from './json-ld.ts';
import {
  type ArticleFilter,
  type CategoryWithCount,
  findPublishedArticle,
  findRelatedArticles,
  findRenamedArticleSlug,
  listArticleCategories,
  listCategoriesOfArticle,
  listPublishedArticles,
  tagSlug,
} from './queries.ts';
import { renderArticleBody } from './render-article.ts';
import { parseShortcode } from './shortcodes.ts';
import { listSitemapEntries, renderSitemap } from './sitemap.ts';
import { articleSlugSchema, BLOG_PAGE_SIZE, blogListQuery } from './validators.ts';
import { renderArticlePage } from './views/article-page.ts';
import { blogPageHref, renderBlogList } from './views/blog-list.ts';

export const contentPages = new Hono<AppEnv>();

// The section is called the Blog wherever it is named: navigation, footer, titles, breadcrumbs.
const HOME_CRUMB: Crumb = { label: 'Home', href: '/' };
const BLOG_CRUMB: Crumb = { label: 'Blog', href: '/blog' };
const FEED = { path: '/blog/feed.xml', title: 'Blog' };
const RELATED_ARTICLES = 3;

const XML = { 'Content-Type': 'application/xml; charset=utf-8' };

function notFound(): never {
  throw new AppError('NOT_FOUND', 'There is no article at this address. It may have been renamed or withdrawn.');
}

// A slug from the address, or a 404 for one no article, category or tag could have.
function slugParam(c: Context<AppEnv>): string {
  const parsed = articleSlugSchema.safeParse(c.req.param('slug'));
  if (!parsed.success) notFound();
  return parsed.data;
}

/** One page of a list of articles: the whole blog, a category or a tag. */
async function renderList(
  c: Context<AppEnv>,
  o: {
    filter: ArticleFilter;
    basePath: string;
    heading: string;
    title: string;
    intro: string;
    categories: CategoryWithCount[];
    categorySlug?: string;
    /** The crumb of this list itself (the blog's own list has none beyond Blog). */
    crumb?: string;
  },
) {
  tagPage(c, ARTICLE_LISTS);
  const { page } = parseQuery(c, blogListQuery);
  const ctx = c.var.ctx;
  const [store, { items, total }] = await Promise.all([
    settingsOf(ctx),
    listPublishedArticles(ctx.db, { page, perPage: BLOG_PAGE_SIZE, ...o.filter }),
  ]);
  const totalPages = Math.max(1, Math.ceil(total / BLOG_PAGE_SIZE));
  if (page > totalPages)
    throw new AppError('NOT_FOUND', `There is no page ${page} of articles; the last is ${totalPages}.`);
  // The last crumb is the page itself, shown without a link.
  const trail: Crumb[] = [HOME_CRUMB, BLOG_CRUMB];
  if (o.crumb) trail.push({ label: o.crumb, href: o.basePath });
  if (page > 1) trail.push({ label: `Page ${page}` });
  return c.html(
    renderPage({
      title: page === 1 ? o.title : `${o.title}, page ${page}`,
      description: o.intro.replace(/\s+/g, ' ').slice(0, 300),
      canonicalPath: blogPageHref(o.basePath, page),
      store,
      baseUrl: ctx.config.baseUrl,
      section: 'blog',
      feed: FEED,
      body: renderBlogList({ ...o, items, page, totalPages, crumbs: trail }),
    }),
  );
}

contentPages.get('/', async (c) => {
  const ctx = c.var.ctx;
  const [store, categories] = await Promise.all([settingsOf(ctx), listArticleCategories(ctx.db)]);
  return renderList(c, {
    filter: {},
    basePath: '/blog',
    heading: 'Blog',
    title: 'Blog: articles and guides',
    intro: `Guides from ${store.name} on hair restoration, regenerative treatments, aftercare and how to read a product's regulatory status.`,
    categories,
  });
});

contentPages.get('/feed.xml', async (c) => {
  tagPage(c, ARTICLE_LISTS);
  const ctx = c.var.ctx;
  const [store, { items }] = await Promise.all([
    settingsOf(ctx),
    listPublishedArticles(ctx.db, { page: 1, perPage: FEED_SIZE }),
  ]);
  const body = renderArticleFeed({ items, storeName: store.name, baseUrl: ctx.config.baseUrl });
  return c.body(body, 200, { 'Content-Type': 'application/rss+xml; charset=utf-8' });
});

contentPages.get('/category/:slug', async (c) => {
  const slug = slugParam(c);
  const categories = await listArticleCategories(c.var.ctx.db);
  const category = categories.find((cat) => cat.slug === slug);
  if (!category) throw new AppError('NOT_FOUND', 'The blog has no category at this address.');
  return renderList(c, {
    filter: { categoryId: category.id },
    basePath: `/blog/category/${category.slug}`,
    heading: category.name,
    title: `${category.name}: articles`,
    intro: category.description,
    categories,
    categorySlug: category.slug,
    crumb: category.name,
  });
});

contentPages.get('/tag/:slug', async (c) => {
  const slug = slugParam(c);
  const ctx = c.var.ctx;
  const [categories, { items }] = await Promise.all([
    listArticleCategories(ctx.db),
    listPublishedArticles(ctx.db, { page: 1, perPage: 1, tagSlug: slug }),
  ]);
  // The tag as authors spelled it on the newest article carrying it.
  const name = items[0]?.tags.find((tag) => tagSlug(tag) === slug);
  if (!name) throw new AppError('NOT_FOUND', 'No published article has this topic.');
  return renderList(c, {
    filter: { tagSlug: slug },
    basePath: `/blog/tag/${slug}`,
    heading: `Articles about ${name}`,
    title: `Articles about ${name}`,
    intro: '',
    categories,
    crumb: `Topic: ${name}`,
  });
});

// Whether the body places the store's contact box itself, so the page need not close with the phone again.
function hasContactBox(body: string): boolean {
  return findShortcodes(body).some((inner) => parseShortcode(inner)?.kind === 'contact');
}

contentPages.get('/:slug', async (c) => {
  const slug = slugParam(c);
  const ctx = c.var.ctx;
  const article = await findPublishedArticle(ctx.db, slug);
  if (!article) {
    const renamed = await findRenamedArticleSlug(ctx.db, slug);
    if (renamed) return c.redirect(`/blog/${renamed}`, 301);
    notFound();
  }
  // Related reading may change with any article, so the page is also refreshed with the lists.
  tagPage(c, ...articleTags(article), ARTICLE_LISTS);
  const [store, categories] = await Promise.all([settingsOf(ctx), listCategoriesOfArticle(ctx.db, article.id)]);
  const [rendered, related] = await Promise.all([
    renderArticleBody(ctx.db, article.body, { store }),
    findRelatedArticles(ctx.db, {
      id: article.id,
      categoryIds: categories.map((cat) => cat.id),
      tags: article.tags,
      limit: RELATED_ARTICLES,
    }),
  ]);
  const baseUrl = ctx.config.baseUrl;
  const crumbs = [HOME_CRUMB, BLOG_CRUMB, { label: article.title }];
  const words = countWords(article.body);
  const description = article.seoDescription || article.excerpt;
  return c.html(
    renderPage({
      title: article.seoTitle || article.title,
      description,
      canonicalPath: `/blog/${article.slug}`,
      store,
      baseUrl,
      section: 'blog',
      feed: FEED,
      share: {
        type: 'article',
        image: article.coverImage ? { src: largestSrcOf(article.coverImage), alt: article.coverImage.alt } : undefined,
        publishedTime: article.publishedAt,
        modifiedTime: article.updatedAt,
        section: categories[0]?.name,
        tags: article.tags,
      },
      jsonLd: buildArticleJsonLd({
        article,
        storeName: store.name,
        baseUrl,
        crumbs,
        section: categories[0]?.name,
        wordCount: words,
        faq: findFaq(article.body),
      }),
      body: renderArticlePage({
        article,
        crumbs,
        bodyHtml: rendered.html,
        headings: rendered.headings,
        readingMinutes: readingMinutes(words),
        categories,
        products: rendered.products,
        related,
        disclaimer: store.disclaimer,
        phone: hasContactBox(article.body) ? '' : store.phone,
      }),
    }),
  );
});

/** /sitemap.xml, mounted at the top of the site. */
export const sitemapPages = new Hono<AppEnv>();

sitemapPages.get('/', async (c) => {
  // Products and articles entering or leaving sale or publication change it; category and setting changes
  // empty the whole cache.
  tagPage(c, PRODUCT_LISTS, ARTICLE_LISTS);
  const ctx = c.var.ctx;
  const store = await settingsOf(ctx);
  const entries = await listSitemapEntries(ctx.db, store);
  return c.body(renderSitemap(entries, ctx.config.baseUrl), 200, XML);
});
