import { Hono } from 'hono';
import type { AppEnv } from '#src/web/context.ts';

export const catalogPages = new Hono<AppEnv>();
