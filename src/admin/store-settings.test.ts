import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#src/app.ts';
import { createAppContext } from '#src/boot.ts';
import { type Database, openDatabase } from '#src/db/client.ts';
import { createLogger } from '#src/lib/logger.ts';
import { createTestStaff } from '#src/licences/test-factory.ts';
import { auditLog } from '#src/staff/schema.ts';
import { getStoreSettings } from '#src/store/settings.ts';
import type { AppContext } from '#src/web/context.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor, type Visitor } from '#test/support/visitor.ts';
import { valuesOf } from './settings-values.ts';

let store: TestStore;
let owner: Visitor;
let admin: Visitor;
let staffOnly: Visitor;
// On PostgreSQL, a second instance of the store on the same database, as behind a load balancer.
let other: { ctx: AppContext; database: Database; request(path: string): Promise<Response> } | undefined;

beforeAll(async () => {
  store = await createTestStore();
  const signIn = async (role: 'owner' | 'admin' | 'staff') => {
    const visitor = createVisitor(store);
    visitor.cookies.set('staff_sid', (await createTestStaff(store.ctx.db, role)).token);
    return visitor;
  };
  owner = await signIn('owner');
  admin = await signIn('admin');
  staffOnly = await signIn('staff');
  const url = store.database.pool?.options.connectionString;
  if (url) {
    const database = await openDatabase({ databaseUrl: url });
    const ctx = await createAppContext(store.config, database, createLogger('silent'));
    const app = createApp(ctx);
    other = { ctx, database, request: async (path) => app.request(`http://store.test${path}`) };
  }
});
afterAll(async () => {
  if (other) {
    await other.ctx.rateLimiter.close();
    await other.ctx.cache.close();
    await other.database.close();
  }
  await store?.close();
});

async function currentForm(): Promise<Record<string, string>> {
  return valuesOf(await getStoreSettings(store.ctx.db));
}

async function latestSettingsAudit() {
  const [entry] = await store.ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'settings'), eq(auditLog.action, 'settings.update')))
    .orderBy(desc(auditLog.createdAt))
    .limit(1);
  return entry;
}

describe('the store settings form', () => {
  it("shows every section with the demo store's details", async () => {
    const page = await owner.page('/admin/settings');
    for (const legend of ['Store', 'Contact', 'Money and payment', 'Returns', 'Home page', 'Store pages']) {
      expect(page).toContain(`<legend>${legend}</legend>`);
    }
    expect(page).toContain('value="FACE Med Store"');
    expect(page).toContain('value="(800) 770-9083"');
    expect(page).toContain('value="America/Phoenix"');
    expect(page).toContain('value="USD"');
    expect(page).toContain('Now: US Dollar, $1,234.56.');
    expect(page).toContain('value="Desert Commerce Bank"');
    expect(page).toContain('Routing number (ABA): 122105155\nAccount number: 4410 2873 9916</textarea>');
    expect(page).toContain('name="returnWindowDays" type="number" value="30"');
  });

  it('refuses a bad email, time zone, currency and return window with a message beside each, keeping what was typed', async () => {
    const before = await currentForm();
    const auditBefore = await latestSettingsAudit();
    const res = await owner.submit('/admin/settings', {
      ...before,
      name: 'Renamed Store',
      email: 'care-at-example.com',
      timeZone: 'Mars/Olympus_Mons',
      currency: 'XYZ',
      returnWindowDays: '-5',
    });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('Please correct the highlighted fields.');
    expect(page).toContain('Enter an email address like care@example.com, or leave it empty.');
    expect(page).toContain('Enter a time zone by its region and city, like America/Phoenix.');
    expect(page).toContain('Enter a three-letter ISO 4217 currency code, like USD.');
    expect(page).toContain('Enter a whole number of days from 1 to 365.');
    expect(page).toContain('value="Renamed Store"');
    expect(page).toContain('value="care-at-example.com"');
    expect(page).toContain('value="Mars/Olympus_Mons"');
    expect(page).toContain('value="-5"');
    expect(page).toContain('<a href="#settings-money" class="has-error">');
    expect(await currentForm()).toEqual(before);
    expect(await latestSettingsAudit()).toEqual(auditBefore);
  });

  it('refuses an offset where a time zone belongs, and an empty name', async () => {
    const res = await owner.submit('/admin/settings', { ...(await currentForm()), timeZone: '+02:00', name: ' ' });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('Enter a time zone by its region and city, like America/Phoenix.');
    expect(page).toContain('Enter the name of the store.');
  });

  it('refuses a currency the catalogue is not priced in, since that would change the meaning of every price', async () => {
    const before = await currentForm();
    const res = await owner.submit('/admin/settings', { ...before, currency: 'eur' });
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(
      /\d+ products are priced in another currency\. Reprice the catalogue in EUR first/,
    );
    expect((await getStoreSettings(store.ctx.db)).currency).toBe('USD');
  });

  it('saves every field, records what changed, and shows it on cached public pages at once', async () => {
    // Cache the pages first, so that only the save can make them change.
    for (const path of ['/', '/returns', '/products']) {
      expect(await (await store.request(path)).text()).toContain('(800) 770-9083');
      expect((await store.request(path)).headers.get('x-cache')).toBe('hit');
    }
    const before = await currentForm();
    const res = await admin.submit('/admin/settings', {
      ...before,
      tagline: 'Supplies for hair restoration clinics.',
      phone: '(602) 555-0142',
      email: 'orders@facemedstore.example',
      address: '1 Saguaro Way, Tempe, AZ 85281, USA',
      timeZone: 'america/denver',
      currency: 'usd',
      disclaimer: 'For information only; ask a licensed clinician about your own treatment.',
      bankAccountHolder: 'FACE Med Store Inc.',
      bankName: 'Sonoran Savings',
      bankAccountLines: 'Routing number: 021000021\r\nAccount number: 5550 1234',
      returnWindowDays: '14',
    });
    expect(res.status).toBe(303);

    const saved = await getStoreSettings(store.ctx.db);
    expect(saved).toMatchObject({
      phone: '(602) 555-0142',
      timeZone: 'America/Denver',
      currency: 'USD',
      bankAccountLines: 'Routing number: 021000021\nAccount number: 5550 1234',
      returnWindowDays: 14,
    });

    const home = await store.request('/');
    expect(home.headers.get('x-cache')).toBe('miss');
    const homePage = await home.text();
    expect(homePage).toContain('href="tel:+16025550142"');
    expect(homePage).toContain('(602) 555-0142');
    expect(homePage).not.toContain('(800) 770-9083');
    expect(homePage).toContain('For information only; ask a licensed clinician about your own treatment.');
    expect(homePage).toContain('orders@facemedstore.example');
    expect(homePage).toContain('Prices in USD (US Dollar).');
    const returns = await (await store.request('/returns')).text();
    expect(returns).toContain('returned within 14 days of delivery');
    expect(returns).toContain('(602) 555-0142');
    expect(await (await store.request('/products')).text()).toContain('(602) 555-0142');

    const entry = await latestSettingsAudit();
    expect(entry?.staffId).toBeTruthy();
    expect(entry?.before).toMatchObject({
      phone: '(800) 770-9083',
      returnWindowDays: '30',
      timeZone: 'America/Phoenix',
    });
    expect(entry?.after).toMatchObject({ phone: '(602) 555-0142', returnWindowDays: '14', timeZone: 'America/Denver' });
    // Only what changed is recorded: the store pages' Markdown stayed as it was.
    expect(Object.keys(entry?.after as object)).not.toContain('shipping');
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('empties the page cache of every other instance too', async () => {
    const phone = '(480) 555-0199';
    expect((await other!.request('/')).status).toBe(200);
    expect((await other!.request('/')).headers.get('x-cache')).toBe('hit');
    const version = other!.ctx.cache.pages.version;
    const res = await owner.submit('/admin/settings', { ...(await currentForm()), phone });
    expect(res.status).toBe(303);
    for (let i = 0; i < 200 && other!.ctx.cache.pages.version === version; i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    const page = await other!.request('/');
    expect(page.headers.get('x-cache')).toBe('miss');
    expect(await page.text()).toContain(phone);
  });

  it('dials a number written with its country code as written', async () => {
    const res = await owner.submit('/admin/settings', { ...(await currentForm()), phone: '+44 20 7946 0000' });
    expect(res.status).toBe(303);
    expect(await (await store.request('/contact')).text()).toContain('href="tel:+442079460000"');
  });

  it('may be changed by owners and admins, not by staff', async () => {
    expect((await owner.request('/admin/settings')).status).toBe(200);
    expect((await admin.request('/admin/settings')).status).toBe(200);
    expect((await staffOnly.request('/admin/settings')).status).toBe(403);
    const before = await currentForm();
    // A valid form token from a page staff may open, so that only the permission can refuse the change.
    const res = await staffOnly.submit('/admin', { ...before, phone: '(900) 555-0000' }, '/admin/settings');
    expect(res.status).toBe(403);
    expect(await currentForm()).toEqual(before);
  });
});
