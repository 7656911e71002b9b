import { Hono } from 'hono';
import type { AppEnv } from '#src/web/context.ts';

/** The customer's licence pages under /account/licences. */
export const licencePages = new Hono<AppEnv>();
