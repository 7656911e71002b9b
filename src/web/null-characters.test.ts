import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, uniqueEmail } from '#src/accounts/test-helpers.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor } from '#test/support/visitor.ts';

// PostgreSQL text cannot hold a NUL character; these check that one sent by a client is refused with a
// message, never a 500, and that nothing is changed.
let store: TestStore;
beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store.close());

async function customerCount() {
  const { rows } = await store.ctx.db.execute('select count(*)::int as n from customers');
  return rows[0];
}

describe('a null character in what a client sends', () => {
  it('re-renders a form with the field named and the other values kept', async () => {
    const before = await customerCount();
    const visitor = createVisitor(store);
    const email = uniqueEmail();
    const res = await visitor.submit('/account/register', {
      email,
      password: 'amber kettle orbit 42',
      name: 'Dana\u0000Reyes',
      accountType: 'client',
      acceptsTermsAndPrivacy: 'on',
    });
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain('contains a null character');
    expect(page).toContain(`value="${email}"`);
    expect(await customerCount()).toEqual(before);
  });

  it('answers an API call with a 400 problem and leaves the account as it was', async () => {
    const { visitor } = await signUp(store, { name: 'Dana Reyes' });
    const res = await visitor.api('/api/store/account', { method: 'PATCH', body: { name: 'Dana\u0000Reyes' } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect((await res.json()).detail).toContain('null character');
    const account = await (await visitor.api('/api/store/account')).json();
    expect(account.name).toBe('Dana Reyes');
  });
});
