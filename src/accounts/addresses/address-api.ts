import { createRoute, z } from '@hono/zod-openapi';
import { createApiRouter } from '#src/web/api.ts';
import { json, jsonBody, problemResponse } from '#src/web/openapi.ts';
import { requireCustomer } from '../sessions/current.ts';
import {
  AddressListSchema,
  AddressSchema,
  COMMON_PROBLEMS,
  SIGNED_IN,
  SIGNED_IN_PROBLEMS,
} from '../shared/api-schemas.ts';
import { toAddressJson } from '../shared/serialize.ts';
import { addressBodySchema, addressPatchSchema } from '../validators.ts';
import { createAddress, deleteAddress, findAddress, listAddresses, updateAddress } from './address-book.ts';

/** The signed-in customer's address book. */
export const addressApi = createApiRouter();

const TAGS = ['addresses'];
const NOT_FOUND = {
  404: problemResponse("No such address in this account (another customer's address is not found either)"),
};
const params = z.object({
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

addressApi.openapi(
  createRoute({
    method: 'get',
    path: '/account/addresses',
    operationId: 'listAddresses',
    tags: TAGS,
    summary: 'The address book, defaults first',
    security: SIGNED_IN,
    responses: { 200: json(AddressListSchema, 'The addresses'), ...SIGNED_IN_PROBLEMS },
  }),
  async (c) => {
    const customer = await requireCustomer(c);
    return c.json({ items: (await listAddresses(c.var.ctx.db, customer.id)).map(toAddressJson) }, 200);
  },
);

addressApi.openapi(
  createRoute({
    method: 'post',
    path: '/account/addresses',
    operationId: 'createAddress',
    tags: TAGS,
    summary: 'Add an address',
    description: 'The first address becomes the default for shipping and billing. A book holds at most 50.',
    security: SIGNED_IN,
    request: {
      body: jsonBody(addressBodySchema, {
        description: 'The address; US addresses need a state and a ZIP code',
        example: {
          name: 'Glow Aesthetic Clinic',
          line1: '2210 E Camelback Rd',
          line2: 'Suite 140',
          city: 'Phoenix',
          state: 'AZ',
          postalCode: '85016',
          country: 'US',
          phone: '+1 602 555 0148',
          isDefaultShipping: true,
        },
      }),
    },
    responses: {
      201: json(AddressSchema, 'Added'),
      409: problemResponse('The address book is full'),
      ...COMMON_PROBLEMS,
      ...SIGNED_IN_PROBLEMS,
    },
  }),
  async (c) => {
    const customer = await requireCustomer(c);
    const address = await createAddress(c.var.ctx.db, customer.id, c.req.valid('json'));
    return c.json(toAddressJson(address), 201);
  },
);

addressApi.openapi(
  createRoute({
    method: 'get',
    path: '/account/addresses/{id}',
    operationId: 'getAddress',
    tags: TAGS,
    summary: 'One address',
    security: SIGNED_IN,
    request: { params },
    responses: { 200: json(AddressSchema, 'The address'), ...NOT_FOUND, ...SIGNED_IN_PROBLEMS },
  }),
  async (c) => {
    const customer = await requireCustomer(c);
    return c.json(toAddressJson(await findAddress(c.var.ctx.db, customer.id, c.req.valid('param').id)), 200);
  },
);

addressApi.openapi(
  createRoute({
    method: 'patch',
    path: '/account/addresses/{id}',
    operationId: 'updateAddress',
    tags: TAGS,
    summary: 'Change an address',
    description:
      'Only the fields sent change. `isDefaultShipping: true` (or billing) moves that default here; a default ' +
      'cannot be set to false, it moves when another address takes it.',
    security: SIGNED_IN,
    request: {
      params,
      body: jsonBody(addressPatchSchema, {
        description: 'The fields to change',
        example: { line2: 'Suite 210', isDefaultBilling: true },
      }),
    },
    responses: {
      200: json(AddressSchema, 'The changed address'),
      422: problemResponse('The changed address is incomplete'),
      ...NOT_FOUND,
      ...COMMON_PROBLEMS,
      ...SIGNED_IN_PROBLEMS,
    },
  }),
  async (c) => {
    const customer = await requireCustomer(c);
    const address = await updateAddress(c.var.ctx.db, customer.id, c.req.valid('param').id, c.req.valid('json'));
    return c.json(toAddressJson(address), 200);
  },
);

addressApi.openapi(
  createRoute({
    method: 'delete',
    path: '/account/addresses/{id}',
    operationId: 'deleteAddress',
    tags: TAGS,
    summary: 'Delete an address',
    description: 'When it was a default, the oldest remaining address takes its place.',
    security: SIGNED_IN,
    request: { params },
    responses: { 204: { description: 'Deleted' }, ...NOT_FOUND, ...SIGNED_IN_PROBLEMS },
  }),
  async (c) => {
    const customer = await requireCustomer(c);
    await deleteAddress(c.var.ctx.db, customer.id, c.req.valid('param').id);
    return c.body(null, 204);
  },
);
