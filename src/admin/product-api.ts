import { createRoute, z } from '@hono/zod-openapi';
import { categoriesOf, collectDescendantIds } from '#src/catalog/category-queries.ts';
import { listProductsForEditor } from '#src/catalog/editor-queries.ts';
import {
  addProduct,
  archiveProduct,
  duplicateProduct,
  editProduct,
  restoreProduct,
} from '#src/catalog/editor-service.ts';
import { addProductImage, removeProductImage, updateProductImage } from '#src/catalog/image-service.ts';
import { getProductById } from '#src/catalog/queries.ts';
import { productChangesSchema, productInputSchema } from '#src/catalog/validators.ts';
import { AppError } from '#src/lib/errors.ts';
import { uuidSchema } from '#src/lib/ids.ts';
import { readImageUpload } from '#src/media/upload.ts';
import { requireStaff } from '#src/staff/current.ts';
import { createApiRouter } from '#src/web/api.ts';
import { json, jsonBody, problemResponse, staffProblems } from '#src/web/openapi.ts';
import {
  AdminProductListSchema,
  AdminProductQuerySchema,
  AdminProductSchema,
  ImageChangeSchema,
  ImageUploadSchema,
  toAdminProductJson,
} from './product-api-schemas.ts';
import { productAuditFor } from './product-routes.ts';

/** The catalogue for staff and integrations under /api/admin/products: every product, its facts and pictures. */
export const productApi = createApiRouter();

const PERMISSION = 'catalog:manage';
const security: Record<string, string[]>[] = [{ staffBearer: [] }];
const tags = ['products'];
const { unauthorized, forbidden } = staffProblems('catalog:manage');
const notFound = problemResponse('No product has this id');
const NOTE =
  'Needs a staff role with the `catalog:manage` permission (owner, admin). Every change is audited and refreshes ' +
  'the store pages that show the product.';
const PUBLISH_NOTE =
  'An active product must carry a summary and directions; an oral, topical or injectable one its active ' +
  'ingredients and side effects; only an oral product may be a dietary supplement, and only devices and kits ' +
  'FDA-cleared or De Novo. Otherwise the answer is 422 naming each missing fact in `errors`.';
const PRODUCT_ID = '0d5c3e1a-7b2f-4c8e-9a61-3f0e2d4b5c6a';

const idParams = z.object({
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, example: PRODUCT_ID }),
});
const imageParams = idParams.extend({
  imageId: z
    .string()
    .max(100)
    .openapi({ param: { name: 'imageId', in: 'path' }, example: '3f2a9c0d1e8b7a6f5c4d3b2a1908f7e6' }),
});

function noStore(c: { header(name: string, value: string): void }) {
  c.header('Cache-Control', 'no-store');
}

// A malformed id names no product: the same 404 as an unknown one.
function productIdOf(id: string): string {
  const parsed = uuidSchema.safeParse(id);
  if (!parsed.success) throw new AppError('NOT_FOUND', 'There is no product with this id.');
  return parsed.data;
}

const EXAMPLE_INPUT = {
  slug: 'pep-factor-serum-15ml',
  name: 'PEP Factor Serum, 15 ml',
  sku: 'PEP-FACTOR-15',
  summary: 'Topical serum with basic fibroblast growth factor and copper peptide, for use with microneedling.',
  priceCents: 6900,
  form: 'serum' as const,
  route: 'topical' as const,
  regulatoryStatus: 'cosmetic' as const,
  activeIngredients: [{ name: 'Basic fibroblast growth factor (bFGF)' }, { name: 'Copper tripeptide-1' }],
  sideEffects: ['Mild redness'],
  directions: 'Apply two drops to clean skin after microneedling. Keep at room temperature, away from light.',
  status: 'active' as const,
};

productApi.openapi(
  createRoute({
    method: 'get',
    path: '/',
    operationId: 'listAdminProducts',
    tags,
    summary: 'Every product, drafts and archived ones too: searched, filtered, sorted and paged',
    description: `${NOTE} The same filters as the /admin/products page.`,
    security,
    request: { query: AdminProductQuerySchema },
    responses: {
      200: json(AdminProductListSchema, 'A page of products'),
      400: problemResponse('An invalid parameter'),
      401: unauthorized,
      403: forbidden,
    },
  }),
  async (c) => {
    await requireStaff(c, PERMISSION);
    const q = c.req.valid('query');
    const all = await categoriesOf(c.var.ctx);
    const list = await listProductsForEditor(c.var.ctx.db, {
      q: q.q || undefined,
      categoryIds: q.category ? collectDescendantIds(all, q.category) : undefined,
      status: q.status,
      accessClass: q.access,
      regulatoryStatus: q.regulatory,
      stock: q.stock,
      sort: q.sort,
      page: q.page,
      limit: q.limit,
    });
    noStore(c);
    return c.json(
      {
        items: list.items.map(({ images: _images, updatedAt, ...item }) => ({
          ...item,
          updatedAt: updatedAt.toISOString(),
        })),
        total: list.total,
        page: q.page,
        limit: q.limit,
      },
      200,
    );
  },
);

productApi.openapi(
  createRoute({
    method: 'post',
    path: '/',
    operationId: 'createAdminProduct',
    tags,
    summary: 'Add a product',
    description: `${NOTE} ${PUBLISH_NOTE} A draft may be saved without them.`,
    security,
    request: { body: jsonBody(productInputSchema, { example: EXAMPLE_INPUT }) },
    responses: {
      201: {
        ...json(AdminProductSchema, 'The product added'),
        headers: { Location: { description: 'The address of the product', schema: { type: 'string' } } },
      },
      400: problemResponse('Invalid body, or a field not accepted here'),
      401: unauthorized,
      403: forbidden,
      409: problemResponse('Another product uses this slug or SKU'),
      422: problemResponse('Facts a published product needs are missing, or the category does not exist'),
    },
  }),
  async (c) => {
    const staff = await requireStaff(c, PERMISSION);
    const product = await addProduct(c.var.ctx, c.req.valid('json'), productAuditFor(staff));
    noStore(c);
    c.header('Location', `/api/admin/products/${product.id}`);
    return c.json(toAdminProductJson(product), 201);
  },
);

productApi.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    operationId: 'getAdminProduct',
    tags,
    summary: 'One product, whatever its status',
    description: NOTE,
    security,
    request: { params: idParams },
    responses: { 200: json(AdminProductSchema, 'The product'), 401: unauthorized, 403: forbidden, 404: notFound },
  }),
  async (c) => {
    await requireStaff(c, PERMISSION);
    const product = await getProductById(c.var.ctx.db, productIdOf(c.req.valid('param').id));
    if (!product) throw new AppError('NOT_FOUND', 'There is no product with this id.');
    noStore(c);
    return c.json(toAdminProductJson(product), 200);
  },
);

productApi.openapi(
  createRoute({
    method: 'patch',
    path: '/{id}',
    operationId: 'updateAdminProduct',
    tags,
    summary: 'Change some fields of a product',
    description: `${NOTE} ${PUBLISH_NOTE} A new slug keeps the old address answering 301.`,
    security,
    request: {
      params: idParams,
      body: jsonBody(productChangesSchema, {
        example: { name: 'PEP Factor Serum, 15 ml (new label)', priceCents: 7200 },
      }),
    },
    responses: {
      200: json(AdminProductSchema, 'The product as changed'),
      400: problemResponse('Invalid body, or a field not accepted here'),
      401: unauthorized,
      403: forbidden,
      404: notFound,
      409: problemResponse('Another product uses this slug or SKU'),
      422: problemResponse('The change would publish a product without the facts it needs'),
    },
  }),
  async (c) => {
    const staff = await requireStaff(c, PERMISSION);
    const id = productIdOf(c.req.valid('param').id);
    const product = await editProduct(c.var.ctx, { id, changes: c.req.valid('json') }, productAuditFor(staff));
    noStore(c);
    return c.json(toAdminProductJson(product), 200);
  },
);

for (const [path, operationId, summary, act] of [
  ['duplicate', 'duplicateAdminProduct', 'Copy a product as a draft under a free slug and SKU', duplicateProduct],
  ['archive', 'archiveAdminProduct', 'Hide a product from the store; orders keep referring to it', archiveProduct],
  [
    'restore',
    'restoreAdminProduct',
    'Bring an archived product back: active when it has the facts a published product needs, else a draft',
    restoreProduct,
  ],
] as const) {
  const isCopy = path === 'duplicate';
  productApi.openapi(
    createRoute({
      method: 'post',
      path: `/{id}/${path}`,
      operationId,
      tags,
      summary,
      description: NOTE,
      security,
      request: { params: idParams },
      responses: {
        [isCopy ? 201 : 200]: json(AdminProductSchema, isCopy ? 'The copy' : 'The product'),
        401: unauthorized,
        403: forbidden,
        404: notFound,
        ...(path === 'restore' ? { 409: problemResponse('The product is not archived') } : {}),
      },
    }),
    // biome-ignore lint/suspicious/noExplicitAny: one handler for three routes whose answers differ only in status
    (async (c: any) => {
      const staff = await requireStaff(c, PERMISSION);
      const product = await act(c.var.ctx, { id: productIdOf(c.req.valid('param').id) }, productAuditFor(staff));
      noStore(c);
      if (isCopy) c.header('Location', `/api/admin/products/${product.id}`);
      return c.json(toAdminProductJson(product), isCopy ? 201 : 200);
    }) as never,
  );
}

// Multipart bodies are read by hand (readImageUpload) so the picture gets the same messages as the form.
productApi.openAPIRegistry.registerPath({
  method: 'post',
  path: '/{id}/images',
  operationId: 'addAdminProductImage',
  tags,
  summary: 'Upload a picture of a product',
  description:
    `${NOTE} The type is judged from the bytes (JPEG, PNG or WebP), whatever the file is called. The picture is ` +
    'kept and resized into WebP at 320, 640 and 1280 pixels wide (never enlarged), served for a year under ' +
    'addresses that change with the content.',
  security,
  request: {
    params: idParams,
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: ImageUploadSchema,
          example: { image: '(a JPEG, PNG or WebP file)', alt: '15 ml amber dropper bottle of PEP Factor serum' },
        },
      },
    },
  },
  responses: {
    201: json(AdminProductSchema, 'The product with its new picture'),
    400: problemResponse('The body is not the multipart form data its Content-Type claims'),
    401: unauthorized,
    403: forbidden,
    404: notFound,
    409: problemResponse('The picture is on the product already'),
    413: problemResponse('The picture is larger than 10 MB'),
    422: problemResponse('Not a JPEG, PNG or WebP picture, no alt text, or the product has 12 pictures already'),
  },
});

productApi.post('/:id/images', async (c) => {
  const staff = await requireStaff(c, PERMISSION);
  const id = productIdOf(c.req.param('id'));
  noStore(c);
  const upload = await readImageUpload(c);
  const position =
    upload.values.position && /^\d{1,2}$/.test(upload.values.position) ? Number(upload.values.position) : undefined;
  await addProductImage(
    c.var.ctx,
    { productId: id, bytes: upload.bytes, alt: upload.values.alt ?? '', position },
    productAuditFor(staff),
  );
  const product = await getProductById(c.var.ctx.db, id);
  return c.json(toAdminProductJson(product!), 201);
});

productApi.openapi(
  createRoute({
    method: 'patch',
    path: '/{id}/images/{imageId}',
    operationId: 'updateAdminProductImage',
    tags,
    summary: "Change a picture's alt text or position",
    description: NOTE,
    security,
    request: {
      params: imageParams,
      body: jsonBody(ImageChangeSchema, { example: { alt: 'Serum bottle, front', position: 1 } }),
    },
    responses: {
      200: json(AdminProductSchema, 'The product with its pictures'),
      400: problemResponse('Invalid body'),
      401: unauthorized,
      403: forbidden,
      404: problemResponse('No such product or picture'),
      422: problemResponse('Empty alt text'),
    },
  }),
  async (c) => {
    const staff = await requireStaff(c, PERMISSION);
    const params = c.req.valid('param');
    const id = productIdOf(params.id);
    const body = c.req.valid('json');
    await updateProductImage(c.var.ctx, { productId: id, imageId: params.imageId, ...body }, productAuditFor(staff));
    noStore(c);
    return c.json(toAdminProductJson((await getProductById(c.var.ctx.db, id))!), 200);
  },
);

productApi.openapi(
  createRoute({
    method: 'delete',
    path: '/{id}/images/{imageId}',
    operationId: 'removeAdminProductImage',
    tags,
    summary: 'Remove a picture from a product',
    description: NOTE,
    security,
    request: { params: imageParams },
    responses: {
      204: { description: 'Removed' },
      401: unauthorized,
      403: forbidden,
      404: problemResponse('No such product or picture'),
    },
  }),
  async (c) => {
    const staff = await requireStaff(c, PERMISSION);
    const params = c.req.valid('param');
    await removeProductImage(
      c.var.ctx,
      { productId: productIdOf(params.id), imageId: params.imageId },
      productAuditFor(staff),
    );
    return c.body(null, 204);
  },
);
