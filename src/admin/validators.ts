import { z } from 'zod';
import { LICENCE_STATUSES } from '#src/licences/schema.ts';
import { AUDIT_ENTITY_TYPES } from '#src/staff/audit.ts';
import type { StorePageKey } from '#src/web/store-pages.ts';

export const ADMIN_PAGE_SIZE = 25;

const pageSchema = z.coerce.number({ error: 'must be a whole number' }).int().min(1).max(10_000).default(1);

export const licenceQueueQuerySchema = z.object({
  status: z
    .enum(LICENCE_STATUSES, { error: 'unknown status' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  page: pageSchema,
  notice: z.string().max(40).optional(),
});

export const outboxQuerySchema = z.object({ page: pageSchema });

/** The dashboard's period: the last 30 days unless the address asks for 90. */
export const dashboardQuerySchema = z.object({
  days: z
    .enum(['30', '90'], { error: 'Choose 30 or 90 days.' })
    .default('30')
    .transform((d) => (d === '90' ? 90 : 30) as 30 | 90),
});

export const auditQuerySchema = z.object({
  entity: z
    .enum(AUDIT_ENTITY_TYPES, { error: 'unknown record type' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  page: pageSchema,
});

export const customerQuerySchema = z.object({
  q: z.string().trim().max(200, { error: 'use at most 200 characters' }).optional(),
  page: pageSchema,
});

/** The reject and suspend forms: only a reason (the CSRF field is read by the middleware). */
export const reasonFormSchema = z.object({ reason: z.string().max(2000).optional() }).strict();

export const MAX_HERO_HEADING = 120;
export const MAX_HERO_TEXT = 400;
export const MAX_PAGE_TEXT = 50_000;

const pageText = z
  .string({ error: 'Enter the page as text.' })
  .max(MAX_PAGE_TEXT, `Use at most ${MAX_PAGE_TEXT.toLocaleString('en-US')} characters.`)
  // Browsers send a textarea's line ends as CRLF; Markdown and later edits read better with plain ones.
  .transform((v) => v.replace(/\r\n?/g, '\n').trim())
  .default('');

const pageTexts: Record<StorePageKey, typeof pageText> = {
  shipping: pageText,
  returns: pageText,
  privacy: pageText,
  terms: pageText,
  about: pageText,
  contact: pageText,
};

/** The store texts form: the home page's hero and the Markdown of each store page (empty unpublishes it). */
export const storeTextsFormSchema = z.strictObject({
  heroHeading: z.string().trim().max(MAX_HERO_HEADING, `Use at most ${MAX_HERO_HEADING} characters.`).default(''),
  heroText: z.string().trim().max(MAX_HERO_TEXT, `Use at most ${MAX_HERO_TEXT} characters.`).default(''),
  heroProductSlug: z
    .string()
    .trim()
    .toLowerCase()
    .max(120, 'Use at most 120 characters.')
    .refine((v) => v === '' || /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v), {
      message: "Enter the last part of the product's address, like pep-factor, or leave it empty.",
    })
    .default(''),
  ...pageTexts,
});
export type StoreTextsInput = z.infer<typeof storeTextsFormSchema>;
