import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { customers } from '#src/accounts/schema.ts';
import { signUp } from '#src/accounts/test-helpers.ts';
import { addDays, todayUtc } from '#src/lib/dates.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor, type Visitor } from '#test/support/visitor.ts';
import { licences } from './schema.ts';
import { createTestCustomer, createTestCustomerSession, createTestLicence, SAMPLE_FILES } from './test-factory.ts';

let store: TestStore;
let visitor: Visitor;
let customerId: string;
let token: string;

const fields = () => ({
  type: 'RN',
  number: 'RN 884120',
  issuingState: 'CA',
  expiresOn: addDays(todayUtc(), 400),
  holderName: 'Dana Reyes',
});

function storedFiles(): string[] {
  try {
    return readdirSync(join(store.config.dataDir, 'licences'));
  } catch {
    return [];
  }
}

async function licenceCount(): Promise<number> {
  return (await store.ctx.db.select().from(licences).where(eq(licences.customerId, customerId))).length;
}

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  const customer = await createTestCustomer(store.ctx.db);
  customerId = customer.id;
  token = await createTestCustomerSession(store.ctx.db, customer.id);
  visitor = createVisitor(store);
  visitor.cookies.set('sid', token);
});

afterAll(async () => {
  await store?.close();
});

describe('the licence pages', () => {
  it('send a visitor to sign in first', async () => {
    const res = await createVisitor(store).request('/account/licences');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/account/sign-in?next=%2Faccount%2Flicences');
  });

  it('accept a PDF, store it under a random name and list it as waiting for review', async () => {
    const res = await visitor.submit('/account/licences', {
      ...fields(),
      document: new File([SAMPLE_FILES.pdf()], 'my licence.pdf'),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/account/licences?notice=submitted');
    const page = await visitor.page('/account/licences?notice=submitted');
    expect(page).toContain('your licence was submitted');
    expect(page).toContain('RN 884120');
    expect(page).toContain('Waiting for review');
    const [row] = await store.ctx.db.select().from(licences).where(eq(licences.customerId, customerId));
    expect(row).toMatchObject({ status: 'pending', type: 'RN', documentType: 'application/pdf' });
    expect(row!.documentFile).toMatch(/^[0-9a-f]{32}\.pdf$/);
    expect(storedFiles()).toEqual([row!.documentFile]);
    expect(page).not.toContain(row!.documentFile);
  });

  it('let the customer download what they sent, and nobody else', async () => {
    const [row] = await store.ctx.db.select().from(licences).where(eq(licences.customerId, customerId));
    const path = `/account/licences/${row!.id}/document`;
    expect(await visitor.page('/account/licences')).toContain(`href="${path}"`);
    const own = await visitor.request(path);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('application/pdf');
    expect(own.headers.get('content-disposition')).toBe(
      'attachment; filename="licence-Registered-nurse-RN-RN-884120.pdf"',
    );
    expect(own.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await own.text()).toBe(await SAMPLE_FILES.pdf().text());
    const exported = await (await visitor.submit('/account/privacy', {}, '/account/privacy/export')).json();
    expect((exported as { licences: { documentUrl: string }[] }).licences[0]!.documentUrl).toBe(path);

    const other = createVisitor(store);
    other.cookies.set(
      'sid',
      await createTestCustomerSession(store.ctx.db, (await createTestCustomer(store.ctx.db)).id),
    );
    expect((await other.request(path)).status).toBe(404);
    expect((await store.request(path)).status).toBe(303);
  });

  it('refuse a file that is not a PDF whatever its name, keeping what was typed and storing nothing', async () => {
    const before = storedFiles().length;
    const fake = new File(['<html><script>alert(1)</script></html>'], 'licence.pdf', { type: 'application/pdf' });
    const res = await visitor.submit('/account/licences', { ...fields(), number: 'RN 555', document: fake });
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain('The document must be a PDF, JPEG or PNG file');
    expect(page).toContain('value="RN 555"');
    expect(storedFiles().length).toBe(before);
    expect(await licenceCount()).toBe(1);
  });

  it('refuse an empty file and a missing one', async () => {
    const empty = await visitor.submit('/account/licences', { ...fields(), document: new File([], 'empty.pdf') });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Attach a scan or photo of the licence');
    const none = await visitor.submit('/account/licences', fields());
    expect(none.status).toBe(400);
    expect(await licenceCount()).toBe(1);
  });

  it('refuse a document just over 10 MB with a field message', async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set([0x25, 0x50, 0x44, 0x46, 0x2d]);
    const res = await visitor.submit('/account/licences', { ...fields(), document: new File([big], 'scan.pdf') });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('larger than 10 MB');
    expect(await licenceCount()).toBe(1);
  });

  it('answer a 50 MB upload with 413 and a clear message before reading it', async () => {
    const huge = new Uint8Array(50 * 1024 * 1024);
    huge.set([0x25, 0x50, 0x44, 0x46, 0x2d]);
    const res = await visitor.submit('/account/licences', { ...fields(), document: new File([huge], 'huge.pdf') });
    expect(res.status).toBe(413);
    const page = await res.text();
    expect(page).toContain('That is too large to accept');
    expect(page).toContain('far larger than the 10 MB');
    expect(await licenceCount()).toBe(1);
  });

  it('re-render with field errors for a past expiry date and an unknown state', async () => {
    const res = await visitor.submit('/account/licences', {
      ...fields(),
      expiresOn: '2020-01-01',
      issuingState: 'ZZ',
      document: new File([SAMPLE_FILES.png()], 'photo.png'),
    });
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain('This date has passed');
    expect(page).toContain('Choose the state that issued the licence.');
    expect(await licenceCount()).toBe(1);
  });

  it('accept the token of the licence form itself on a first visit, when the page has several forms', async () => {
    const fresh = createVisitor(store);
    fresh.cookies.set('sid', token);
    const page = await fresh.page('/account/licences');
    const form = page.slice(page.indexOf('action="/account/licences"'));
    const formToken = /name="_csrf" value="([^"]+)"/.exec(form)?.[1];
    expect(formToken).toBeDefined();
    const body = new FormData();
    body.set('_csrf', formToken!);
    body.set('type', 'wizard');
    const res = await fresh.request('/account/licences', { method: 'POST', body });
    expect(res.status).toBe(422);
  });

  it('refuse a form post without its CSRF token', async () => {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields())) body.set(k, v);
    body.set('document', new File([SAMPLE_FILES.pdf()], 'a.pdf'));
    const res = await visitor.request('/account/licences', { method: 'POST', body });
    expect(res.status).toBe(403);
    expect(await licenceCount()).toBe(1);
  });
});

describe('a pile of licences waiting for review', () => {
  it('is refused past five, on the page and in the API, with nothing stored', async () => {
    const busy = await createTestCustomer(store.ctx.db);
    for (let i = 0; i < 5; i++) await createTestLicence(store.ctx.db, busy.id, { status: 'pending' });
    const busyToken = await createTestCustomerSession(store.ctx.db, busy.id);
    const page = createVisitor(store);
    page.cookies.set('sid', busyToken);
    const filesBefore = storedFiles().length;

    const res = await page.submit('/account/licences', {
      ...fields(),
      document: new File([SAMPLE_FILES.pdf()], 'a.pdf'),
    });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('You already have 5 licences waiting for review.');
    expect(html).toContain('value="RN 884120"');

    const body = new FormData();
    for (const [k, v] of Object.entries(fields())) body.set(k, v);
    body.set('document', new File([SAMPLE_FILES.pdf()], 'a.pdf'));
    const api = await store.request('/api/store/account/licences', {
      method: 'POST',
      body,
      headers: { authorization: `Bearer ${busyToken}` },
    });
    expect(api.status).toBe(409);
    expect(storedFiles()).toHaveLength(filesBefore);
    expect(await store.ctx.db.select().from(licences).where(eq(licences.customerId, busy.id))).toHaveLength(5);
  });
});

// PGlite runs one statement at a time, so only a real server can let two uploads race.
describe.skipIf(!inject('databaseServer'))('uploads sent at the same time, on PostgreSQL', () => {
  it('never leave more than five licences waiting for review', async () => {
    const racer = await createTestCustomer(store.ctx.db);
    const racerToken = await createTestCustomerSession(store.ctx.db, racer.id);
    await createTestLicence(store.ctx.db, racer.id, { status: 'pending' });
    const filesBefore = storedFiles().length;
    const upload = () => {
      const body = new FormData();
      for (const [k, v] of Object.entries(fields())) body.set(k, v);
      body.set('document', new File([SAMPLE_FILES.pdf()], 'a.pdf'));
      return store.request('/api/store/account/licences', {
        method: 'POST',
        body,
        headers: { authorization: `Bearer ${racerToken}` },
      });
    };
    const statuses = (await Promise.all(Array.from({ length: 8 }, upload))).map((r) => r.status);
    expect(statuses.toSorted()).toEqual([201, 201, 201, 201, 409, 409, 409, 409]);
    const pending = await store.ctx.db
      .select()
      .from(licences)
      .where(and(eq(licences.customerId, racer.id), eq(licences.status, 'pending')));
    expect(pending).toHaveLength(5);
    // The refused uploads left no document behind.
    expect(storedFiles()).toHaveLength(filesBefore + 4);
  });
});

describe('an account whose email was never confirmed', () => {
  it('may not submit a licence, on the page or in the API, until it confirms the address', async () => {
    const unconfirmed = await createTestCustomer(store.ctx.db, { emailVerifiedAt: null });
    const sid = await createTestCustomerSession(store.ctx.db, unconfirmed.id);
    const page = createVisitor(store);
    page.cookies.set('sid', sid);
    const filesBefore = storedFiles().length;

    const shown = await page.page('/account/licences');
    expect(shown).toContain('Confirm your email address before you submit a licence');
    expect(shown).toContain('href="/account/verify-email/resend"');
    expect(shown).not.toContain('Submit for review');

    // The form's token comes from another page: an old tab, or a form built by hand.
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.page('/account/profile'))![1]!;
    const form = new FormData();
    form.set('_csrf', token);
    for (const [k, v] of Object.entries(fields())) form.set(k, v);
    form.set('document', new File([SAMPLE_FILES.pdf()], 'a.pdf'));
    const posted = await page.request('/account/licences', { method: 'POST', body: form });
    expect(posted.status).toBe(403);
    expect(await posted.text()).toContain('Confirm your email address before you submit a licence');

    const body = new FormData();
    for (const [k, v] of Object.entries(fields())) body.set(k, v);
    body.set('document', new File([SAMPLE_FILES.pdf()], 'a.pdf'));
    const api = await store.request('/api/store/account/licences', {
      method: 'POST',
      body,
      headers: { authorization: `Bearer ${sid}` },
    });
    expect(api.status).toBe(403);
    expect(api.headers.get('content-type')).toBe('application/problem+json');
    expect(((await api.json()) as { detail: string }).detail).toContain('Confirm your email address');
    expect(storedFiles()).toHaveLength(filesBefore);
    expect(await store.ctx.db.select().from(licences).where(eq(licences.customerId, unconfirmed.id))).toEqual([]);

    // Once the address is confirmed the same upload goes through.
    await store.ctx.db.update(customers).set({ emailVerifiedAt: new Date() }).where(eq(customers.id, unconfirmed.id));
    const again = new FormData();
    for (const [k, v] of Object.entries(fields())) again.set(k, v);
    again.set('document', new File([SAMPLE_FILES.pdf()], 'a.pdf'));
    const accepted = await store.request('/api/store/account/licences', {
      method: 'POST',
      body: again,
      headers: { authorization: `Bearer ${sid}` },
    });
    expect(accepted.status).toBe(201);
  });
});

describe('the licence API', () => {
  it("lists the customer's licences and shows one, never the stored file name", async () => {
    const list = await visitor.api('/api/store/account/licences');
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toContain('no-store');
    const { items } = (await list.json()) as { items: { id: string; status: string }[] };
    expect(items).toHaveLength(1);
    const one = await visitor.api(`/api/store/account/licences/${items[0]!.id}`);
    expect(one.status).toBe(200);
    const body = await one.text();
    expect(JSON.parse(body)).toMatchObject({
      status: 'pending',
      number: 'RN 884120',
      document: { type: 'application/pdf' },
    });
    expect(body).not.toMatch(/[0-9a-f]{32}\.pdf/);
  });

  it('accepts a multipart upload with a bearer token and answers 201', async () => {
    const body = new FormData();
    for (const [k, v] of Object.entries({ ...fields(), type: 'MD', number: 'A-77120' })) body.set(k, v);
    body.set('document', new File([SAMPLE_FILES.png()], 'card.png'));
    const res = await store.request('/api/store/account/licences', {
      method: 'POST',
      body,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ type: 'MD', status: 'pending', document: { type: 'image/png' } });
  });

  it('answers invalid uploads with a 422 problem naming each field', async () => {
    const body = new FormData();
    body.set('type', 'wizard');
    body.set('document', new File(['GIF89a'], 'a.png'));
    const res = await store.request('/api/store/account/licences', {
      method: 'POST',
      body,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await res.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((e) => e.field)).toEqual(expect.arrayContaining(['type', 'number', 'document']));
  });

  it('answers a 50 MB upload with a 413 problem', async () => {
    const body = new FormData();
    body.set('document', new File([new Uint8Array(50 * 1024 * 1024)], 'big.pdf'));
    const res = await store.request('/api/store/account/licences', {
      method: 'POST',
      body,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { detail: string }).detail).toContain('10 MB');
  });

  it("never shows one customer another's licence: 404, as for one that does not exist", async () => {
    const [mine] = await store.ctx.db.select().from(licences).where(eq(licences.customerId, customerId));
    const other = await createTestCustomer(store.ctx.db);
    const otherToken = await createTestCustomerSession(store.ctx.db, other.id);
    const headers = { authorization: `Bearer ${otherToken}` };
    const res = await store.request(`/api/store/account/licences/${mine!.id}`, { headers });
    expect(res.status).toBe(404);
    const list = await store.request('/api/store/account/licences', { headers });
    expect(await list.json()).toEqual({ items: [] });
    const missing = await store.request('/api/store/account/licences/not-an-id', { headers });
    expect(missing.status).toBe(404);
  });

  it('asks visitors to sign in', async () => {
    const res = await store.request('/api/store/account/licences');
    expect(res.status).toBe(401);
  });
});

describe('deleting an account with licences', () => {
  it('keeps the licences as anonymous records and removes their documents from the disk', async () => {
    const { visitor: owner, email, password } = await signUp(store);
    const submitted = await owner.submit('/account/licences', {
      ...fields(),
      document: new File([SAMPLE_FILES.pdf()], 'licence.pdf'),
    });
    expect(submitted.status).toBe(303);
    const [customer] = await store.ctx.db.select().from(customers).where(eq(customers.email, email));
    const [row] = await store.ctx.db.select().from(licences).where(eq(licences.customerId, customer!.id));
    expect(storedFiles()).toContain(row!.documentFile);

    const deleted = await owner.submit('/account/privacy', { password }, '/account/privacy/delete');
    expect(deleted.status).toBe(303);
    const [kept] = await store.ctx.db.select().from(licences).where(eq(licences.id, row!.id));
    expect(kept).toMatchObject({ holderName: 'Deleted customer', documentFile: null, number: 'RN 884120' });
    expect(storedFiles()).not.toContain(row!.documentFile);
  });
});
