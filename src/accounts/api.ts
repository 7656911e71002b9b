import { createApiRouter } from '#src/web/api.ts';

/** The customer account API under /api/store: registration, sessions, profile, password reset, addresses. */
export const accountApi = createApiRouter();
