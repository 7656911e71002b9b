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
