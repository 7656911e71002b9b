import { Hono } from 'hono';
import type { AppEnv } from '#src/web/context.ts';

/** Customer account pages: registration, sign-in, profile, addresses, security and privacy. */
export const accountPages = new Hono<AppEnv>();
