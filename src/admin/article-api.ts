import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { complianceReport, findArticleById, listArticlesForAdmin } from '#src/content/admin-queries.ts';
import { PublishingBlocked } from '#src/content/admin-service.ts';
import { acknowledgeSchema } from '#src/content/admin-validators.ts';
import { listCategoriesOfArticle } from '#src/content/queries.ts';
import type { Article } from '#src/content/schema.ts';
import { AppError } from '#src/lib/errors.ts';
import { uuidSchema } from '#src/lib/ids.ts';
import { requireStaff } from '#src/staff/current.ts';
import { createApiRouter } from '#src/web/api.ts';
import type { AppEnv } from '#src/web/context.ts';
import { json, jsonBody, problemResponse, staffProblems } from '#src/web/openapi.ts';
import { fieldErrorsOf } from '#src/web/validation.ts';
import { acknowledgeFindingAs, publishArticleAs, saveArticleAs } from './article-actions.ts';
import {
  AcknowledgeSchema,
  AdminArticleListSchema,
  AdminArticleSchema,
  ArticleChangesSchema,
  ArticleCreateSchema,
  ArticleIdParamsSchema,
  ArticleListQuerySchema,
  FindingParamsSchema,
  PublishingBlockedSchema,
  toArticleJson,
  toFindingJson,
} from './article-api-schemas.ts';

/** Articles for staff and integrations under /api/admin/articles: writing, publishing and compliance findings. */
export const articleApi = createApiRouter();

const PERMISSION = 'content:manage';
const security: Record<string, string[]>[] = [{ staffBearer: [] }];
const tags = ['articles'];
const { unauthorized, forbidden } = staffProblems('content:manage');
const notFound = problemResponse('No such article');
const PERMISSION_NOTE =
  'Needs a staff role with the `content:manage` permission (owner, admin). Every change keeps a revision and is audited.';
const blocked = {
  description:
    'Invalid fields (`errors`), or the compliance check blocks publishing (code COMPLIANCE_FINDINGS): `findings` lists each open finding',
  content: { 'application/problem+json': { schema: PublishingBlockedSchema } },
};

function noStore(c: { header(name: string, value: string): void }) {
  c.header('Cache-Control', 'no-store');
}

/** The article of an API path, or a 404 problem. */
export async function articleOf(c: Context<AppEnv>, id: string): Promise<Article> {
  const parsed = uuidSchema.safeParse(id);
  const article = parsed.success ? await findArticleById(c.var.ctx.db, parsed.data) : undefined;
  if (!article) throw new AppError('NOT_FOUND', 'There is no article with this id.');
  return article;
}

/** An article as the admin API answers it, with the findings of its saved text. */
export async function articleJson(c: Context<AppEnv>, article: Article) {
  const [report, categories] = await Promise.all([
    complianceReport(c.var.ctx.db, article, article.id),
    listCategoriesOfArticle(c.var.ctx.db, article.id),
  ]);
  const slugs = categories.map((category) => category.slug);
  return toArticleJson(article, report.findings, { baseUrl: c.var.ctx.config.baseUrl, categories: slugs });
}

// The 422 of a blocked publication names every open finding, so a client can show or acknowledge them.
function blockedAnswer(c: Context<AppEnv>, err: PublishingBlocked): Response {
  const body = {
    type: 'about:blank',
    title: 'Unprocessable Content',
    status: 422,
    detail: err.message,
    instance: c.req.path,
    code: 'COMPLIANCE_FINDINGS',
    findings: err.report.blocking.map(toFindingJson),
  };
  return new Response(JSON.stringify(body), { status: 422, headers: { 'content-type': 'application/problem+json' } });
}

// The typed answers of the route are the article; the blocked answer, described in the route, is built by hand.
async function orBlocked<R>(c: Context<AppEnv>, work: () => Promise<R>): Promise<R> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof PublishingBlocked) return blockedAnswer(c, err) as never;
    throw err;
  }
}

articleApi.openapi(
  createRoute({
    method: 'get',
    path: '/',
    operationId: 'listAdminArticles',
    tags,
    summary: 'Articles of every status, newest change first',
    description: PERMISSION_NOTE,
    security,
    request: { query: ArticleListQuerySchema },
    responses: {
      200: json(AdminArticleListSchema, 'A page of articles'),
      400: problemResponse('An invalid parameter'),
      401: unauthorized,
      403: forbidden,
    },
  }),
  async (c) => {
    await requireStaff(c, PERMISSION);
    const q = c.req.valid('query');
    const list = await listArticlesForAdmin(c.var.ctx.db, {
      q: q.q ?? '',
      status: q.status,
      page: q.page,
      limit: q.limit,
    });
    noStore(c);
    return c.json(
      {
        items: list.items.map((a) => ({
          id: a.id,
          title: a.title,
          slug: a.slug,
          status: a.status,
          authorName: a.authorName,
          publishAt: a.publishedAt?.toISOString() ?? null,
          updatedAt: a.updatedAt.toISOString(),
        })),
        page: q.page,
        limit: q.limit,
        total: list.total,
      },
      200,
    );
  },
);

articleApi.openapi(
  createRoute({
    method: 'post',
    path: '/',
    operationId: 'createArticle',
    tags,
    summary: 'Write an article; as a draft unless a status says otherwise',
    description: PERMISSION_NOTE,
    security,
    request: {
      body: jsonBody(ArticleCreateSchema, {
        example: {
          title: 'Caring for your scalp after exosome therapy',
          slug: 'scalp-care-after-exosome-therapy',
          body: 'Avoid strenuous exercise for 24 to 72 hours.',
        },
      }),
    },
    responses: {
      201: {
        ...json(AdminArticleSchema, 'The article'),
        headers: { Location: { description: 'The address of the article', schema: { type: 'string' } } },
      },
      400: problemResponse('Invalid body, or a field not accepted here'),
      401: unauthorized,
      403: forbidden,
      409: problemResponse('Another article uses this slug'),
      422: blocked,
    },
  }),
  async (c) => {
    const staff = await requireStaff(c, PERMISSION);
    const body = c.req.valid('json');
    return orBlocked(c, async () => {
      const saved = await saveArticleAs(c.var.ctx, staff, { changes: body });
      noStore(c);
      c.header('Location', `/api/admin/articles/${saved.after.id}`);
      return c.json(await articleJson(c, saved.after), 201);
    });
  },
);

articleApi.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    operationId: 'getAdminArticle',
    tags,
    summary: 'One article with the compliance findings of its saved text',
    description: PERMISSION_NOTE,
    security,
    request: { params: ArticleIdParamsSchema },
    responses: { 200: json(AdminArticleSchema, 'The article'), 401: unauthorized, 403: forbidden, 404: notFound },
  }),
  async (c) => {
    await requireStaff(c, PERMISSION);
    const article = await articleOf(c, c.req.valid('param').id);
    noStore(c);
    return c.json(await articleJson(c, article), 200);
  },
);

articleApi.openapi(
  createRoute({
    method: 'patch',
    path: '/{id}',
    operationId: 'updateArticle',
    tags,
    summary: 'Change some fields of an article; a new slug keeps the old address redirecting',
    description: PERMISSION_NOTE,
    security,
    request: {
      params: ArticleIdParamsSchema,
      body: jsonBody(ArticleChangesSchema, { example: { excerpt: 'What to do, and avoid, in the days after.' } }),
    },
    responses: {
      200: json(AdminArticleSchema, 'The article after the change'),
      400: problemResponse('Invalid body, or a field not accepted here'),
      401: unauthorized,
      403: forbidden,
      404: notFound,
      409: problemResponse('Another article uses this slug'),
      422: blocked,
    },
  }),
  async (c) => {
    const staff = await requireStaff(c, PERMISSION);
    const article = await articleOf(c, c.req.valid('param').id);
    const body = c.req.valid('json');
    return orBlocked(c, async () => {
      const saved = await saveArticleAs(c.var.ctx, staff, { id: article.id, changes: body });
      noStore(c);
      return c.json(await articleJson(c, saved.after), 200);
    });
  },
);

articleApi.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/publish',
    operationId: 'publishArticle',
    tags,
    summary: 'Publish an article now, if the compliance check lets it',
    description: `${PERMISSION_NOTE} While open findings remain the answer is 422 with the findings; fix the text or acknowledge each.`,
    security,
    request: { params: ArticleIdParamsSchema },
    responses: {
      200: json(AdminArticleSchema, 'The published article'),
      401: unauthorized,
      403: forbidden,
      404: notFound,
      422: blocked,
    },
  }),
  async (c) => {
    const staff = await requireStaff(c, PERMISSION);
    const article = await articleOf(c, c.req.valid('param').id);
    return orBlocked(c, async () => {
      const saved = await publishArticleAs(c.var.ctx, staff, article.id);
      noStore(c);
      return c.json(await articleJson(c, saved.after), 200);
    });
  },
);

articleApi.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/findings/{findingId}/acknowledge',
    operationId: 'acknowledgeFinding',
    tags,
    summary: 'Accept a compliance finding with a reason, kept in the audit log',
    description: `${PERMISSION_NOTE} The acknowledgement holds while the same sentence breaks the same rule.`,
    security,
    request: {
      params: FindingParamsSchema,
      body: jsonBody(AcknowledgeSchema, { example: { reason: 'Counsel approved this wording on 2026-11-30' } }),
    },
    responses: {
      200: json(AdminArticleSchema, 'The article with the finding acknowledged'),
      400: problemResponse('Invalid body'),
      401: unauthorized,
      403: forbidden,
      404: problemResponse('No such article, or no such finding in its saved text'),
      409: problemResponse('The finding cannot be acknowledged (a broken embed)'),
      422: problemResponse('The reason is missing or too short'),
    },
  }),
  async (c) => {
    const staff = await requireStaff(c, PERMISSION);
    const params = c.req.valid('param');
    const article = await articleOf(c, params.id);
    const parsed = acknowledgeSchema.safeParse(c.req.valid('json'));
    if (!parsed.success) {
      throw new AppError('VALIDATION', 'Give a reason for acknowledging the finding.', {
        fields: fieldErrorsOf(parsed.error),
      });
    }
    await acknowledgeFindingAs(c.var.ctx, staff, {
      id: article.id,
      findingId: params.findingId,
      reason: parsed.data.reason,
    });
    noStore(c);
    return c.json(await articleJson(c, (await findArticleById(c.var.ctx.db, article.id))!), 200);
  },
);
