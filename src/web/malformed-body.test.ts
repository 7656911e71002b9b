import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#src/app.ts';
import { createTestCustomer, createTestCustomerSession } from '#src/licences/test-factory.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';

let store: TestStore;
let app: ReturnType<typeof createApp>;
const lines: string[] = [];
let bearer: string;

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  app = createApp({ ...store.ctx, log: pino({ level: 'info' }, sink) });
  const customer = await createTestCustomer(store.ctx.db, { emailVerifiedAt: new Date() });
  bearer = await createTestCustomerSession(store.ctx.db, customer.id);
});
afterAll(() => store.close());

const ORIGIN = 'http://store.test';

// Bodies a careless or hostile client sends while its Content-Type claims multipart form data.
const BODIES: [label: string, type: string, body: string][] = [
  ['multipart without a boundary', 'multipart/form-data', 'email=a%40example.com'],
  ['multipart whose parts never use its boundary', 'multipart/form-data; boundary=xyz', 'not multipart at all'],
  ['JSON claiming to be multipart', 'multipart/form-data; boundary=----x', '{"email":"a@example.com"}'],
];

const PAGE_PATHS = ['/no-such-page', '/account/sign-in', '/account/licences', '/admin/licences'];

function post(path: string, type: string, body: string, headers: Record<string, string> = {}) {
  return app.request(`${ORIGIN}${path}`, { method: 'POST', body, headers: { 'content-type': type, ...headers } });
}

describe('a malformed form body', () => {
  it.each(BODIES)('%s answers any page POST with 400 before sign-in, and logs no error', async (_label, type, body) => {
    for (const path of PAGE_PATHS) {
      const before = lines.length;
      const res = await post(path, type, body);
      const page = await res.text();
      expect(res.status, `${path}: ${page.slice(0, 300)}`).toBe(400);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(page).toContain('could not be read as the form data it claims to be');
      const logged = lines.slice(before).join('');
      expect(logged).not.toContain('unhandled error');
      expect(logged).not.toContain('"level":50');
    }
  });

  it.each(BODIES)('%s answers a licence upload in the API with a 400 problem', async (_label, type, body) => {
    const ways: Record<string, string>[] = [
      { authorization: `Bearer ${bearer}` },
      { cookie: `sid=${bearer}`, origin: ORIGIN },
    ];
    for (const headers of ways) {
      const before = lines.length;
      const res = await post('/api/store/account/licences', type, body, headers);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      const problem = await res.json();
      expect(problem.detail).toContain('could not be read as the form data it claims to be');
      expect(lines.slice(before).join('')).not.toContain('unhandled error');
    }
  });
});
