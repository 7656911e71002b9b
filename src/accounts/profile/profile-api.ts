import { createRoute, z } from '@hono/zod-openapi';
import { todayUtc } from '#src/lib/dates.ts';
import { createApiRouter } from '#src/web/api.ts';
import { json, jsonBody, problemResponse } from '#src/web/openapi.ts';
import { deleteAccount, exportCustomerData } from '../privacy/privacy.ts';
import { forgetCurrentCustomer, requireCustomer } from '../sessions/current.ts';
import { endCustomerSession, isSessionPersistent, startCustomerSession } from '../sessions/sessions.ts';
import {
  COMMON_PROBLEMS,
  CustomerSchema,
  MessageSchema,
  SessionSchema,
  SIGNED_IN,
  SIGNED_IN_PROBLEMS,
} from '../shared/api-schemas.ts';
import { toCustomerJson } from '../shared/serialize.ts';
import {
  changeEmailSchema,
  changePasswordSchema,
  passwordOnlySchema,
  profilePatchSchema,
  tokenBodySchema,
} from '../validators.ts';
import { changePassword, confirmEmailChange, requestEmailChange } from './credentials.ts';
import { updateProfile } from './profile.ts';

/** The signed-in customer's own account: profile, password, email address, data export and deletion. */
export const profileApi = createApiRouter();

const TAGS = ['account'];

profileApi.openapi(
  createRoute({
    method: 'get',
    path: '/account',
    operationId: 'getAccount',
    tags: TAGS,
    summary: 'The signed-in customer',
    security: SIGNED_IN,
    responses: { 200: json(CustomerSchema, 'The account'), ...SIGNED_IN_PROBLEMS },
  }),
  async (c) => c.json(toCustomerJson(await requireCustomer(c)), 200),
);

profileApi.openapi(
  createRoute({
    method: 'patch',
    path: '/account',
    operationId: 'updateAccount',
    tags: TAGS,
    summary: 'Change name, account type, company name or phone',
    description:
      'A business account keeps a company name and a phone. The email address changes through `POST /account/email`.',
    security: SIGNED_IN,
    request: {
      body: jsonBody(profilePatchSchema, {
        description: 'The fields to change',
        example: { name: 'Lena Ortiz-Reyes', phone: '+1 602 555 0190' },
      }),
    },
    responses: {
      200: json(CustomerSchema, 'The changed account'),
      422: problemResponse('The merged profile is incomplete, e.g. a business without a company name'),
      ...COMMON_PROBLEMS,
      ...SIGNED_IN_PROBLEMS,
    },
  }),
  async (c) => {
    const customer = await requireCustomer(c);
    const updated = await updateProfile(c.var.ctx.db, { customer, patch: c.req.valid('json') });
    return c.json(toCustomerJson(updated), 200);
  },
);

profileApi.openapi(
  createRoute({
    method: 'delete',
    path: '/account',
    operationId: 'deleteAccount',
    tags: TAGS,
    summary: 'Delete the account',
    description:
      'Needs the password. Anonymises the profile, deletes addresses, links, sessions and licence documents; ' +
      'records the store must keep stay with their personal details anonymised.',
    security: SIGNED_IN,
    request: {
      body: jsonBody(passwordOnlySchema, {
        description: 'The current password',
        example: { password: 'juniper kettle harbour 9' },
      }),
    },
    responses: {
      204: { description: 'Deleted and signed out' },
      422: problemResponse('Wrong password'),
      ...COMMON_PROBLEMS,
      ...SIGNED_IN_PROBLEMS,
    },
  }),
  async (c) => {
    const customer = await requireCustomer(c);
    await deleteAccount(c.var.ctx, { customer, password: c.req.valid('json').password });
    await endCustomerSession(c);
    forgetCurrentCustomer(c);
    return c.body(null, 204);
  },
);

profileApi.openapi(
  createRoute({
    method: 'get',
    path: '/account/export',
    operationId: 'exportAccountData',
    tags: TAGS,
    summary: 'Everything the store holds about the customer',
    description:
      'Profile, a requested change of email address, addresses, licences, sessions (times only) and mails, ' +
      'without passwords or link tokens.',
    security: SIGNED_IN,
    responses: {
      200: json(z.record(z.string(), z.unknown()), 'The data, as a downloadable JSON file'),
      ...SIGNED_IN_PROBLEMS,
    },
  }),
  async (c) => {
    const customer = await requireCustomer(c);
    const data = await exportCustomerData(c.var.ctx.db, customer);
    c.header('Content-Disposition', `attachment; filename="my-data-${todayUtc()}.json"`);
    return c.json(data, 200);
  },
);

profileApi.openapi(
  createRoute({
    method: 'post',
    path: '/account/password',
    operationId: 'changePassword',
    tags: TAGS,
    summary: 'Change the password',
    description: 'Needs the current password. Ends every session and returns a new one for this client.',
    security: SIGNED_IN,
    request: {
      body: jsonBody(changePasswordSchema, {
        description: 'The current and the new password',
        example: { currentPassword: 'juniper kettle harbour 9', newPassword: 'saffron lighthouse 42' },
      }),
    },
    responses: {
      200: json(SessionSchema, 'Changed; use the new token from now on'),
      422: problemResponse('Wrong current password, or a refused new one'),
      ...COMMON_PROBLEMS,
      ...SIGNED_IN_PROBLEMS,
    },
  }),
  async (c) => {
    const customer = await requireCustomer(c);
    const remember = await isSessionPersistent(c);
    await changePassword(c.var.ctx, { customer, ...c.req.valid('json') });
    const session = await startCustomerSession(c, customer.id, { remember });
    forgetCurrentCustomer(c);
    return c.json(
      { token: session.token, expiresAt: session.expiresAt.toISOString(), customer: toCustomerJson(customer) },
      200,
    );
  },
);

profileApi.openapi(
  createRoute({
    method: 'post',
    path: '/account/email',
    operationId: 'requestEmailChange',
    tags: TAGS,
    summary: 'Ask to change the email address',
    description:
      'Needs the password. Mails a link to the new address; the account keeps its address until the link is used.',
    security: SIGNED_IN,
    request: {
      body: jsonBody(changeEmailSchema, {
        description: 'The new address and the current password',
        example: { email: 'lena@ortizaesthetics.example', password: 'juniper kettle harbour 9' },
      }),
    },
    responses: {
      202: json(MessageSchema, 'Link sent'),
      422: problemResponse('Wrong password'),
      ...COMMON_PROBLEMS,
      ...SIGNED_IN_PROBLEMS,
    },
  }),
  async (c) => {
    const customer = await requireCustomer(c);
    await requestEmailChange(c.var.ctx, { customer, ...c.req.valid('json') });
    return c.json({ message: 'We sent a link to the new address. Open it to finish the change.' }, 202);
  },
);

profileApi.openapi(
  createRoute({
    method: 'post',
    path: '/account/email/confirm',
    operationId: 'confirmEmailChange',
    security: [],
    tags: TAGS,
    summary: 'Confirm a new email address with the token of its emailed link',
    description: 'The previous address is told of the change.',
    request: {
      body: jsonBody(tokenBodySchema, {
        description: 'The `token` parameter of the link',
        example: { token: 'qV3k9JrT0mXbWcZ1yLpA8sNd4eHfGu6o' },
      }),
    },
    responses: {
      204: { description: 'The account now uses the new address' },
      409: problemResponse('The address was taken meanwhile'),
      ...COMMON_PROBLEMS,
    },
  }),
  async (c) => {
    await confirmEmailChange(c.var.ctx, c.req.valid('json').token);
    return c.body(null, 204);
  },
);
