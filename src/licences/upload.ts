import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError, type FieldErrors } from '#src/lib/errors.ts';
import type { AppEnv } from '#src/web/context.ts';
import { CSRF_FIELD } from '#src/web/csrf.ts';
import { readFormBody } from '#src/web/form-body.ts';
import type { FormValues } from '#src/web/forms.ts';
import { fieldErrorsOf } from '#src/web/validation.ts';
import { MAX_DOCUMENT_BYTES } from './documents.ts';
import { describeBadDocument } from './service.ts';
import { type LicenceFields, licenceFieldsSchema } from './validators.ts';

export const UPLOAD_TOO_LARGE_MESSAGE =
  'The upload is far larger than the 10 MB a licence document may have, so it was not read or stored. ' +
  'Choose a smaller scan or photo of the licence (PDF, JPEG or PNG).';

// Room for the form's text fields around a document of the largest allowed size: a document just over
// 10 MB still reaches the form, which answers with a field error; anything far larger stops here.
const MAX_UPLOAD_BYTES = MAX_DOCUMENT_BYTES + 256 * 1024;

/**
 * Refuses oversized uploads before anything reads them: module.ts declares it for the upload paths, and app.ts
 * puts it ahead of the CSRF check, which would otherwise parse the whole body first.
 */
export function licenceUploadLimit(): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({
    maxSize: MAX_UPLOAD_BYTES,
    onError: () => {
      throw new AppError('PAYLOAD_TOO_LARGE', UPLOAD_TOO_LARGE_MESSAGE, {
        fields: { document: UPLOAD_TOO_LARGE_MESSAGE },
      });
    },
  });
  return (c, next) => (c.req.method === 'POST' ? limit(c, next) : next());
}

export type LicenceUpload =
  | { ok: true; fields: LicenceFields; document: Uint8Array; values: FormValues }
  | { ok: false; errors: FieldErrors; values: FormValues };

/** Reads a multipart licence submission: the typed fields through zod, the document judged by its bytes. */
export async function readLicenceUpload(c: Context<AppEnv>): Promise<LicenceUpload> {
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('multipart/form-data')) {
    throw new AppError(
      'BAD_REQUEST',
      'Send the licence as multipart/form-data, with the document in the "document" field.',
    );
  }
  const body = await readFormBody(c);
  const values: FormValues = {};
  let file: File | undefined;
  for (const [key, value] of Object.entries(body)) {
    if (key === CSRF_FIELD) continue;
    if (key === 'document') {
      if (value instanceof File) file = value;
      continue;
    }
    if (typeof value === 'string') values[key] = value;
  }
  const errors: FieldErrors = {};
  const parsed = licenceFieldsSchema.safeParse(values);
  if (!parsed.success) Object.assign(errors, fieldErrorsOf(parsed.error));
  const document = file && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : undefined;
  const problem = describeBadDocument(document);
  if (problem) errors.document = problem;
  if (!parsed.success || !document || problem) return { ok: false, errors, values };
  return { ok: true, fields: parsed.data, document, values };
}
