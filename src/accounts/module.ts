import type { WebModule } from '#src/web/module.ts';
import { accountApi } from './api.ts';
import { accountPages } from './routes.ts';
import { accountLinksPart } from './sessions/viewer.ts';

/** Customer accounts: pages under /account; sessions and the account in the store API. Nothing here is cached. */
export const accountsModule: WebModule = {
  pages: [{ at: '/account', routes: accountPages }],
  // The account API has two roots (/session, /account) directly in the store API.
  api: [{ at: '/api/store', routes: accountApi }],
  personalParts: { 'account-links': accountLinksPart },
};
