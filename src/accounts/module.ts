import type { WebModule } from '#src/web/module.ts';
import { accountApi } from './api.ts';
import { accountPages } from './routes.ts';
import { accountLinksPart } from './sessions/viewer.ts';

/** Customer accounts: pages under /account; sessions and the account in the store API. Nothing here is cached. */
export const accountsModule: WebModule = {
  pages: [{ at: '/account', routes: accountPages }],
  // The account API has two roots (/session, /account) directly in the store API.
  api: [{ at: '/api/store', routes: accountApi }],
  apiTags: [
    {
      name: 'account',
      description:
        'Registration, sign-in (a cookie or a bearer token), email confirmation, password reset, the profile, data export and deletion.',
    },
    { name: 'addresses', description: "The signed-in customer's shipping and billing addresses." },
  ],
  personalParts: { 'account-links': accountLinksPart },
};
