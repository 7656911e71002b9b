import { Hono } from 'hono';
import type { AppEnv } from '#src/web/context.ts';

/** The admin console: dashboard, licence review, outbox and audit log; staff pages are mounted beside it. */
export const adminPages = new Hono<AppEnv>();
