import { createRoute, z } from '@hono/zod-openapi';
import { Hono } from 'hono';
import { ProductSummarySchema, searchTextSchema } from '#src/catalog/api-schemas.ts';
import { PRODUCT_LISTS } from '#src/catalog/cache-tags.ts';
import { getCategoryTree } from '#src/catalog/category-queries.ts';
import { toAbsoluteUrl } from '#src/catalog/json-ld.ts';
import { listActiveProducts, listFeaturedProducts } from '#src/catalog/queries.ts';
import { toProductCardJson } from '#src/catalog/serialize.ts';
import { ARTICLE_LISTS } from '#src/content/cache-tags.ts';
import type { Db } from '#src/db/client.ts';
import { settingsOf } from '#src/store/settings.ts';
import { createApiRouter } from '#src/web/api.ts';
import { tagPage } from '#src/web/cache-middleware.ts';
import type { AppEnv } from '#src/web/context.ts';
import { renderPage } from '#src/web/layout.ts';
import { json, problemResponse } from '#src/web/openapi.ts';
import { parseQuery } from '#src/web/validation.ts';
import { renderHighlighted, stripMarkers } from './highlight.ts';
import { searchArticles, searchProducts } from './queries.ts';
import { suggestSpelling } from './suggest.ts';
import { renderSearchPage } from './views/search-page.ts';

export const searchPages = new Hono<AppEnv>();
export const searchApi = createApiRouter();

const PAGE_PRODUCT_LIMIT = 24;
const PAGE_ARTICLE_LIMIT = 12;

const pageQuerySchema = z.object({
  // An empty box is the start page, not an error.
  q: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), searchTextSchema.optional()),
});

// Ideas for a visitor with no query or no results: the store's featured products, else its first products.
async function listSuggestions(db: Db): Promise<string[]> {
  const featured = await listFeaturedProducts(db, 6);
  const names = featured.length ? featured : (await listActiveProducts(db, { sort: 'name', limit: 6 })).items;
  return names.map((p) => p.name);
}

async function listPopularCategories(db: Db) {
  const tree = await getCategoryTree(db);
  return tree
    .filter((c) => c.productCount > 0)
    .sort((a, b) => b.productCount - a.productCount)
    .slice(0, 8);
}

searchPages.get('/', async (c) => {
  const { ctx } = c.var;
  tagPage(c, PRODUCT_LISTS, ARTICLE_LISTS);
  const { q } = parseQuery(c, pageQuerySchema);
  const store = await settingsOf(ctx);
  let data: Parameters<typeof renderSearchPage>[0];
  if (!q) {
    const [categories, suggestions] = await Promise.all([listPopularCategories(ctx.db), listSuggestions(ctx.db)]);
    data = { kind: 'start', categories, suggestions };
  } else {
    const [products, articles] = await Promise.all([
      searchProducts(ctx.db, q, PAGE_PRODUCT_LIMIT),
      searchArticles(ctx.db, q, PAGE_ARTICLE_LIMIT),
    ]);
    if (products.total + articles.total === 0) {
      const [categories, suggestions, spelling] = await Promise.all([
        listPopularCategories(ctx.db),
        listSuggestions(ctx.db),
        suggestSpelling(ctx.db, q),
      ]);
      data = { kind: 'none', q, categories, suggestions, spelling };
    } else {
      data = {
        kind: 'results',
        q,
        products: products.items,
        productTotal: products.total,
        articles: articles.items,
        articleTotal: articles.total,
      };
    }
  }
  return c.html(
    renderPage({
      title: q ? `Search: ${q}` : 'Search',
      store,
      baseUrl: ctx.config.baseUrl,
      section: 'search',
      searchQuery: q,
      noindex: true,
      body: renderSearchPage(data, store),
    }),
  );
});

const SnippetSchema = z.string().openapi({
  description:
    "Plain text (Markdown and embeds removed) from the summary and description, or an article's excerpt and " +
    'text: the sentence with the most matched words and those after it, up to about 250 characters. It starts and ' +
    'ends with whole sentences; where one had to be cut, the cut falls between words and shows as "…". Empty when ' +
    'the text is empty.',
  example: 'Biotin (vitamin B7) helps the body turn food into energy and is used by the cells that build keratin…',
});
const SnippetHtmlSchema = z.string().openapi({
  description: 'The same snippet, HTML-escaped, with each matched word in <mark>…</mark> and no other markup.',
  example:
    '<mark>Biotin</mark> (vitamin B7) helps the body turn food into energy and is used by the cells that build keratin…',
});

const RankSchema = z.number().openapi({
  description:
    'Higher is better. Above 0 for a match of the words as typed (or their beginnings), with more for a match in ' +
    'the name or title and most for a name that is the whole query; between -0.55 and 0 for a hit found only ' +
    'because its name or title is spelled close to the query.',
});

const ProductHitSchema = ProductSummarySchema.pick({
  id: true,
  slug: true,
  url: true,
  name: true,
  summary: true,
  brand: true,
  sku: true,
  images: true,
  priceCents: true,
  compareAtCents: true,
  currency: true,
  regulatoryStatus: true,
  regulatoryLabel: true,
  accessClass: true,
  accessLabel: true,
})
  .extend({
    snippet: SnippetSchema,
    snippetHtml: SnippetHtmlSchema,
    rank: RankSchema,
  })
  .openapi('ProductSearchHit');

const ArticleHitSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    url: z.string(),
    title: z.string(),
    excerpt: z.string(),
    coverImage: z.object({ src: z.string(), alt: z.string() }).nullable(),
    publishedAt: z.string().nullable().openapi({ format: 'date-time' }),
    snippet: SnippetSchema,
    snippetHtml: SnippetHtmlSchema,
    rank: RankSchema,
  })
  .openapi('ArticleSearchHit');

const searchRoute = createRoute({
  method: 'get',
  path: '/',
  operationId: 'searchStore',
  security: [],
  tags: ['search'],
  summary: 'Full-text search of active products and published articles',
  description:
    'Ranked best first; a match in a name or title ranks above a match in the text. Partial words match. A name ' +
    'or title spelled close to the query ("minoxidl", "lazer comb") is found too, after every match of the words ' +
    'as typed. When nothing matches, `suggestion` may offer a corrected query that does.',
  request: {
    query: z.object({
      q: searchTextSchema,
      limit: z.coerce
        .number({ error: 'must be a whole number' })
        .int({ error: 'must be a whole number' })
        .min(1, { error: 'must be 1 or more' })
        .max(50, { error: 'must be at most 50' })
        .default(10),
    }),
  },
  responses: {
    200: json(
      z.object({
        query: z.string(),
        suggestion: z
          .string()
          .nullable()
          .openapi({
            description:
              'Only when neither list has a hit: a corrected spelling of the query ("did you mean …"), with each ' +
              'word replaced by the closest word of product names and article titles. It finds at least one ' +
              'hit when sent as q. Null when there are hits, or when nothing is close enough to offer.',
            example: 'laser comb',
          }),
        products: z.object({ total: z.number().int(), items: z.array(ProductHitSchema) }),
        articles: z.object({ total: z.number().int(), items: z.array(ArticleHitSchema) }),
      }),
      'Matches in two ranked lists',
    ),
    400: problemResponse('A missing, empty or too long q, or a bad limit'),
  },
});

searchApi.openapi(searchRoute, async (c) => {
  const { ctx } = c.var;
  tagPage(c, PRODUCT_LISTS, ARTICLE_LISTS);
  const { q, limit } = c.req.valid('query');
  const baseUrl = ctx.config.baseUrl;
  const [products, articles] = await Promise.all([searchProducts(ctx.db, q, limit), searchArticles(ctx.db, q, limit)]);
  const suggestion = products.total + articles.total === 0 ? await suggestSpelling(ctx.db, q) : null;
  return c.json(
    {
      query: q,
      suggestion,
      products: {
        total: products.total,
        items: products.items.map((p) => ({
          ...toProductCardJson(p, baseUrl),
          snippet: stripMarkers(p.snippet),
          snippetHtml: renderHighlighted(p.snippet).toString(),
          rank: Number(p.rank),
        })),
      },
      articles: {
        total: articles.total,
        items: articles.items.map((a) => ({
          id: a.id,
          slug: a.slug,
          url: `${baseUrl}/blog/${a.slug}`,
          title: a.title,
          excerpt: a.excerpt,
          coverImage: a.coverImage ? { src: toAbsoluteUrl(a.coverImage.src, baseUrl), alt: a.coverImage.alt } : null,
          publishedAt: a.publishedAt?.toISOString() ?? null,
          snippet: stripMarkers(a.snippet),
          snippetHtml: renderHighlighted(a.snippet).toString(),
          rank: Number(a.rank),
        })),
      },
    },
    200,
  );
});
