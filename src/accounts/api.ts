import { bodyLimit } from 'hono/body-limit';
import { AppError } from '#src/lib/errors.ts';
import { createApiRouter } from '#src/web/api.ts';
import { addressApi } from './addresses/address-api.ts';
import { sessionApi } from './auth/session-api.ts';
import { profileApi } from './profile/profile-api.ts';
import { noStore } from './shared/api-schemas.ts';

/** The customer account API under /api/store: registration, sessions, profile, password reset, addresses. */
export const accountApi = createApiRouter();

for (const path of ['/account', '/account/*', '/session']) accountApi.use(path, noStore());

// No account request needs more than a few kilobytes; bigger bodies are refused before they are read.
// Listed one by one, because /account/licences takes document uploads and sets its own limit.
const MAX_BODY_BYTES = 32 * 1024;
const tooLarge = () => {
  throw new AppError('PAYLOAD_TOO_LARGE', `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`);
};
for (const path of [
  '/account',
  '/session',
  '/account/verify-email',
  '/account/verify-email/resend',
  '/account/password-reset',
  '/account/password-reset/confirm',
  '/account/password',
  '/account/email',
  '/account/email/confirm',
  '/account/addresses',
  '/account/addresses/:id',
]) {
  accountApi.use(path, bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge }));
}

accountApi.openAPIRegistry.registerComponent('securitySchemes', 'bearerSession', {
  type: 'http',
  scheme: 'bearer',
  description: 'The `token` returned by `POST /api/store/session`.',
});
accountApi.openAPIRegistry.registerComponent('securitySchemes', 'cookieSession', {
  type: 'apiKey',
  in: 'cookie',
  name: 'sid',
  description: "The session cookie set at sign-in. Requests carrying it must come from the store's own origin.",
});

accountApi.route('/', sessionApi);
accountApi.route('/', profileApi);
accountApi.route('/', addressApi);
