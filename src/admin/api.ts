import { createApiRouter } from '#src/web/api.ts';

/** The admin API under /api/admin: staff session, licence review, outbox. */
export const adminApi = createApiRouter();
