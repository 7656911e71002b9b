import type { WebModule } from '#src/web/module.ts';
import { licenceApi } from './api.ts';
import { purchaseAccessPart } from './purchase-access-part.ts';
import { licencePages } from './routes.ts';
import { licenceUploadLimit } from './upload.ts';

/** A customer's licences, within their account's pages and API; the product page's purchase panel. */
export const licencesModule: WebModule = {
  pages: [{ at: '/account/licences', routes: licencePages }],
  api: [{ at: '/api/store/account', routes: licenceApi }],
  apiTags: [
    {
      name: 'licences',
      description:
        "A customer's professional licences, submitted for review, and whether they may order a restricted product.",
    },
  ],
  uploads: [{ paths: ['/account/licences', '/api/store/account/licences'], limit: licenceUploadLimit() }],
  personalParts: { 'purchase-access': purchaseAccessPart },
};
