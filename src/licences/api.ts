import { createRoute, z } from '@hono/zod-openapi';
import { requireCustomer } from '#src/accounts/sessions/current.ts';
import { findActiveProduct } from '#src/catalog/queries.ts';
import { AppError } from '#src/lib/errors.ts';
import { createApiRouter } from '#src/web/api.ts';
import { json, problemResponse } from '#src/web/openapi.ts';
import { problemJson } from '#src/web/problem.ts';
import {
  EntitlementSchema,
  LicenceListSchema,
  LicenceSchema,
  LicenceUploadSchema,
  toLicenceJson,
} from './api-schemas.ts';
import { checkPurchaseEntitlement } from './entitlement.ts';
import { findLicenceOf, listLicencesOf } from './queries.ts';
import { requireConfirmedEmail, submitLicence } from './service.ts';
import { readLicenceUpload } from './upload.ts';

/** The customer's licences in the store API under /api/store/account/licences. */
export const licenceApi = createApiRouter();

// The same schemes the account API declares, so the document names one customer session.
licenceApi.openAPIRegistry.registerComponent('securitySchemes', 'bearerSession', {
  type: 'http',
  scheme: 'bearer',
  description: 'The `token` returned by `POST /api/store/session`.',
});
licenceApi.openAPIRegistry.registerComponent('securitySchemes', 'cookieSession', {
  type: 'apiKey',
  in: 'cookie',
  name: 'sid',
  description: "The session cookie set at sign-in. Requests carrying it must come from the store's own origin.",
});
const security: Record<string, string[]>[] = [{ bearerSession: [] }, { cookieSession: [] }];
const notSignedIn = problemResponse('Not signed in');

// Answers about one customer are never cached, by the store or anyone between.
function noStore(c: { header(name: string, value: string): void }) {
  c.header('Cache-Control', 'private, no-store');
}

licenceApi.openapi(
  createRoute({
    method: 'get',
    path: '/licences',
    operationId: 'listLicences',
    tags: ['licences'],
    summary: "The signed-in customer's licences, newest first",
    security,
    responses: {
      200: json(LicenceListSchema, 'The licences'),
      401: notSignedIn,
    },
  }),
  async (c) => {
    const customer = await requireCustomer(c);
    noStore(c);
    const rows = await listLicencesOf(c.var.ctx.db, customer.id);
    return c.json({ items: rows.map(toLicenceJson) }, 200);
  },
);

// Multipart bodies are read by hand (readLicenceUpload) so that every field, the file included, gets the
// same messages as the form; the route is only described here.
licenceApi.openAPIRegistry.registerPath({
  method: 'post',
  path: '/licences',
  operationId: 'submitLicence',
  tags: ['licences'],
  summary: 'Submit a licence for review',
  description:
    "The document's type is judged from its bytes, whatever its name says. Bodies over about 10 MB answer 413.",
  security,
  request: {
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: LicenceUploadSchema,
          example: {
            type: 'esthetician',
            number: 'EST-220931',
            issuingState: 'FL',
            expiresOn: '2028-06-30',
            holderName: 'Marisol Vega',
            document: '(the scanned licence, a PDF, JPEG or PNG file)',
          },
        },
      },
    },
  },
  responses: {
    201: json(LicenceSchema, 'Submitted; status pending'),
    400: problemResponse('The body is not the multipart form data its Content-Type claims'),
    401: notSignedIn,
    403: problemResponse('The email address of the account is not confirmed yet'),
    409: problemResponse('Five licences of this customer are already waiting for review'),
    413: problemResponse('The upload is too large'),
    422: problemResponse('Invalid fields or document, named in `errors`'),
  },
});

licenceApi.post('/licences', async (c) => {
  const customer = await requireCustomer(c);
  noStore(c);
  // Before the body is read: an upload that cannot be accepted should not cost reading 10 MB.
  requireConfirmedEmail(customer);
  const upload = await readLicenceUpload(c);
  if (!upload.ok) {
    const first = Object.values(upload.errors)[0] ?? 'Check the licence details.';
    throw new AppError('VALIDATION', first, { fields: upload.errors });
  }
  const licence = await submitLicence(c.var.ctx, {
    customerId: customer.id,
    fields: upload.fields,
    document: upload.document,
  });
  c.header('Location', `/api/store/account/licences/${licence.id}`);
  return c.json(toLicenceJson(licence), 201);
});

licenceApi.openapi(
  createRoute({
    method: 'get',
    path: '/licences/{id}',
    operationId: 'getLicence',
    tags: ['licences'],
    summary: "One of the signed-in customer's licences",
    description: "Another customer's licence answers 404, exactly as one that does not exist.",
    security,
    request: {
      params: z.object({
        id: z
          .string()
          .max(100)
          .openapi({ param: { name: 'id', in: 'path' } }),
      }),
    },
    responses: {
      200: json(LicenceSchema, 'The licence'),
      401: notSignedIn,
      404: problemResponse('No such licence of yours'),
    },
  }),
  async (c) => {
    const customer = await requireCustomer(c);
    noStore(c);
    const licence = await findLicenceOf(c.var.ctx.db, customer.id, c.req.valid('param').id);
    if (!licence) throw new AppError('NOT_FOUND', 'You have no licence with this id.');
    return c.json(toLicenceJson(licence), 200);
  },
);

licenceApi.openapi(
  createRoute({
    method: 'get',
    path: '/entitlements/{productSlug}',
    operationId: 'getEntitlement',
    tags: ['licences'],
    summary: 'May the signed-in customer order this product?',
    description:
      'Open products: anyone. Professional: an approved, unexpired licence. Rx-only: such a licence of a ' +
      'prescriber type (MD, DO, NP, PA, dentist). A refusal is a 403 problem whose `howToQualify` says what to do.',
    security,
    request: {
      params: z.object({
        productSlug: z
          .string()
          .max(200)
          .openapi({ param: { name: 'productSlug', in: 'path' } }),
      }),
    },
    responses: {
      200: json(EntitlementSchema, 'Allowed'),
      401: notSignedIn,
      403: problemResponse('Not entitled; `reason` and `howToQualify` explain'),
      404: problemResponse('No such product'),
    },
  }),
  async (c) => {
    const customer = await requireCustomer(c);
    noStore(c);
    const found = await findActiveProduct(c.var.ctx.db, c.req.valid('param').productSlug);
    if (found.kind !== 'found') throw new AppError('NOT_FOUND', 'There is no product with this slug.');
    const { product } = found;
    const entitlement = await checkPurchaseEntitlement(c.var.ctx.db, customer, product);
    if (!entitlement.allowed) {
      const problem = problemJson(c, 403, `${entitlement.reason} ${entitlement.howToQualify}`, {
        code: 'NOT_ENTITLED',
      });
      const body = {
        ...(await problem.json()),
        reason: entitlement.reason,
        refusal: entitlement.code,
        howToQualify: entitlement.howToQualify,
      };
      // A problem document with two extension members the typed route responses cannot express.
      const headers = { 'content-type': 'application/problem+json', 'cache-control': 'private, no-store' };
      return new Response(JSON.stringify(body), { status: 403, headers }) as never;
    }
    return c.json({ allowed: true as const, product: { slug: product.slug, accessClass: product.accessClass } }, 200);
  },
);
