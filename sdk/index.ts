import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './schema.ts';

export type { components, operations, paths } from './schema.ts';

export type MedstoreClient = Client<paths> & {
  /** Sends `token` as a bearer token on every later call (after `POST /api/store/session`); undefined stops it. */
  useToken(token: string | undefined): void;
};

/**
 * A typed client for the medstore API at `baseUrl` (the store's address, without `/api`). Paths, parameters,
 * bodies and answers are checked against the store's OpenAPI document by TypeScript; errors come back as the
 * store's problem+json documents in `error`.
 */
export function createMedstoreClient(
  baseUrl: string,
  options: { token?: string; fetch?: typeof globalThis.fetch } = {},
): MedstoreClient {
  const client = createClient<paths>({ baseUrl, ...(options.fetch ? { fetch: options.fetch } : {}) });
  let token = options.token;
  const bearer: Middleware = {
    onRequest({ request }) {
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
  };
  client.use(bearer);
  return Object.assign(client, {
    useToken(next: string | undefined) {
      token = next;
    },
  });
}
