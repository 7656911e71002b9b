import { createRoute } from '@hono/zod-openapi';
import { pictureOf } from '#src/media/image-files.ts';
import { readImageUpload } from '#src/media/upload.ts';
import { requireStaff } from '#src/staff/current.ts';
import { createApiRouter } from '#src/web/api.ts';
import { json, problemResponse, staffProblems } from '#src/web/openapi.ts';
import { articleJson, articleOf } from './article-api.ts';
import {
  AdminArticleSchema,
  ArticleIdParamsSchema,
  BodyPictureSchema,
  CoverUploadSchema,
  PictureUploadSchema,
  widthsJson,
} from './article-api-schemas.ts';
import { removeCoverAs, setCoverAs, uploadBodyPictureAs } from './article-pictures.ts';

/** Pictures of articles under /api/admin/articles/{id}: the cover, and pictures placed in the body. */
export const articlePictureApi = createApiRouter();

const PERMISSION = 'content:manage';
const security: Record<string, string[]>[] = [{ staffBearer: [] }];
const tags = ['articles'];
const NOTE =
  'Needs a staff role with the `content:manage` permission (owner, admin). The type is judged from the bytes ' +
  '(JPEG, PNG or WebP), whatever the file is called; the picture is kept and resized into WebP at 320, 640 and ' +
  '1280 pixels wide (never enlarged), served for a year under addresses that change with the content.';
const { unauthorized, forbidden } = staffProblems(PERMISSION);
const notFound = problemResponse('No such article');
const uploadOf = (schema: typeof PictureUploadSchema | typeof CoverUploadSchema) => ({
  required: true,
  content: {
    'multipart/form-data': {
      schema,
      example: { image: '(a JPEG, PNG or WebP file)', alt: 'Scalp two weeks after an exosome session' },
    },
  },
});
const refused = {
  400: problemResponse('The body is not the multipart form data its Content-Type claims'),
  401: unauthorized,
  403: forbidden,
  404: notFound,
  413: problemResponse('The picture is larger than 10 MB'),
  422: problemResponse('Not a JPEG, PNG or WebP picture, or no alt text (`errors` names the field)'),
};

function noStore(c: { header(name: string, value: string): void }) {
  c.header('Cache-Control', 'no-store');
}

// Multipart bodies are read by hand (readImageUpload) so the picture gets the same messages as the form.
articlePictureApi.openAPIRegistry.registerPath({
  method: 'put',
  path: '/{id}/cover',
  operationId: 'setArticleCover',
  tags,
  summary: 'Upload the cover picture of an article, or replace it',
  description:
    `${NOTE} The blog shows it on the article and its cards, and share cards and search engines use it. ` +
    'Without `image`, changes the alt text of the cover the article has. Kept as a revision.',
  security,
  request: { params: ArticleIdParamsSchema, body: uploadOf(CoverUploadSchema) },
  responses: { 200: json(AdminArticleSchema, 'The article with its new cover'), ...refused },
});

articlePictureApi.put('/:id/cover', async (c) => {
  const staff = await requireStaff(c, PERMISSION);
  const article = await articleOf(c, c.req.param('id'));
  noStore(c);
  const { bytes, values } = await readImageUpload(c);
  const saved = await setCoverAs(c.var.ctx, staff, { id: article.id, bytes, alt: values.alt ?? '' });
  return c.json(await articleJson(c, saved.after), 200);
});

articlePictureApi.openapi(
  createRoute({
    method: 'delete',
    path: '/{id}/cover',
    operationId: 'removeArticleCover',
    tags,
    summary: 'Take the cover picture away from an article',
    description: 'Needs a staff role with the `content:manage` permission (owner, admin). Kept as a revision.',
    security,
    request: { params: ArticleIdParamsSchema },
    responses: {
      200: json(AdminArticleSchema, 'The article without a cover'),
      401: unauthorized,
      403: forbidden,
      404: notFound,
    },
  }),
  async (c) => {
    const staff = await requireStaff(c, PERMISSION);
    const article = await articleOf(c, c.req.valid('param').id);
    const saved = await removeCoverAs(c.var.ctx, staff, article.id);
    noStore(c);
    return c.json(await articleJson(c, saved.after), 200);
  },
);

articlePictureApi.openAPIRegistry.registerPath({
  method: 'post',
  path: '/{id}/images',
  operationId: 'uploadArticleImage',
  tags,
  summary: 'Upload a picture for the body of an article',
  description:
    `${NOTE} The answer's \`markdown\` line shows the picture where it is placed in the body (PATCH the body ` +
    'to place it); the blog offers its widths in srcset.',
  security,
  request: { params: ArticleIdParamsSchema, body: uploadOf(PictureUploadSchema) },
  responses: {
    201: json(BodyPictureSchema, 'The stored picture and the Markdown that places it'),
    ...refused,
  },
});

articlePictureApi.post('/:id/images', async (c) => {
  const staff = await requireStaff(c, PERMISSION);
  const article = await articleOf(c, c.req.param('id'));
  noStore(c);
  const { bytes, values } = await readImageUpload(c);
  const stored = await uploadBodyPictureAs(c.var.ctx, staff, { id: article.id, bytes, alt: values.alt ?? '' });
  const picture = pictureOf(stored.upload, stored.alt);
  return c.json({ markdown: stored.markdown, src: picture.src, alt: picture.alt, srcset: widthsJson(picture) }, 201);
});
