import { z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '#src/web/context.ts';
import { problemResponse } from '#src/web/openapi.ts';
import { ACCOUNT_TYPES } from '../schema.ts';

export const CustomerSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    accountType: z.enum(ACCOUNT_TYPES),
    companyName: z.string(),
    phone: z.string(),
    emailVerified: z.boolean(),
    emailVerifiedAt: z.string().nullable(),
    termsAcceptedAt: z
      .string()
      .nullable()
      .openapi({ description: 'When the customer agreed to the terms and privacy notice; null for older accounts.' }),
    createdAt: z.string(),
  })
  .openapi('Customer');

export const AddressSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    line1: z.string(),
    line2: z.string(),
    city: z.string(),
    state: z.string(),
    postalCode: z.string(),
    country: z.string().openapi({ description: 'ISO 3166-1 alpha-2 code, e.g. US' }),
    phone: z.string(),
    isDefaultShipping: z.boolean(),
    isDefaultBilling: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Address');

export const AddressListSchema = z.object({ items: z.array(AddressSchema) }).openapi('AddressList');

export const SessionSchema = z
  .object({
    token: z
      .string()
      .openapi({ description: 'Send as `Authorization: Bearer <token>`; the same session is also set as a cookie.' }),
    expiresAt: z.string(),
    customer: CustomerSchema,
  })
  .openapi('Session');

export const MessageSchema = z.object({ message: z.string() }).openapi('Message');

/** Either credential works: the session cookie set at sign-in, or its token as a bearer token. */
export const SIGNED_IN: Record<string, string[]>[] = [{ bearerSession: [] }, { cookieSession: [] }];

export const COMMON_PROBLEMS = {
  400: problemResponse('Invalid input; each field is named in `errors`'),
  403: problemResponse('A cookie-authenticated request from another site'),
  429: problemResponse('Too many attempts; `Retry-After` says when to try again'),
};

export const SIGNED_IN_PROBLEMS = {
  401: problemResponse('Not signed in'),
  403: problemResponse('A cookie-authenticated request from another site'),
};

/**
 * Answers about an account are never stored by the public answer cache (which only skips requests with a
 * session cookie, not bearer tokens) nor by any other cache.
 */
export function noStore(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
  };
}
