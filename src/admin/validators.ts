import { z } from 'zod';
import { LICENCE_STATUSES } from '#src/licences/schema.ts';
import { AUDIT_ENTITY_TYPES } from '#src/staff/audit.ts';

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
