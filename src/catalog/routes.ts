import { type Context, Hono } from 'hono';
import { AppError } from '#src/lib/errors.ts';
import { settingsOf } from '#src/store/settings.ts';
import { tagPage } from '#src/web/cache-middleware.ts';
import type { AppEnv } from '#src/web/context.ts';
import { renderPage } from '#src/web/layout.ts';
import { categoryProductsTag, PRODUCT_LISTS, productTag } from './cache-tags.ts';
import {
  categoriesOf,
  collectAncestors,
  collectBranchIds,
  collectDescendantIds,
  findCategory,
} from './category-queries.ts';
import { buildProductJsonLd } from './json-ld.ts';
import { type ListPageQuery, parseListPageQuery } from './list-query.ts';
import { findActiveProduct, listActiveProducts, listRelatedProducts } from './queries.ts';
import type { Category } from './schema.ts';
import { PAGE_SIZE, slugSchema } from './validators.ts';
import type { Crumb } from './views/breadcrumbs.ts';
import { buildListHref } from './views/product-filters.ts';
import { type CategoryChoice, renderProductListPage } from './views/product-list-page.ts';
import { renderProductPage } from './views/product-page.ts';

/** The product list and each product's page, under /products. */
export const productPages = new Hono<AppEnv>();
/** Each category's product list, under /categories. */
export const categoryPages = new Hono<AppEnv>();

// A row of cards: four on a wide screen, two rows of two on a phone.
const RELATED_LIMIT = 4;

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

type ListOptions = {
  query: ListPageQuery;
  /** The category the list is limited to: the page's own (/categories/:slug) or ?category= of /products. */
  category: Category | undefined;
  all: Category[];
  basePath: string;
};

// The category choices above a list: "All products", then the top level on /products, or the category itself
// and its children on a category page. Each link keeps the filters and the sort.
function categoryChoicesOf(o: ListOptions): CategoryChoice[] {
  const { filters, sort } = o.query;
  const href = (basePath: string) => buildListHref({ basePath, filters, sort, page: 1 });
  const choice = (c: Category) => ({
    name: c.name,
    href: href(`/categories/${c.slug}`),
    isCurrent: c.id === o.category?.id,
  });
  const all = { name: 'All products', href: href('/products'), isCurrent: !o.category };
  if (o.basePath === '/products') return [all, ...o.all.filter((x) => x.parentId === null).map(choice)];
  const category = o.category!;
  return [all, choice(category), ...o.all.filter((x) => x.parentId === category.id).map(choice)];
}

async function renderList(c: Context<AppEnv>, o: ListOptions) {
  const { ctx } = c.var;
  const { query, category } = o;
  const [list, store] = await Promise.all([
    listActiveProducts(ctx.db, {
      categoryIds: category ? collectDescendantIds(o.all, category.id) : undefined,
      filters: query.filters,
      sort: query.sort,
      page: query.page,
      limit: PAGE_SIZE,
    }),
    settingsOf(ctx),
  ]);
  const heading = category ? category.name : 'All products';
  const hasFilterErrors = Object.keys(query.filterErrors).length > 0;
  const canonicalBase = category ? `/categories/${category.slug}` : '/products';
  const isCategoryPage = o.basePath !== '/products';
  return c.html(
    renderPage({
      title: query.page > 1 ? `${heading} (page ${query.page})` : heading,
      description: category?.description || `Browse the medical and aesthetic supplies sold by ${store.name}.`,
      // Filtered and sorted lists are versions of the plain list, which search engines should index instead.
      canonicalPath: buildListHref({ basePath: canonicalBase, sort: 'name', page: query.page }),
      store,
      baseUrl: ctx.config.baseUrl,
      section: 'products',
      noindex: list.items.length === 0 || hasFilterErrors,
      body: renderProductListPage({
        heading,
        intro: category?.description,
        crumbs: category ? crumbsOf(collectAncestors(o.all, category.id)) : [SHOP_CRUMBS[0]!, { label: 'Shop' }],
        basePath: o.basePath,
        categoryParam: isCategoryPage ? undefined : category?.slug,
        activeCategoryName: category?.name,
        categoryChoices: categoryChoicesOf(o),
        filters: query.filters,
        filterErrors: query.filterErrors,
        typedPrices: query.typedPrices,
        sort: query.sort,
        currency: store.currency,
        items: list.items,
        total: list.total,
        page: query.page,
        pageSize: PAGE_SIZE,
      }),
    }),
    // A filter that could not be applied is a bad request, even though the page still lists products.
    hasFilterErrors ? 400 : 200,
  );
}

productPages.get('/', async (c) => {
  tagPage(c, PRODUCT_LISTS);
  const query = parseListPageQuery(c, { hasCategoryParam: true });
  const all = await categoriesOf(c.var.ctx);
  const category = query.category ? all.find((x) => x.slug === query.category) : undefined;
  if (query.category && !category) {
    throw new AppError('NOT_FOUND', 'There is no category with that name. It may have been renamed or removed.');
  }
  return renderList(c, { query, category, all, basePath: '/products' });
});

categoryPages.get('/:slug', async (c) => {
  tagPage(c, PRODUCT_LISTS);
  const slug = parseSlug(c.req.param('slug'), 'category');
  const query = parseListPageQuery(c, { hasCategoryParam: false });
  const found = await findCategory(c.var.ctx.db, await categoriesOf(c.var.ctx), slug);
  // A shared link to a renamed category keeps its filters and sort.
  if (found.kind === 'moved') return c.redirect(`/categories/${found.slug}${new URL(c.req.url).search}`, 301);
  if (found.kind === 'missing') throw new AppError('NOT_FOUND', 'There is no category at this address.');
  return renderList(c, { query, category: found.category, all: found.all, basePath: `/categories/${slug}` });
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
  const [all, store] = await Promise.all([categoriesOf(ctx), settingsOf(ctx)]);
  const branchIds = collectBranchIds(all, category?.id ?? null);
  const related = await listRelatedProducts(ctx.db, { product, branchIds, limit: RELATED_LIMIT });
  // The page shows the related products' cards, so their changes refresh it; so do changes in its branch of the
  // category tree, where a new or moved product may become related.
  tagPage(
    c,
    productTag(product.slug),
    ...related.map((p) => productTag(p.slug)),
    ...branchIds.map((id) => categoryProductsTag(id)),
  );
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
      body: renderProductPage({ product, category, crumbs, store, related }),
    }),
  );
});
