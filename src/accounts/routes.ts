import { Hono } from 'hono';
import type { AppEnv } from '#src/web/context.ts';
import { addressPages } from './addresses/address-routes.ts';
import { authPages } from './auth/auth-routes.ts';
import { linkPages } from './auth/link-routes.ts';
import { accountHomePages } from './profile/account-routes.ts';

/** Customer account pages: registration, sign-in, profile, addresses, security and privacy. */
export const accountPages = new Hono<AppEnv>();

accountPages.route('/', authPages);
accountPages.route('/', linkPages);
accountPages.route('/', accountHomePages);
accountPages.route('/', addressPages);
