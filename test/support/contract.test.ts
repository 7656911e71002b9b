import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiContract } from './contract.ts';
import { createTestStore, type TestStore } from './test-store.ts';

let store: TestStore;
let contract: ApiContract;
const PRODUCT = { method: 'GET', url: 'http://store.test/api/store/products/pep-factor' };

beforeAll(async () => {
  store = await createTestStore();
  contract = await ApiContract.of(await (await store.request('/api/openapi.json')).json());
});
afterAll(() => store.close());

function answer(body: unknown, status = 200, type = 'application/json'): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': type },
  });
}

async function productJson(): Promise<Record<string, unknown>> {
  return (await store.request('/api/store/products/pep-factor')).json();
}

describe('the API contract check', () => {
  it('accepts the answer the handler gives', async () => {
    await expect(contract.check(PRODUCT, answer(await productJson()))).resolves.toBeUndefined();
  });

  it('refuses an answer whose field a handler renamed', async () => {
    const { priceCents, ...rest } = await productJson();
    const renamed = answer({ ...rest, price: priceCents });
    await expect(contract.check(PRODUCT, renamed)).rejects.toThrow(/priceCents/);
  });

  it('refuses a field of the wrong type', async () => {
    const wrong = answer({ ...(await productJson()), priceCents: '129.00' });
    await expect(contract.check(PRODUCT, wrong)).rejects.toThrow(/priceCents.*must be integer/);
  });

  it('refuses a value that breaks its format', async () => {
    const list = { method: 'GET', url: 'http://store.test/api/store/products?limit=1' };
    const page = (await (await store.request('/api/store/products?limit=1')).json()) as { items: object[] };
    const item = { ...page.items[0], createdAt: 'last Tuesday' };
    await expect(contract.check(list, answer({ ...page, items: [item] }))).rejects.toThrow(/createdAt.*date-time/);
  });

  it('refuses a status the operation does not list', async () => {
    await expect(contract.check(PRODUCT, answer({}, 418))).rejects.toThrow(/answered 418; the document lists only/);
  });

  it('refuses a content type the status does not list', async () => {
    const html = answer('<!doctype html><p>PEP Factor</p>', 200, 'text/html; charset=utf-8');
    await expect(contract.check(PRODUCT, html)).rejects.toThrow(/as text\/html; the document says application\/json/);
  });

  it('checks problem answers against the problem schema', async () => {
    const problem = { type: 'about:blank', title: 'Not Found', status: 404, instance: '/api/store/products/x' };
    const incomplete = answer(problem, 404, 'application/problem+json');
    await expect(contract.check(PRODUCT, incomplete)).rejects.toThrow(/detail/);
    const complete = answer(
      { ...problem, detail: 'No active product has this slug.' },
      404,
      'application/problem+json',
    );
    await expect(contract.check(PRODUCT, complete)).resolves.toBeUndefined();
  });

  it('refuses an answer from an operation the document does not have', async () => {
    const request = { method: 'GET', url: 'http://store.test/api/store/coupons' };
    await expect(contract.check(request, answer({ items: [] }))).rejects.toThrow(/no such operation/);
    const unknown = answer({ detail: 'No such endpoint.' }, 404, 'application/problem+json');
    await expect(contract.check(request, unknown)).resolves.toBeUndefined();
  });
});
