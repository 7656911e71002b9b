import { Hono } from 'hono';
import type { AppEnv } from '#src/web/context.ts';
import { createApiRouter } from '#src/web/api.ts';

export const searchPages = new Hono<AppEnv>();
export const searchApi = createApiRouter();
