import { z } from '@hono/zod-openapi';
import { LICENCE_STATUSES, LICENCE_TYPES, type Licence } from './schema.ts';
import { LICENCE_TYPE_LABELS } from './validators.ts';

export const LicenceSchema = z
  .object({
    id: z.string(),
    type: z.enum(LICENCE_TYPES),
    typeLabel: z.string(),
    number: z.string(),
    issuingState: z.string(),
    expiresOn: z.string().openapi({ description: 'YYYY-MM-DD; the licence is valid through this day.' }),
    holderName: z.string(),
    status: z.enum(LICENCE_STATUSES),
    reason: z.string().openapi({ description: 'Why it was rejected or suspended; empty otherwise.' }),
    document: z
      .object({ type: z.string(), size: z.number().int() })
      .nullable()
      .openapi({ description: 'The uploaded document as judged from its bytes; the file itself is for staff only.' }),
    submittedAt: z.string(),
    reviewedAt: z.string().nullable(),
  })
  .openapi('Licence');

export const LicenceListSchema = z.object({ items: z.array(LicenceSchema) }).openapi('LicenceList');

export const LicenceUploadSchema = z
  .object({
    type: z.enum(LICENCE_TYPES),
    number: z.string().max(40),
    issuingState: z.string().length(2).openapi({ description: 'Two-letter code of the US state or territory.' }),
    expiresOn: z.string().openapi({ description: 'YYYY-MM-DD, in the future.' }),
    holderName: z.string().max(200),
    document: z.string().openapi({ type: 'string', format: 'binary', description: 'PDF, JPEG or PNG, at most 10 MB.' }),
  })
  .openapi('LicenceUpload');

export const EntitlementSchema = z
  .object({
    allowed: z.literal(true),
    product: z.object({ slug: z.string(), accessClass: z.string() }),
  })
  .openapi('Entitlement');

/** A licence as the customer sees it: never the stored file's name. */
export function toLicenceJson(l: Licence) {
  return {
    id: l.id,
    type: l.type,
    typeLabel: LICENCE_TYPE_LABELS[l.type],
    number: l.number,
    issuingState: l.issuingState,
    expiresOn: l.expiresOn,
    holderName: l.holderName,
    status: l.status,
    reason: l.rejectionReason,
    document: l.documentType && l.documentSize !== null ? { type: l.documentType, size: l.documentSize } : null,
    submittedAt: l.createdAt.toISOString(),
    reviewedAt: l.reviewedAt?.toISOString() ?? null,
  };
}
