import { createApiRouter } from '#src/web/api.ts';
import { addressApi } from './address-api.ts';
import { noStore } from './api-schemas.ts';
import { profileApi } from './profile-api.ts';
import { sessionApi } from './session-api.ts';

/** The customer account API under /api/store: registration, sessions, profile, password reset, addresses. */
export const accountApi = createApiRouter();

for (const path of ['/account', '/account/*', '/session']) accountApi.use(path, noStore());

accountApi.openAPIRegistry.registerComponent('securitySchemes', 'bearerSession', {
  type: 'http',
  scheme: 'bearer',
  description: 'The `token` returned by `POST /api/store/session`.',
});
accountApi.openAPIRegistry.registerComponent('securitySchemes', 'cookieSession', {
  type: 'apiKey',
  in: 'cookie',
  name: 'sid',
  description: 'The session cookie set at sign-in. Requests carrying it must come from the store\'s own origin.',
});

accountApi.route('/', sessionApi);
accountApi.route('/', profileApi);
accountApi.route('/', addressApi);
