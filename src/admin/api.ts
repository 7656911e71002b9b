import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '#src/lib/errors.ts';
import { findLicenceForReview, listLicencesForReview } from '#src/licences/queries.ts';
import { type ReviewAction, reviewLicence } from '#src/licences/review.ts';
import { actorOf, requireStaff } from '#src/staff/current.ts';
import { createStaffSession, endStaffSession } from '#src/staff/sessions.ts';
import { checkStaffSignIn } from '#src/staff/sign-in.ts';
import { createApiRouter } from '#src/web/api.ts';
import { json, jsonBody, problemResponse, staffProblems } from '#src/web/openapi.ts';
import {
  AdminLicenceListSchema,
  AdminLicenceSchema,
  LicenceQueueQuerySchema,
  OutboxListSchema,
  OutboxQuerySchema,
  ReasonSchema,
  StaffSessionSchema,
  StaffSignInSchema,
  toAdminLicenceJson,
  toOutboxItemJson,
} from './api-schemas.ts';
import { listOutbox } from './queries.ts';

/** The admin API under /api/admin: staff session, licence review, outbox. */
export const adminApi = createApiRouter();

adminApi.openAPIRegistry.registerComponent('securitySchemes', 'staffBearer', {
  type: 'http',
  scheme: 'bearer',
  description: 'The token POST /api/admin/session returns. Customer tokens are never accepted here.',
});
const security: Record<string, string[]>[] = [{ staffBearer: [] }];
const tags = ['admin'];
const { unauthorized, forbidden } = staffProblems();
const idParams = z.object({
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

// Admin answers hold customer data: never stored by a browser or anything between.
function noStore(c: { header(name: string, value: string): void }) {
  c.header('Cache-Control', 'no-store');
}

adminApi.openapi(
  createRoute({
    method: 'post',
    path: '/session',
    operationId: 'createStaffSession',
    security: [],
    tags,
    summary: 'Staff sign-in; returns a bearer token',
    description:
      'Failed attempts are limited per email and client address together, and per address: past either limit the ' +
      'client gets 429 with Retry-After, whatever password it sends. Failures from elsewhere never lock the owner out.',
    request: {
      body: jsonBody(StaffSignInSchema, {
        example: { email: 'reviews@facemedstore.example', password: 'marble orchard signal 7' },
      }),
    },
    responses: {
      201: json(StaffSessionSchema, 'Signed in'),
      400: problemResponse('Invalid body'),
      401: problemResponse('Wrong email or password, or an inactive account'),
      429: problemResponse('Too many attempts'),
    },
  }),
  async (c) => {
    const body = c.req.valid('json');
    const staff = await checkStaffSignIn(c, body.email, body.password);
    const session = await createStaffSession(c.var.ctx.db, staff.id);
    noStore(c);
    return c.json(
      {
        token: session.token,
        expiresAt: session.expiresAt.toISOString(),
        staff: { id: staff.id, email: staff.email, name: staff.name, role: staff.role },
      },
      201,
    );
  },
);

adminApi.openapi(
  createRoute({
    method: 'delete',
    path: '/session',
    operationId: 'deleteStaffSession',
    tags,
    summary: 'Sign out: the token stops working',
    security,
    responses: { 204: { description: 'Signed out' }, 401: unauthorized },
  }),
  async (c) => {
    await requireStaff(c);
    await endStaffSession(c);
    return c.body(null, 204);
  },
);

adminApi.openapi(
  createRoute({
    method: 'get',
    path: '/licences',
    operationId: 'listLicencesForReview',
    tags,
    summary: 'The licence review queue: pending first (oldest first), then the rest (newest first)',
    security,
    request: { query: LicenceQueueQuerySchema },
    responses: {
      200: json(AdminLicenceListSchema, 'A page of licences'),
      400: problemResponse('An invalid parameter'),
      401: unauthorized,
      403: forbidden,
    },
  }),
  async (c) => {
    await requireStaff(c, 'licences:review');
    const q = c.req.valid('query');
    const list = await listLicencesForReview(c.var.ctx.db, q);
    noStore(c);
    return c.json({ items: list.items.map(toAdminLicenceJson), total: list.total, page: q.page, limit: q.limit }, 200);
  },
);

adminApi.openapi(
  createRoute({
    method: 'get',
    path: '/licences/{id}',
    operationId: 'getLicenceForReview',
    tags,
    summary: 'One licence with its customer',
    security,
    request: { params: idParams },
    responses: {
      200: json(AdminLicenceSchema, 'The licence'),
      401: unauthorized,
      403: forbidden,
      404: problemResponse('No such licence'),
    },
  }),
  async (c) => {
    await requireStaff(c, 'licences:review');
    const licence = await findLicenceForReview(c.var.ctx.db, c.req.valid('param').id);
    if (!licence) throw new AppError('NOT_FOUND', 'There is no licence with this id.');
    noStore(c);
    return c.json(toAdminLicenceJson(licence), 200);
  },
);

const DECISIONS: { action: ReviewAction; summary: string; needsReason: boolean }[] = [
  { action: 'approve', summary: 'Approve a pending or suspended licence; the customer is emailed', needsReason: false },
  {
    action: 'reject',
    summary: 'Reject a pending or suspended licence with a reason; the customer is emailed',
    needsReason: true,
  },
  {
    action: 'suspend',
    summary: 'Suspend an approved licence with a reason; the customer is emailed',
    needsReason: true,
  },
];

for (const { action, summary, needsReason } of DECISIONS) {
  const route = createRoute({
    method: 'post',
    path: `/licences/{id}/${action}`,
    operationId: `${action}Licence`,
    tags,
    summary,
    security,
    request: {
      params: idParams,
      ...(needsReason
        ? {
            body: jsonBody(ReasonSchema, {
              example: {
                reason: 'The licence number does not match the state board record; please upload a clearer copy.',
              },
            }),
          }
        : {}),
    },
    responses: {
      200: json(AdminLicenceSchema, 'The licence after the decision'),
      400: problemResponse('Invalid body'),
      401: unauthorized,
      403: forbidden,
      404: problemResponse('No such licence'),
      409: problemResponse("The licence's status does not allow this decision"),
      422: problemResponse('The reason is missing or too short'),
    },
  });
  adminApi.openapi(route, async (c) => {
    const staff = await requireStaff(c, 'licences:review');
    const { id } = c.req.valid('param');
    const reason = needsReason ? ReasonSchema.parse(await c.req.json()).reason : undefined;
    await reviewLicence(c.var.ctx, actorOf(staff), { licenceId: id, action, reason });
    const licence = await findLicenceForReview(c.var.ctx.db, id);
    noStore(c);
    return c.json(toAdminLicenceJson(licence!), 200);
  });
}

adminApi.openapi(
  createRoute({
    method: 'get',
    path: '/outbox',
    operationId: 'listOutboxMails',
    tags,
    summary: 'Mails the store wrote, newest first',
    security,
    request: { query: OutboxQuerySchema },
    responses: {
      200: json(OutboxListSchema, 'A page of mails'),
      401: unauthorized,
      403: forbidden,
    },
  }),
  async (c) => {
    await requireStaff(c, 'outbox:read');
    const q = c.req.valid('query');
    const list = await listOutbox(c.var.ctx.db, q);
    noStore(c);
    return c.json({ items: list.items.map(toOutboxItemJson), total: list.total, page: q.page, limit: q.limit }, 200);
  },
);
