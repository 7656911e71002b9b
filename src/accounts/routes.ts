import { Hono } from 'hono';
import type { AppEnv } from '#src/web/context.ts';
import { accountHomePages } from './account-routes.ts';
import { addressPages } from './address-routes.ts';
import { authPages } from './auth-routes.ts';
import { linkPages } from './link-routes.ts';

/** Customer account pages: registration, sign-in, profile, addresses, security and privacy. */
export const accountPages = new Hono<AppEnv>();

accountPages.route('/', authPages);
accountPages.route('/', linkPages);
accountPages.route('/', accountHomePages);
accountPages.route('/', addressPages);
