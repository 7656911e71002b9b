import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMedstoreClient } from '#sdk/index.ts';
import { latestMail, linkIn, tokenOf, uniqueEmail } from '#src/accounts/test-helpers.ts';
import { buildApiDocument } from '#src/api-document.ts';
import { type ServedStore, serveTestStore } from '#test/support/serve.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';

const SDK = join(import.meta.dirname, '../sdk');
const run = promisify(execFile);

describe('the committed SDK', () => {
  it('holds the document the code serves', async () => {
    const committed = JSON.parse(readFileSync(join(SDK, 'openapi.json'), 'utf8'));
    expect(committed, 'run "npm run sdk" and commit sdk/').toEqual(await buildApiDocument());
  });

  it('holds the types that document generates', async () => {
    const generator = join(SDK, 'node_modules/.bin/openapi-typescript');
    const check = run(generator, ['./openapi.json', '--output', './schema.ts', '--check'], { cwd: SDK });
    await expect(check, 'run "npm run sdk" and commit sdk/').resolves.toBeDefined();
  });
});

describe('a client built on the SDK', () => {
  let store: TestStore;
  let served: ServedStore;

  beforeAll(async () => {
    store = await createTestStore();
    served = await serveTestStore(store);
  });
  afterAll(async () => {
    await served?.close();
    await store?.close();
  });

  it('browses the catalogue, signs up, confirms, signs in, fills a cart, keeps an address and signs out', async () => {
    const api = createMedstoreClient(served.url);

    const list = await api.GET('/api/store/products', { params: { query: { limit: 5, sort: 'name' } } });
    expect(list.response.status).toBe(200);
    expect(list.data?.items.length).toBe(5);
    const slug = list.data!.items[0]!.slug;
    const product = await api.GET('/api/store/products/{slug}', { params: { path: { slug } } });
    expect(product.data?.slug).toBe(slug);

    const missing = await api.GET('/api/store/products/{slug}', { params: { path: { slug: 'no-such-product' } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error?.code).toBe('NOT_FOUND');

    const email = uniqueEmail('sdk');
    const password = 'copper lantern meadow 7';
    const signUp = await api.POST('/api/store/account', {
      body: { email, password, name: 'Noor Haddad', acceptsTermsAndPrivacy: true },
    });
    expect(signUp.response.status).toBe(202);
    const link = linkIn(await latestMail(store, email, 'verify-email'), store);
    const confirmed = await api.POST('/api/store/account/verify-email', { body: { token: tokenOf(link) } });
    expect(confirmed.response.status).toBe(204);

    const session = await api.POST('/api/store/session', { body: { email, password } });
    expect(session.response.status).toBe(200);
    api.useToken(session.data!.token);
    const account = await api.GET('/api/store/account');
    expect(account.data?.email).toBe(email);

    const cart = await api.POST('/api/store/carts');
    expect(cart.response.status).toBe(201);
    const cartId = cart.data!.id;
    const inStock = list.data!.items.find((p) => p.stockStatus === 'in-stock' && p.accessClass === 'open')!;
    const added = await api.POST('/api/store/carts/{id}/items', {
      params: { path: { id: cartId } },
      body: { slug: inStock.slug, quantity: 2 },
    });
    expect(added.response.status).toBe(200);
    expect(added.data?.items.map((i) => [i.slug, i.quantity])).toEqual([[inStock.slug, 2]]);
    expect(added.data?.subtotalCents).toBe(2 * inStock.priceCents);
    const priced = await api.POST('/api/store/carts/{id}/items', {
      params: { path: { id: cartId } },
      // A client cannot set a price: the schema refuses the field.
      body: { slug: inStock.slug, quantity: 1, unitPriceCents: 1 } as never,
    });
    expect(priced.response.status).toBe(400);
    const itemId = added.data!.items[0]!.id;
    const changed = await api.PATCH('/api/store/carts/{id}/items/{itemId}', {
      params: { path: { id: cartId, itemId } },
      body: { quantity: 1 },
    });
    expect(changed.data?.itemCount).toBe(1);
    const stranger = createMedstoreClient(served.url);
    const hidden = await stranger.GET('/api/store/carts/{id}', { params: { path: { id: cartId } } });
    expect(hidden.response.status).toBe(404);

    const address = {
      name: 'Noor Haddad',
      line1: '410 Juniper Row',
      city: 'Tucson',
      state: 'AZ',
      postalCode: '85701',
      country: 'US',
    };
    const created = await api.POST('/api/store/account/addresses', { body: address });
    expect(created.response.status).toBe(201);
    const addresses = await api.GET('/api/store/account/addresses');
    expect(addresses.data?.items.map((a) => a.line1)).toEqual(['410 Juniper Row']);

    const signOut = await api.DELETE('/api/store/session');
    expect(signOut.response.status).toBe(204);
    const after = await api.GET('/api/store/account');
    expect(after.response.status).toBe(401);
  });
});
