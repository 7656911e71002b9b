import { createApiRouter } from '#src/web/api.ts';

/** The customer's licences in the store API under /api/store/account/licences. */
export const licenceApi = createApiRouter();
