import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '#src/lib/errors.ts';
import { createApiRouter } from '#src/web/api.ts';
import { tagPage } from '#src/web/cache-middleware.ts';
import { json, problemResponse } from '#src/web/openapi.ts';
import { CategoryTreeSchema, ProductDetailSchema, ProductListQuerySchema, ProductListSchema } from './api-schemas.ts';
import { PRODUCT_LISTS, productTag } from './cache-tags.ts';
import { categoriesOf, collectDescendantIds, getCategoryTree } from './category-queries.ts';
import { decodeCursor } from './cursor.ts';
import { toProductFilters } from './filters.ts';
import { findActiveProduct, listActiveProducts } from './queries.ts';
import { toCategoryTreeJson, toProductDetailJson, toProductSummaryJson } from './serialize.ts';

export const catalogApi = createApiRouter();

const listProductsRoute = createRoute({
  method: 'get',
  path: '/products',
  operationId: 'listProducts',
  security: [],
  tags: ['catalogue'],
  summary: 'List active products',
  description:
    'Filter by category (subcategories included), regulatory status, access class, storage, price range, ' +
    'availability and text; sort; and page either by number (`page`) or by keyset (`cursor`, from ' +
    '`nextCursor`, with the same filters and sort). The shop page /products takes the same filter parameters. ' +
    'Money in answers is integer cents with a currency.',
  request: { query: ProductListQuerySchema },
  responses: {
    200: json(ProductListSchema, 'A page of products'),
    400: problemResponse('An invalid parameter, named in `errors`'),
    404: problemResponse('No such category'),
  },
});

catalogApi.openapi(listProductsRoute, async (c) => {
  tagPage(c, PRODUCT_LISTS);
  const { ctx } = c.var;
  const query = c.req.valid('query');
  if (query.page !== undefined && query.cursor !== undefined) {
    throw new AppError('BAD_REQUEST', 'Use either page or cursor, not both.', {
      fields: { cursor: 'cannot be combined with page' },
    });
  }
  const after = query.cursor ? decodeCursor(query.cursor, query.sort) : undefined;
  const all = await categoriesOf(ctx);
  const category = query.category ? all.find((x) => x.slug === query.category) : undefined;
  if (query.category && !category) {
    throw new AppError('NOT_FOUND', `There is no category "${query.category}".`, {
      fields: { category: 'no such category' },
    });
  }
  const page = after ? undefined : (query.page ?? 1);
  const list = await listActiveProducts(ctx.db, {
    categoryIds: category ? collectDescendantIds(all, category.id) : undefined,
    q: query.q,
    filters: toProductFilters(query),
    sort: query.sort,
    limit: query.limit,
    page,
    after,
  });
  const byId = new Map(all.map((x) => [x.id, x]));
  const baseUrl = ctx.config.baseUrl;
  return c.json(
    {
      items: list.items.map((p) => toProductSummaryJson(p, (p.categoryId && byId.get(p.categoryId)) || null, baseUrl)),
      total: list.total,
      limit: query.limit,
      page: page ?? null,
      pageCount: Math.ceil(list.total / query.limit),
      nextCursor: list.nextCursor,
    },
    200,
  );
});

const getProductRoute = createRoute({
  method: 'get',
  path: '/products/{slug}',
  operationId: 'getProduct',
  security: [],
  tags: ['catalogue'],
  summary: 'One active product with all its facts',
  description: 'An old slug of a renamed product answers 301 with the new address in Location.',
  request: {
    params: z.object({
      slug: z
        .string()
        .max(200)
        .openapi({ param: { name: 'slug', in: 'path' } }),
    }),
  },
  responses: {
    200: json(ProductDetailSchema, 'The product'),
    301: { description: 'The product was renamed; see Location' },
    404: problemResponse('No active product has this slug'),
  },
});

catalogApi.openapi(getProductRoute, async (c) => {
  const { ctx } = c.var;
  const found = await findActiveProduct(ctx.db, c.req.valid('param').slug);
  if (found.kind === 'moved') return c.redirect(`/api/store/products/${found.slug}`, 301);
  if (found.kind === 'missing') throw new AppError('NOT_FOUND', 'No active product has this slug.');
  tagPage(c, productTag(found.product.slug));
  return c.json(toProductDetailJson(found.product, found.category, ctx.config.baseUrl), 200);
});

const listCategoriesRoute = createRoute({
  method: 'get',
  path: '/categories',
  operationId: 'listCategories',
  security: [],
  tags: ['catalogue'],
  summary: 'The category tree',
  responses: {
    200: json(z.object({ items: z.array(CategoryTreeSchema) }), 'Top-level categories, each with its children'),
    400: problemResponse('The address is malformed: too long, or holding a null character'),
  },
});

catalogApi.openapi(listCategoriesRoute, async (c) => {
  const { ctx } = c.var;
  const tree = await getCategoryTree(ctx.db);
  return c.json({ items: toCategoryTreeJson(tree, ctx.config.baseUrl) }, 200);
});
