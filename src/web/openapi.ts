import { z } from '@hono/zod-openapi';

/** The RFC 9457 problem document every API error answers (problem.ts writes it), as the OpenAPI document names it. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    code: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

/** An error answer of an operation, described for the OpenAPI document. */
export const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/**
 * The two refusals every staff API operation can answer: no staff session (401), and a role without
 * `permission` (403), named when one permission guards the whole router.
 */
export function staffProblems(permission?: string) {
  const lacking = permission ? ` "${permission}"` : '';
  return {
    unauthorized: problemResponse('No staff session: sign in with POST /api/admin/session'),
    forbidden: problemResponse(`The staff member's role lacks the permission${lacking}`),
  };
}

/** A JSON answer of an operation. */
export const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/**
 * A required JSON request body, with an example a reader can send as it is: the document's readers and the
 * generated clients show it, and the lint checks it against the schema.
 */
export const jsonBody = <S extends z.ZodType>(schema: S, o: { description?: string; example: z.input<S> }) => ({
  required: true,
  ...(o.description === undefined ? {} : { description: o.description }),
  content: { 'application/json': { schema, example: o.example } },
});

type Operation = { requestBody?: unknown; responses?: Record<string, unknown> };

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);
const problemRef = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/**
 * Adds to every operation the problems the application answers before any handler runs (app.ts), so that no
 * operation forgets them: 400 for a malformed address (too long, a null character), and 413 for a body over the
 * size limit where the operation takes one.
 */
export function withRequestProblems<D extends { paths?: object }>(document: D): D {
  for (const item of Object.values(document.paths ?? {}) as Record<string, unknown>[]) {
    for (const [method, value] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const operation = value as Operation;
      operation.responses ??= {};
      const responses = operation.responses;
      responses['400'] ??= problemRef(
        'The address or a parameter is malformed, e.g. too long or with a null character',
      );
      if (operation.requestBody) responses['413'] ??= problemRef('The body is larger than this operation accepts');
    }
  }
  return document;
}
