import { createRoute } from '@hono/zod-openapi';
import { createApiRouter } from '#src/web/api.ts';
import { clientAddressOf } from '#src/web/client-address.ts';
import { json, jsonBody, problemResponse } from '#src/web/openapi.ts';
import { forgetCurrentCustomer } from '../sessions/current.ts';
import { endCustomerSession, startCustomerSession } from '../sessions/sessions.ts';
import { runSignInHooks } from '../sessions/sign-in-hooks.ts';
import { COMMON_PROBLEMS, MessageSchema, SessionSchema } from '../shared/api-schemas.ts';
import { toCustomerJson } from '../shared/serialize.ts';
import {
  emailOnlySchema,
  registrationBodySchema,
  resetConfirmSchema,
  signInBodySchema,
  tokenBodySchema,
} from '../validators.ts';
import { requestPasswordReset, resetPassword } from './password-reset.ts';
import { registerCustomer, resendVerification, verifyEmail } from './registration.ts';
import { signIn } from './sign-in.ts';

/** Registration, sessions, email confirmation and password reset: the API calls made before signing in. */
export const sessionApi = createApiRouter();

const TAGS = ['account'];

sessionApi.openapi(
  createRoute({
    method: 'post',
    path: '/account',
    operationId: 'registerCustomer',
    security: [],
    tags: TAGS,
    summary: 'Register a customer account',
    description:
      'Mails a confirmation link to the address. The answer is the same when the address already has an ' +
      'account (that mailbox is told instead), so it never reveals who is a customer. Sign in afterwards.',
    request: {
      body: jsonBody(registrationBodySchema, {
        description:
          'A business (`accountType: "business"`) also needs `companyName` and `phone`. ' +
          '`acceptsTermsAndPrivacy` must be true: the customer agrees to the terms of sale and the privacy notice.',
        example: {
          email: 'lena.ortiz@glowclinic.example',
          password: 'juniper kettle harbour 9',
          name: 'Lena Ortiz',
          accountType: 'business',
          companyName: 'Glow Aesthetic Clinic',
          phone: '+1 602 555 0148',
          acceptsTermsAndPrivacy: true,
        },
      }),
    },
    responses: { 202: json(MessageSchema, 'Accepted; check the mailbox'), ...COMMON_PROBLEMS },
  }),
  async (c) => {
    await registerCustomer(c.var.ctx, { input: c.req.valid('json'), ip: clientAddressOf(c) });
    return c.json({ message: 'Check your email for a link to confirm your address, then sign in.' }, 202);
  },
);

sessionApi.openapi(
  createRoute({
    method: 'post',
    path: '/session',
    operationId: 'createSession',
    security: [],
    tags: TAGS,
    summary: 'Sign in',
    description:
      'Starts a new session, set as an HttpOnly cookie and returned as a bearer token. `remember` keeps it 30 days instead of one.',
    request: {
      body: jsonBody(signInBodySchema, {
        description: 'Email and password',
        example: { email: 'lena.ortiz@glowclinic.example', password: 'juniper kettle harbour 9', remember: true },
      }),
    },
    responses: {
      200: json(SessionSchema, 'Signed in'),
      401: problemResponse('Email or password is incorrect (the same answer for an unknown email)'),
      ...COMMON_PROBLEMS,
    },
  }),
  async (c) => {
    const { email, password, remember } = c.req.valid('json');
    const customer = await signIn(c.var.ctx, { email, password, ip: clientAddressOf(c) });
    const session = await startCustomerSession(c, customer.id, { remember });
    forgetCurrentCustomer(c);
    await runSignInHooks(c, customer.id);
    return c.json(
      { token: session.token, expiresAt: session.expiresAt.toISOString(), customer: toCustomerJson(customer) },
      200,
    );
  },
);

sessionApi.openapi(
  createRoute({
    method: 'delete',
    path: '/session',
    operationId: 'deleteSession',
    security: [],
    tags: TAGS,
    summary: 'Sign out',
    description: 'Ends the session of the cookie or bearer token sent; answers 204 even when there was none.',
    responses: { 204: { description: 'Signed out' }, 403: COMMON_PROBLEMS[403] },
  }),
  async (c) => {
    await endCustomerSession(c);
    forgetCurrentCustomer(c);
    return c.body(null, 204);
  },
);

sessionApi.openapi(
  createRoute({
    method: 'post',
    path: '/account/verify-email',
    operationId: 'confirmEmail',
    security: [],
    tags: TAGS,
    summary: 'Confirm an email address with the token of its emailed link',
    request: {
      body: jsonBody(tokenBodySchema, {
        description: 'The `token` parameter of the link',
        example: { token: 'qV3k9JrT0mXbWcZ1yLpA8sNd4eHfGu6o' },
      }),
    },
    responses: { 204: { description: 'Confirmed' }, ...COMMON_PROBLEMS },
  }),
  async (c) => {
    await verifyEmail(c.var.ctx, c.req.valid('json').token);
    return c.body(null, 204);
  },
);

sessionApi.openapi(
  createRoute({
    method: 'post',
    path: '/account/verify-email/resend',
    operationId: 'resendEmailConfirmation',
    security: [],
    tags: TAGS,
    summary: 'Send a new confirmation link',
    description:
      'Only an unconfirmed account gets a mail, but the answer is always the same. Earlier links stop working.',
    request: {
      body: jsonBody(emailOnlySchema, {
        description: 'The address registered with',
        example: { email: 'lena.ortiz@glowclinic.example' },
      }),
    },
    responses: { 202: json(MessageSchema, 'Accepted'), ...COMMON_PROBLEMS },
  }),
  async (c) => {
    await resendVerification(c.var.ctx, { email: c.req.valid('json').email, ip: clientAddressOf(c) });
    return c.json(
      { message: 'If an account with this address is waiting for confirmation, a new link is on its way.' },
      202,
    );
  },
);

sessionApi.openapi(
  createRoute({
    method: 'post',
    path: '/account/password-reset',
    operationId: 'requestPasswordReset',
    security: [],
    tags: TAGS,
    summary: 'Mail a password reset link',
    description: 'The answer is the same whether or not the address has an account. The link works once, for one hour.',
    request: {
      body: jsonBody(emailOnlySchema, {
        description: 'The address of the account',
        example: { email: 'lena.ortiz@glowclinic.example' },
      }),
    },
    responses: { 202: json(MessageSchema, 'Accepted'), ...COMMON_PROBLEMS },
  }),
  async (c) => {
    await requestPasswordReset(c.var.ctx, { email: c.req.valid('json').email, ip: clientAddressOf(c) });
    return c.json({ message: 'If an account uses this address, a link to choose a new password is on its way.' }, 202);
  },
);

sessionApi.openapi(
  createRoute({
    method: 'post',
    path: '/account/password-reset/confirm',
    operationId: 'resetPassword',
    security: [],
    tags: TAGS,
    summary: 'Choose a new password with the token of a reset link',
    description: 'Ends every session of the account; sign in again with the new password.',
    request: {
      body: jsonBody(resetConfirmSchema, {
        description: 'The link token and the new password (at least 10 characters, not a common one)',
        example: { token: 'qV3k9JrT0mXbWcZ1yLpA8sNd4eHfGu6o', password: 'saffron lighthouse 42' },
      }),
    },
    responses: {
      204: { description: 'Password changed' },
      422: problemResponse('The password is refused; the link stays usable'),
      ...COMMON_PROBLEMS,
    },
  }),
  async (c) => {
    await resetPassword(c.var.ctx, c.req.valid('json'));
    return c.body(null, 204);
  },
);
