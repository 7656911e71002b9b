import { z } from '@hono/zod-openapi';
import { LicenceSchema, toLicenceJson } from '#src/licences/api-schemas.ts';
import type { ReviewedLicence } from '#src/licences/queries.ts';
import { LICENCE_STATUSES } from '#src/licences/schema.ts';
import { STAFF_ROLES } from '#src/staff/schema.ts';
import type { OutboxSummary } from './queries.ts';

const pageSchema = z.coerce
  .number({ error: 'Give the page as a whole number from 1.' })
  .int({ error: 'Give the page as a whole number from 1.' })
  .min(1, { error: 'Give the page as a whole number from 1.' })
  .max(10_000, { error: 'Pages stop at 10000.' })
  .default(1);
const limitSchema = z.coerce
  .number({ error: 'Give the limit as a whole number from 1 to 100.' })
  .int({ error: 'Give the limit as a whole number from 1 to 100.' })
  .min(1, { error: 'Give the limit as a whole number from 1 to 100.' })
  .max(100, { error: 'Give the limit as a whole number from 1 to 100.' })
  .default(25);

export const StaffSignInSchema = z
  .object({
    email: z
      .string({ error: 'Enter the email address of the staff account.' })
      .trim()
      .toLowerCase()
      .min(1, { error: 'Enter the email address of the staff account.' })
      .max(254, { error: 'Use at most 254 characters.' })
      .openapi({ example: 'owner@example.com' }),
    password: z
      .string({ error: 'Enter the password.' })
      .min(1, { error: 'Enter the password.' })
      .max(200, { error: 'Use at most 200 characters.' }),
  })
  .strict()
  .openapi('StaffSignIn');

export const StaffSessionSchema = z
  .object({
    token: z.string().openapi({ description: 'Send as `Authorization: Bearer <token>`; it lasts 12 hours.' }),
    expiresAt: z.string(),
    staff: z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.enum(STAFF_ROLES) }),
  })
  .openapi('StaffSession');

export const AdminLicenceSchema = LicenceSchema.extend({
  customer: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    companyName: z.string(),
    accountType: z.string(),
    emailVerified: z.boolean().openapi({ description: 'Whether the customer confirmed their email address.' }),
  }),
  documentUrl: z.string().nullable().openapi({ description: 'The document, for signed-in staff only.' }),
}).openapi('AdminLicence');

export const LicenceQueueQuerySchema = z.object({
  status: z.enum(LICENCE_STATUSES, { error: `Choose one of the statuses: ${LICENCE_STATUSES.join(', ')}.` }).optional(),
  page: pageSchema,
  limit: limitSchema,
});

export const AdminLicenceListSchema = z
  .object({
    items: z.array(AdminLicenceSchema),
    total: z.number().int(),
    page: z.number().int(),
    limit: z.number().int(),
  })
  .openapi('AdminLicenceList');

export const ReasonSchema = z
  .object({
    reason: z
      .string({ error: 'Give the reason the customer will read.' })
      .max(2000, { error: 'Use at most 2000 characters.' })
      .openapi({ description: 'What the customer will read; at least 3 characters.' }),
  })
  .strict()
  .openapi('ReviewReason');

export const OutboxQuerySchema = z.object({ page: pageSchema, limit: limitSchema });

const OutboxItemSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  kind: z.string(),
  status: z.string(),
  attempts: z.number().int(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

export const OutboxListSchema = z
  .object({
    items: z.array(OutboxItemSchema),
    total: z.number().int(),
    page: z.number().int(),
    limit: z.number().int(),
  })
  .openapi('OutboxList');

export function toAdminLicenceJson(l: ReviewedLicence) {
  return {
    ...toLicenceJson(l),
    customer: {
      id: l.customer.id,
      name: l.customer.name,
      email: l.customer.email,
      companyName: l.customer.companyName,
      accountType: l.customer.accountType,
      emailVerified: l.customer.emailVerifiedAt !== null,
    },
    documentUrl: l.documentFile ? `/admin/licences/${l.id}/document` : null,
  };
}

export function toOutboxItemJson(m: OutboxSummary) {
  return {
    id: m.id,
    to: m.to,
    subject: m.subject,
    kind: m.kind,
    status: m.status,
    attempts: m.attempts,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
  };
}
