import { type Hook, OpenAPIHono } from '@hono/zod-openapi';
import { AppError } from '#src/lib/errors.ts';
import type { AppEnv } from './context.ts';
import { fieldErrorsOf } from './validation.ts';

// Any request that fails its schema becomes one AppError, which onError answers as problem+json.
const validationHook: Hook<unknown, AppEnv, string, unknown> = (result) => {
  if (!result.success) {
    throw new AppError('BAD_REQUEST', 'Some parameters are invalid; see "errors" for each one.', {
      fields: fieldErrorsOf(result.error),
    });
  }
};

/** A router whose routes are described in the OpenAPI document and validated by their zod schemas. */
export function createApiRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}
