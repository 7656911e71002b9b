import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestProduct } from '#src/catalog/test-factory.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor, type Visitor } from '#test/support/visitor.ts';
import { createTestCustomer, createTestCustomerSession, createTestLicence } from './test-factory.ts';

let store: TestStore;
let nurse: Visitor;
let nurseToken: string;
let newcomer: Visitor;
let newcomerToken: string;

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  const { ctx } = store;
  await createTestProduct(ctx, { slug: 'peel-kit', name: 'Clinical Peel Kit', accessClass: 'professional' });
  await createTestProduct(ctx, {
    slug: 'rx-vial',
    name: 'Prescription Vial',
    accessClass: 'rx-only',
    form: 'vial',
    route: 'injectable',
  });
  await createTestProduct(ctx, { slug: 'gentle-cleanser', name: 'Gentle Cleanser', accessClass: 'open' });
  const rn = await createTestCustomer(ctx.db);
  await createTestLicence(ctx.db, rn.id, { type: 'RN', status: 'approved' });
  nurseToken = await createTestCustomerSession(ctx.db, rn.id);
  nurse = createVisitor(store);
  nurse.cookies.set('sid', nurseToken);
  const fresh = await createTestCustomer(ctx.db);
  newcomerToken = await createTestCustomerSession(ctx.db, fresh.id);
  newcomer = createVisitor(store);
  newcomer.cookies.set('sid', newcomerToken);
});

afterAll(async () => {
  await store?.close();
});

describe('entitlement on the product page', () => {
  it('tells a visitor to sign in, and keeps serving that page from the cache', async () => {
    const first = await store.request('/products/peel-kit');
    const page = await first.text();
    expect(page).toContain('This product is sold to licensed professionals only.');
    expect(page).toContain('href="/account/sign-in?next=%2Fproducts%2Fpeel-kit"');
    expect(page.match(/sold to licensed professionals/gi)).toHaveLength(1);
    expect(page).not.toContain('You may order this product');
    const second = await store.request('/products/peel-kit');
    expect(second.headers.get('x-cache')).toBe('hit');
  });

  it('tells a customer without a licence to submit one', async () => {
    const page = await newcomer.page('/products/peel-kit');
    expect(page).toContain('Submit a professional licence under Account &gt; Licences');
    expect(page).toContain('href="/account/licences"');
  });

  it('tells a verified nurse they may order a professional product, in the page every visitor shares', async () => {
    await store.request('/products/peel-kit');
    const res = await nurse.request('/products/peel-kit');
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    expect(res.headers.get('x-cache')).toBe('hit');
    const page = await res.text();
    expect(page).toContain('You may order this product.');
    expect(page).not.toContain('Sign in');
  });

  it('tells a verified nurse that an rx-only product needs a prescriber licence', async () => {
    const page = await nurse.page('/products/rx-vial');
    expect(page).toContain('not a prescriber licence');
    expect(page).toContain('MD, DO, NP, PA or dentist');
  });

  it('tells a customer whose email is not confirmed to confirm it first, licence or not', async () => {
    const unconfirmed = await createTestCustomer(store.ctx.db, { emailVerifiedAt: null });
    await createTestLicence(store.ctx.db, unconfirmed.id, { type: 'MD', status: 'approved' });
    const token = await createTestCustomerSession(store.ctx.db, unconfirmed.id);
    const visitor = createVisitor(store);
    visitor.cookies.set('sid', token);
    const page = await visitor.page('/products/peel-kit');
    expect(page).toContain('Your email address is not confirmed yet.');
    expect(page).toContain('href="/account/verify-email/resend"');
    expect(page).not.toContain('You may order this product');
    const api = await store.request('/api/store/account/entitlements/rx-vial', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(api.status).toBe(403);
    expect(await api.json()).toMatchObject({ refusal: 'email-unconfirmed' });
  });

  it('shows no access panel on open products', async () => {
    const page = await newcomer.page('/products/gentle-cleanser');
    expect(page).not.toContain('purchase-access');
  });
});

describe('GET /api/store/account/entitlements/:productSlug', () => {
  const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

  it('answers 200 when allowed and a 403 problem saying how to qualify when not', async () => {
    const ok = await store.request('/api/store/account/entitlements/peel-kit', bearer(nurseToken));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ allowed: true, product: { slug: 'peel-kit', accessClass: 'professional' } });
    const refused = await store.request('/api/store/account/entitlements/rx-vial', bearer(nurseToken));
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(await refused.json()).toMatchObject({
      status: 403,
      code: 'NOT_ENTITLED',
      refusal: 'prescriber-needed',
      howToQualify: expect.stringContaining('prescriber licence'),
    });
    const open = await store.request('/api/store/account/entitlements/gentle-cleanser', bearer(newcomerToken));
    expect(open.status).toBe(200);
  });

  it('answers per customer even for the same address: a bearer token bypasses the shared cache', async () => {
    const a = await store.request('/api/store/account/entitlements/peel-kit', bearer(nurseToken));
    const b = await store.request('/api/store/account/entitlements/peel-kit', bearer(newcomerToken));
    expect([a.status, b.status]).toEqual([200, 403]);
    expect(b.headers.get('x-cache')).toBeNull();
  });

  it('asks visitors to sign in and answers 404 for an unknown product', async () => {
    expect((await store.request('/api/store/account/entitlements/peel-kit')).status).toBe(401);
    expect((await store.request('/api/store/account/entitlements/no-such-thing', bearer(nurseToken))).status).toBe(404);
  });
});
