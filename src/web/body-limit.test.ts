import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor } from '#test/support/visitor.ts';

let store: TestStore;
beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store.close());

describe('request body size', () => {
  it('refuses a 2 MB form post with 413 before reading it, and creates nothing', async () => {
    const visitor = createVisitor(store);
    const before = await store.ctx.db.execute('select count(*)::int as n from customers');
    const res = await visitor.submit('/account/register', {
      email: 'big@example.com',
      password: 'a-long-enough-passphrase',
      name: 'x'.repeat(2 * 1024 * 1024),
      accountType: 'client',
      acceptsTermsAndPrivacy: 'on',
    });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('larger than 1 MB');
    const after = await store.ctx.db.execute('select count(*)::int as n from customers');
    expect(after.rows).toEqual(before.rows);
  });

  it('answers an oversized API body with a 413 problem', async () => {
    const visitor = createVisitor(store);
    const res = await visitor.api('/api/store/session', {
      method: 'POST',
      body: { email: 'a@example.com', password: 'y'.repeat(2 * 1024 * 1024) },
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });
});
