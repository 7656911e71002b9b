import { Hono } from 'hono';
import { AppError } from '#src/lib/errors.ts';
import { settingsOf } from '#src/store/settings.ts';
import { tagPage } from '#src/web/cache-middleware.ts';
import type { AppEnv } from '#src/web/context.ts';
import { renderPage } from '#src/web/layout.ts';
import { parseQuery } from '#src/web/validation.ts';
import { PRODUCT_LISTS, productTag } from './cache-tags.ts';
import { categoriesOf, collectAncestors, collectDescendantIds, findCategory } from './category-queries.ts';
import { buildProductJsonLd } from './json-ld.ts';
import { findActiveProduct, listActiveProducts } from './queries.ts';
import type { Category } from './schema.ts';
import { listPageQuerySchema, PAGE_SIZE, slugSchema } from './validators.ts';
import type { Crumb } from './views/breadcrumbs.ts';
import { buildListHref, renderProductListPage } from './views/product-list-page.ts';
import { renderProductPage } from './views/product-page.ts';

/** The product list and each product's page, under /products. */
export const productPages = new Hono<AppEnv>();
/** Each category's product list, under /categories. */
export const categoryPages = new Hono<AppEnv>();

const SHOP_CRUMBS: Crumb[] = [
  { label: 'Home', href: '/' },
  { label: 'Shop', href: '/products' },
];

function crumbsOf(chain: Category[]): Crumb[] {
  return [...SHOP_CRUMBS, ...chain.map((c) => ({ label: c.name, href: `/categories/${c.slug}` }))];
}

// A slug that could never exist is simply a page that does not exist.
function parseSlug(value: string, what: string): string {
  const result = slugSchema.safeParse(value);
  if (!result.success) throw new AppError('NOT_FOUND', `We have no ${what} at this address.`);
  return result.data;
}

productPages.get('/', async (c) => {
  const { ctx } = c.var;
  tagPage(c, PRODUCT_LISTS);
  const query = parseQuery(c, listPageQuerySchema);
  const all = await categoriesOf(ctx);
  const category = query.category ? all.find((x) => x.slug === query.category) : undefined;
  if (query.category && !category) {
    throw new AppError('NOT_FOUND', 'There is no category with that name. It may have been renamed or removed.');
  }
  const [list, store] = await Promise.all([
    listActiveProducts(ctx.db, {
      categoryIds: category ? collectDescendantIds(all, category.id) : undefined,
      sort: query.sort,
      page: query.page,
      limit: PAGE_SIZE,
    }),
    settingsOf(ctx),
  ]);
  const heading = category ? category.name : 'All products';
  return c.html(
    renderPage({
      title: query.page > 1 ? `${heading} (page ${query.page})` : heading,
      description: category?.description || `Browse the medical and aesthetic supplies sold by ${store.name}.`,
      canonicalPath: category
        ? buildListHref({ basePath: `/categories/${category.slug}`, sort: 'name', page: query.page })
        : buildListHref({ basePath: '/products', sort: 'name', page: query.page }),
      store,
      baseUrl: ctx.config.baseUrl,
      section: 'products',
      noindex: list.items.length === 0,
      body: renderProductListPage({
        heading,
        intro: category?.description,
        crumbs: category ? crumbsOf(collectAncestors(all, category.id)) : [SHOP_CRUMBS[0]!, { label: 'Shop' }],
        basePath: '/products',
        categoryParam: category?.slug,
        subcategories: all.filter((x) => x.parentId === null),
        subcategoryHeading: 'Shop by category',
        currentCategorySlug: category?.slug,
        items: list.items,
        total: list.total,
        page: query.page,
        pageSize: PAGE_SIZE,
        sort: query.sort,
      }),
    }),
  );
});

categoryPages.get('/:slug', async (c) => {
  tagPage(c, PRODUCT_LISTS);
  const { ctx } = c.var;
  const slug = parseSlug(c.req.param('slug'), 'category');
  const query = parseQuery(c, listPageQuerySchema.omit({ category: true }));
  const found = await findCategory(ctx.db, await categoriesOf(ctx), slug);
  if (found.kind === 'moved') return c.redirect(`/categories/${found.slug}`, 301);
  if (found.kind === 'missing') throw new AppError('NOT_FOUND', 'There is no category at this address.');
  const { category, all } = found;
  const [list, store] = await Promise.all([
    listActiveProducts(ctx.db, {
      categoryIds: collectDescendantIds(all, category.id),
      sort: query.sort,
      page: query.page,
      limit: PAGE_SIZE,
    }),
    settingsOf(ctx),
  ]);
  const basePath = `/categories/${category.slug}`;
  return c.html(
    renderPage({
      title: query.page > 1 ? `${category.name} (page ${query.page})` : category.name,
      description: category.description || undefined,
      canonicalPath: buildListHref({ basePath, sort: 'name', page: query.page }),
      store,
      baseUrl: ctx.config.baseUrl,
      section: 'products',
      noindex: list.items.length === 0,
      body: renderProductListPage({
        heading: category.name,
        intro: category.description,
        crumbs: crumbsOf(collectAncestors(all, category.id)),
        basePath,
        subcategories: all.filter((x) => x.parentId === category.id),
        subcategoryHeading: `Within ${category.name}`,
        items: list.items,
        total: list.total,
        page: query.page,
        pageSize: PAGE_SIZE,
        sort: query.sort,
      }),
    }),
  );
});

productPages.get('/:slug', async (c) => {
  const { ctx } = c.var;
  const slug = parseSlug(c.req.param('slug'), 'product');
  const found = await findActiveProduct(ctx.db, slug);
  if (found.kind === 'moved') return c.redirect(`/products/${found.slug}`, 301);
  if (found.kind === 'missing') {
    throw new AppError('NOT_FOUND', 'This product is not in our catalogue. It may have been renamed or discontinued.');
  }
  const { product, category } = found;
  tagPage(c, productTag(product.slug));
  const [all, store] = await Promise.all([categoriesOf(ctx), settingsOf(ctx)]);
  const crumbs = [...crumbsOf(collectAncestors(all, category?.id ?? null)), { label: product.name }];
  return c.html(
    renderPage({
      title: product.name,
      description: product.summary || undefined,
      canonicalPath: `/products/${product.slug}`,
      store,
      baseUrl: ctx.config.baseUrl,
      section: 'products',
      jsonLd: buildProductJsonLd(product, {
        baseUrl: ctx.config.baseUrl,
        storeName: store.name,
        ...(category ? { categoryName: category.name } : {}),
      }),
      body: renderProductPage({ product, category, crumbs, store }),
    }),
  );
});
