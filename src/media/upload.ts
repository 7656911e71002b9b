import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '#src/lib/errors.ts';
import type { AppEnv } from '#src/web/context.ts';
import { CSRF_FIELD } from '#src/web/csrf.ts';
import { readFormBody } from '#src/web/form-body.ts';
import type { FormValues } from '#src/web/forms.ts';
import { MAX_IMAGE_BYTES, TOO_LARGE_MESSAGE } from './image-files.ts';

// Room for the text fields around a picture of the largest allowed size (the article editor posts its whole text,
// up to 100,000 characters, with a picture, so nothing typed is lost): one just over 10 MB still reaches the
// form, which answers with a field error; anything far larger stops here.
const MAX_UPLOAD_BYTES = MAX_IMAGE_BYTES + 768 * 1024;

/** Refuses oversized picture uploads before anything reads them (declared in module.ts for the upload paths). */
export function imageUploadLimit(): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({
    maxSize: MAX_UPLOAD_BYTES,
    onError: () => {
      throw new AppError('PAYLOAD_TOO_LARGE', TOO_LARGE_MESSAGE, { fields: { image: TOO_LARGE_MESSAGE } });
    },
  });
  return (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next));
}

/**
 * The picture (in the field `field`, "image" by default) and the text fields of a multipart upload; the
 * picture's bytes are judged by storeImage.
 */
export async function readImageUpload(
  c: Context<AppEnv>,
  field = 'image',
): Promise<{ bytes: Uint8Array; values: FormValues }> {
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('multipart/form-data')) {
    throw new AppError('BAD_REQUEST', `Send the picture as multipart/form-data, in the "${field}" field.`);
  }
  const body = await readFormBody(c);
  const values: FormValues = {};
  let bytes = new Uint8Array();
  for (const [key, value] of Object.entries(body)) {
    if (key === CSRF_FIELD) continue;
    if (key === field && value instanceof File) bytes = new Uint8Array(await value.arrayBuffer());
    else if (typeof value === 'string') values[key] = value;
  }
  return { bytes, values };
}
