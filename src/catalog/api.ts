import { createApiRouter } from '#src/web/api.ts';

export const catalogApi = createApiRouter();
