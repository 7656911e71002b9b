import { z } from '@hono/zod-openapi';
import type { ReportedFinding } from '#src/content/admin-queries.ts';
import { COMPLIANCE_RULES } from '#src/content/compliance/check.ts';
import { ARTICLE_STATUSES, type Article } from '#src/content/schema.ts';
import { type Picture, variantPath } from '#src/media/image-files.ts';
import { ProblemSchema } from '#src/web/openapi.ts';

const RULES = Object.keys(COMPLIANCE_RULES) as [keyof typeof COMPLIANCE_RULES, ...(keyof typeof COMPLIANCE_RULES)[]];

export const FindingSchema = z
  .object({
    id: z.string().openapi({
      description: 'Stable while the same sentence breaks the same rule; acknowledge the finding by this id.',
      example: 'approval-claim.3f9a0c1d2e4b5a67',
    }),
    rule: z.enum(RULES),
    sentence: z.string().openapi({ description: 'The sentence quoted; empty when something is missing.' }),
    message: z.string(),
    acknowledgeable: z.boolean().openapi({ description: 'False for a broken embed, which must be fixed.' }),
    acknowledgement: z
      .object({ reason: z.string(), by: z.string(), at: z.string().openapi({ format: 'date-time' }) })
      .nullable(),
  })
  .openapi('ComplianceFinding');

const FIELDS = {
  title: z.string().openapi({ example: 'Caring for your scalp after exosome therapy' }),
  slug: z.string().openapi({ example: 'scalp-care-after-exosome-therapy' }),
  excerpt: z.string(),
  body: z.string().openapi({ description: 'Markdown, with embeds such as `[[product:slug]]` on lines of their own.' }),
  authorName: z.string(),
  tags: z.array(z.string()),
  categories: z.array(z.string()).openapi({
    description: 'Addresses (slugs) of the blog categories the article is filed under, as /blog/category/{slug}.',
    example: ['hair-restoration'],
  }),
  status: z.enum(ARTICLE_STATUSES).openapi({
    description: 'Published and scheduled articles must pass the compliance check; scheduled needs a future publishAt.',
  }),
  publishAt: z.string().nullable().openapi({ format: 'date-time', description: 'The publication time, UTC.' }),
  seoTitle: z.string(),
  seoDescription: z.string(),
  canonicalUrl: z.string().openapi({ description: 'A full https address, or empty for the article’s own.' }),
};

const WidthsSchema = z
  .array(z.object({ src: z.string(), width: z.number().int() }))
  .openapi({ description: 'The WebP widths made from an uploaded picture; empty for one given by address.' });

export const ArticleCoverSchema = z
  .object({
    src: z.string().openapi({ example: '/media/images/3f2a9c0d1e8b7a6f5c4d3b2a1908f7e6/640.webp' }),
    alt: z.string(),
    srcset: WidthsSchema,
  })
  .openapi('AdminArticleCover');

export const AdminArticleSchema = z
  .object({
    id: z.string().openapi({ example: '2d7e4a8c-1f6b-4e2a-9c3d-5b8f0a1e7c42' }),
    ...FIELDS,
    coverImage: ArticleCoverSchema.nullable().openapi({
      description: 'Set with PUT /api/admin/articles/{id}/cover, taken away with DELETE.',
    }),
    url: z.string().openapi({ description: 'The article’s address on the blog (answers once it is published).' }),
    createdAt: z.string().openapi({ format: 'date-time' }),
    updatedAt: z.string().openapi({ format: 'date-time' }),
    findings: z.array(FindingSchema).openapi({ description: 'The compliance check of the saved text.' }),
  })
  .openapi('AdminArticle');

export const AdminArticleSummarySchema = AdminArticleSchema.pick({
  id: true,
  title: true,
  slug: true,
  status: true,
  authorName: true,
  publishAt: true,
  updatedAt: true,
}).openapi('AdminArticleSummary');

export const AdminArticleListSchema = z
  .object({
    items: z.array(AdminArticleSummarySchema),
    page: z.number().int(),
    limit: z.number().int(),
    total: z.number().int(),
  })
  .openapi('AdminArticleList');

export const ArticleCreateSchema = z
  .object({
    title: FIELDS.title,
    slug: FIELDS.slug,
    excerpt: FIELDS.excerpt.optional(),
    body: FIELDS.body.optional(),
    authorName: FIELDS.authorName.optional(),
    tags: FIELDS.tags.optional(),
    categories: FIELDS.categories.optional(),
    status: FIELDS.status.optional(),
    publishAt: FIELDS.publishAt.optional(),
    seoTitle: FIELDS.seoTitle.optional(),
    seoDescription: FIELDS.seoDescription.optional(),
    canonicalUrl: FIELDS.canonicalUrl.optional(),
  })
  .strict()
  .openapi('ArticleCreate');

export const ArticleChangesSchema = ArticleCreateSchema.partial().strict().openapi('ArticleChanges');

export const AcknowledgeSchema = z
  .object({ reason: z.string().openapi({ example: 'Counsel approved this wording on 2026-11-30' }) })
  .strict()
  .openapi('FindingAcknowledgement');

export const PublishingBlockedSchema = ProblemSchema.extend({
  findings: z
    .array(FindingSchema)
    .optional()
    .openapi({ description: 'The open findings that block publishing (code COMPLIANCE_FINDINGS).' }),
}).openapi('ArticleProblem');

export const ArticleIdParamsSchema = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: '2d7e4a8c-1f6b-4e2a-9c3d-5b8f0a1e7c42' }),
});

export const FindingParamsSchema = ArticleIdParamsSchema.extend({
  findingId: z
    .string()
    .openapi({ param: { name: 'findingId', in: 'path' }, example: 'approval-claim.3f9a0c1d2e4b5a67' }),
});

export const ArticleListQuerySchema = z.object({
  q: z.string().trim().max(200).optional().openapi({ description: 'Part of a title, slug or author.' }),
  status: z.enum(ARTICLE_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export function toFindingJson(f: ReportedFinding) {
  return {
    id: f.id,
    rule: f.rule,
    sentence: f.sentence,
    message: f.message,
    acknowledgeable: f.acknowledgeable,
    acknowledgement: f.acknowledgement
      ? {
          reason: f.acknowledgement.reason,
          by: f.acknowledgement.actorEmail,
          at: f.acknowledgement.createdAt.toISOString(),
        }
      : null,
  };
}

export const PictureUploadSchema = z
  .object({
    image: z.string().openapi({ format: 'binary', description: 'A JPEG, PNG or WebP picture up to 10 MB.' }),
    alt: z.string().openapi({ description: 'What the picture shows, for people who cannot see it.' }),
  })
  .openapi('ArticlePictureUpload');

export const CoverUploadSchema = PictureUploadSchema.extend({
  image: PictureUploadSchema.shape.image.optional().openapi({
    description:
      'A JPEG, PNG or WebP picture up to 10 MB; left out, the cover keeps its picture and changes its alt text.',
  }),
}).openapi('ArticleCoverUpload');

export const BodyPictureSchema = z
  .object({
    markdown: z.string().openapi({
      description: 'The line that shows the picture in the body; pages offer its other widths in srcset.',
      example: '![Scalp two weeks after a session](/media/images/3f2a9c0d1e8b7a6f5c4d3b2a1908f7e6/1280.webp)',
    }),
    src: z.string().openapi({ example: '/media/images/3f2a9c0d1e8b7a6f5c4d3b2a1908f7e6/640.webp' }),
    alt: z.string(),
    srcset: WidthsSchema,
  })
  .openapi('ArticleBodyPicture');

/** The WebP widths of an uploaded picture as the API lists them. */
export function widthsJson(picture: Picture) {
  const upload = picture.upload;
  return upload ? upload.widths.map((w) => ({ src: variantPath(upload.hash, w), width: w })) : [];
}

export function toArticleJson(a: Article, findings: ReportedFinding[], o: { baseUrl: string; categories: string[] }) {
  return {
    id: a.id,
    title: a.title,
    slug: a.slug,
    excerpt: a.excerpt,
    body: a.body,
    authorName: a.authorName,
    tags: a.tags,
    categories: o.categories,
    status: a.status,
    publishAt: a.publishedAt?.toISOString() ?? null,
    seoTitle: a.seoTitle,
    seoDescription: a.seoDescription,
    canonicalUrl: a.canonicalUrl,
    coverImage: a.coverImage
      ? { src: a.coverImage.src, alt: a.coverImage.alt, srcset: widthsJson(a.coverImage) }
      : null,
    url: `${o.baseUrl}/blog/${a.slug}`,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    findings: findings.map(toFindingJson),
  };
}
