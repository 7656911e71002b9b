import { z } from 'zod';
import { ARTICLE_STATUSES } from './schema.ts';
import { articleSlugSchema } from './validators.ts';

export const MAX_BODY = 100_000;
export const MAX_TAGS = 20;

const trimmed = (max: number, label: string) => z.string().trim().max(max, `${label} is at most ${max} characters.`);

// A canonical address is a full https (or http) URL; anything else (javascript:, relative paths) is refused.
const canonicalUrl = z
  .string()
  .trim()
  .max(500, 'The canonical URL is at most 500 characters.')
  .refine((v) => v === '' || /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(v), 'Enter a full address starting with https://.');

const tagList = z
  .array(trimmed(40, 'A tag').min(1, 'A tag cannot be empty.'))
  .max(MAX_TAGS, `At most ${MAX_TAGS} tags.`)
  .transform((tags) => [...new Set(tags)]);

// Blog categories by their addresses (article_categories.slug); the service refuses one that does not exist.
const categoryList = z
  .array(z.string().trim().toLowerCase().min(1, 'A category cannot be empty.').max(80))
  .max(10, 'At most 10 categories.')
  .transform((slugs) => [...new Set(slugs)]);

const FIELDS = {
  title: trimmed(200, 'The title').min(1, 'Enter a title.'),
  slug: articleSlugSchema,
  excerpt: trimmed(500, 'The excerpt'),
  body: z.string().max(MAX_BODY, `The body is at most ${MAX_BODY} characters.`),
  authorName: trimmed(120, 'The author'),
  tags: tagList,
  categories: categoryList,
  status: z.enum(ARTICLE_STATUSES),
  publishAt: z.coerce.date({ error: 'Enter a date and time.' }).nullable(),
  seoTitle: trimmed(120, 'The SEO title'),
  seoDescription: trimmed(320, 'The SEO description'),
  canonicalUrl,
};

/** Every field an article's editor saves; the API's create takes the same, with all but title and slug optional. */
export const articleFieldsSchema = z.object({
  ...FIELDS,
  excerpt: FIELDS.excerpt.default(''),
  body: FIELDS.body.default(''),
  authorName: FIELDS.authorName.default(''),
  tags: FIELDS.tags.default([]),
  // Left out, an article keeps the categories it is filed under (none, for a new one).
  categories: FIELDS.categories.optional(),
  status: FIELDS.status.default('draft'),
  publishAt: FIELDS.publishAt.default(null),
  seoTitle: FIELDS.seoTitle.default(''),
  seoDescription: FIELDS.seoDescription.default(''),
  canonicalUrl: FIELDS.canonicalUrl.default(''),
});
export type ArticleFields = z.output<typeof articleFieldsSchema>;

/** A change of some fields, as the API's PATCH sends it: what is left out stays as it is. */
export const articleChangesSchema = z.object(FIELDS).partial();
export type ArticleChanges = z.output<typeof articleChangesSchema>;

/** The name of a category's box on the editor's form: this prefix and the category's slug. */
export const CATEGORY_BOX = 'category-';

const emptyAsNull = (v: unknown) => (v === '' ? null : v);

/**
 * The editor's form as typed: tags as one comma-separated line, the publication time as a `datetime-local`
 * value read as UTC (the form says so). The service validates the result as it validates the API's.
 */
export const articleFormSchema = z
  .looseObject({
    title: z.string(),
    slug: z.string().trim().toLowerCase(),
    excerpt: z.string().optional(),
    body: z.string().optional(),
    authorName: z.string().optional(),
    tags: z.string().optional(),
    status: z.string().optional(),
    publishAt: z.preprocess(emptyAsNull, z.string().nullable().optional()),
    seoTitle: z.string().optional(),
    seoDescription: z.string().optional(),
    canonicalUrl: z.string().optional(),
    // Present when the form showed the category boxes: then no box ticked means no category.
    categoriesShown: z.string().optional(),
  })
  .transform((form) => ({
    title: form.title,
    slug: form.slug,
    excerpt: form.excerpt,
    authorName: form.authorName,
    status: form.status,
    seoTitle: form.seoTitle,
    seoDescription: form.seoDescription,
    canonicalUrl: form.canonicalUrl,
    body: (form.body ?? '').replace(/\r\n?/g, '\n'),
    tags: (form.tags ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    publishAt: form.publishAt ? `${form.publishAt.length === 16 ? `${form.publishAt}:00` : form.publishAt}Z` : null,
    categories: form.categoriesShown
      ? Object.entries(form)
          .filter(([key, value]) => key.startsWith(CATEGORY_BOX) && value)
          .map(([key]) => key.slice(CATEGORY_BOX.length))
      : undefined,
  }));

export const acknowledgeSchema = z.object({
  reason: z.string().trim().min(5, 'Give a reason of at least 5 characters.').max(500, 'At most 500 characters.'),
});

export const articleListQuery = z.object({
  q: z.string().trim().max(200).optional().default(''),
  status: z.enum(ARTICLE_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  done: z.string().max(40).optional(),
});

export const revisionsQuery = z.object({
  from: z.coerce.number().int().min(1).optional().catch(undefined),
  to: z.coerce.number().int().min(1).optional().catch(undefined),
});
