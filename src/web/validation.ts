import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError, type FieldErrors } from '#src/lib/errors.ts';

// Zod's own wording for these two is meant for developers ("Unrecognized key", "expected object").
function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map((k) => `"${k}"`).join(', ');
    return issue.keys.length > 1 ? `${names} are not fields accepted here.` : `${names} is not a field accepted here.`;
  }
  if (issue.code === 'invalid_type' && issue.path.length === 0) return 'Send the fields as one JSON object.';
  return issue.message;
}

/** Flattens zod issues into one message per field, named by its dotted path. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    fields[key] ??= messageOf(issue);
  }
  return fields;
}

/** Parses a page's query string; invalid values answer 400 with a message naming each parameter. */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const result = schema.safeParse(c.req.query());
  if (!result.success) {
    const fields = fieldErrorsOf(result.error);
    const detail = Object.entries(fields)
      .map(([k, v]) => `${k}: ${v}`)
      .join('; ');
    throw new AppError('BAD_REQUEST', `Some parameters are invalid (${detail}).`, { fields });
  }
  return result.data;
}
