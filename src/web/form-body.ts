import type { Context } from 'hono';
import type { BodyData } from 'hono/utils/body';
import { AppError } from '#src/lib/errors.ts';

export const UNREADABLE_FORM_MESSAGE =
  'The request body could not be read as the form data it claims to be. Please reload the page and send the form again.';

/**
 * The fields of a posted form (urlencoded or multipart). A body that is not the form its Content-Type
 * claims (a multipart type without a boundary, broken parts) is the client's mistake, answered with a 400,
 * not an unexpected error. Every reader of a form body goes through here: the CSRF check reads it first.
 */
export async function readFormBody(c: Context): Promise<BodyData> {
  try {
    return await c.req.parseBody();
  } catch (err) {
    throw new AppError('BAD_REQUEST', UNREADABLE_FORM_MESSAGE, { cause: err });
  }
}
