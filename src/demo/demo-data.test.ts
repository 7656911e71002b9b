import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers } from '#src/accounts/schema.ts';
import { signInAs } from '#src/accounts/test-helpers.ts';
import { productChangesSchema } from '#src/catalog/validators.ts';
import { licences } from '#src/licences/schema.ts';
import { createTestStaff } from '#src/licences/test-factory.ts';
import { getShippingCutoffHour } from '#src/shipping/methods.ts';
import { quoteTax } from '#src/tax/rates.ts';
import { EVERYTHING } from '#src/web/page-cache.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createVisitor } from '#test/support/visitor.ts';
import { DEMO_CUSTOMERS } from './customers-data.ts';
import { DEMO_ARTICLES, DEMO_PRODUCTS } from './demo-data.ts';
import { drawDemoImages } from './draw-images.ts';
import { demoSeedOptionsFor, seedDemoStore } from './seed.ts';

let store: TestStore;

beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store.close());

describe('the demo store', () => {
  it('has at least 12 active products across hair care, supplements, regenerative and devices', async () => {
    const res = await store.request('/api/store/products?limit=100');
    const body = (await res.json()) as { items: { slug: string; category: { slug: string } | null }[] };
    expect(body.items.length).toBeGreaterThanOrEqual(12);
    const slugs = body.items.map((p) => p.slug);
    for (const slug of [
      'hair-supplement-gummies',
      'pep-factor',
      'exosome-hair-vial',
      'laser-hair-comb',
      'minoxidil-5-topical-solution',
      'prp-kit',
      'microneedling-pen',
    ]) {
      expect(slugs).toContain(slug);
    }
  });

  it('serves a drawing for every product and article image, titled with its alt text', async () => {
    const images = [
      ...DEMO_PRODUCTS.map((p) => ({ src: `/assets/demo/${p.slug}.svg`, alt: p.imageAlt })),
      ...DEMO_ARTICLES.flatMap((a) => (a.coverImage ? [a.coverImage] : [])),
    ];
    for (const image of images) {
      expect(image.alt.length, image.src).toBeGreaterThan(20);
      const res = await store.request(image.src);
      expect(res.status, image.src).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/svg+xml');
      const svg = await res.text();
      expect(svg).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
      expect(svg).toContain(`<title id="t">${image.alt.replace(/&/g, '&amp;')}</title>`);
    }
  });

  it('keeps the committed drawings in step with the code that draws them', async () => {
    for (const [name, svg] of drawDemoImages()) {
      expect(await (await store.request(`/assets/demo/${name}`)).text(), name).toBe(svg);
    }
  });

  it('carries warnings where they apply, valid like any product fact', async () => {
    for (const p of DEMO_PRODUCTS) {
      expect(productChangesSchema.safeParse({ warnings: p.warnings ?? [] }).success, p.slug).toBe(true);
    }
    const res = await store.request('/api/store/products/finasteride-1mg-tablets');
    const finasteride = (await res.json()) as { warnings: { topic: string; text: string }[] };
    const pregnancy = finasteride.warnings.find((w) => w.topic === 'pregnancy');
    expect(pregnancy?.text).toMatch(/^Women who are or may become pregnant must not handle crushed or broken tablets/);
    const page = await (await store.request('/products/finasteride-1mg-tablets')).text();
    expect(page).toContain('<dt>Pregnancy and breastfeeding</dt>');
    const withWarnings = DEMO_PRODUCTS.filter((p) => (p.warnings ?? []).length > 0);
    expect(withWarnings.length).toBeGreaterThanOrEqual(10);
  });

  it('ships and taxes as its shipping page says: ground, two-day, the cold chain; Arizona tax', async () => {
    const res = await store.request('/api/store/shipping-methods');
    const { items } = (await res.json()) as { items: { code: string; name: string; rateCents: number }[] };
    expect(items.map((m) => [m.code, m.name, m.rateCents])).toEqual([
      ['standard', 'Ground', 895],
      ['express', 'Two-day', 1850],
      ['refrigerated', 'Refrigerated overnight', 2500],
    ]);
    expect(await getShippingCutoffHour(store.ctx.db)).toBe(13);
    expect(await quoteTax(store.ctx.db, { state: 'AZ', itemsCents: 10000, shippingCents: 895, isExempt: false })).toBe(
      560,
    );
  });

  it('changes nothing when loaded a second time', async () => {
    const before = await (await store.request('/api/store/products?limit=100')).json();
    expect(await seedDemoStore(store.ctx.db)).toEqual({
      settings: 0,
      categories: 0,
      products: 0,
      articles: 0,
      customers: 0,
      licences: 0,
    });
    store.ctx.cache.pages.invalidate(EVERYTHING);
    expect(await (await store.request('/api/store/products?limit=100')).json()).toEqual(before);
  });
});

describe('the demo customers', () => {
  let shop: TestStore;
  let summary: Record<string, number>;
  beforeAll(async () => {
    shop = await createTestStore({ template: 'empty' });
    summary = await seedDemoStore(shop.ctx.db, demoSeedOptionsFor(shop.config));
  });
  afterAll(() => shop.close());

  const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
  const byEmail = (email: string) => DEMO_CUSTOMERS.find((c) => c.email === email)!;

  it('are a private client, a business with an approved licence and one whose licence waits for review', async () => {
    expect(summary).toMatchObject({ customers: 3, licences: 2 });
    const rows = await shop.ctx.db
      .select({ email: customers.email, accountType: customers.accountType, status: licences.status })
      .from(customers)
      .leftJoin(licences, eq(licences.customerId, customers.id));
    expect(rows.sort((a, b) => a.email.localeCompare(b.email))).toEqual([
      { email: 'jordan.ellis@coppercanyonspa.example', accountType: 'business', status: 'pending' },
      { email: 'olivia.bennett@example.com', accountType: 'client', status: null },
      { email: 'priya.raman@saguaroclinic.example', accountType: 'business', status: 'approved' },
    ]);
  });

  it('sign in with the email and password the README gives, stored hashed', async () => {
    for (const { email, password } of DEMO_CUSTOMERS) {
      expect(readme).toMatch(new RegExp(`\\| \`${email.replace(/\./g, '\\.')}\`\\s*\\| \`${password}\`\\s*\\|`));
      const visitor = createVisitor(shop);
      await signInAs(visitor, email, password);
      expect(await visitor.page('/account')).toContain(byEmail(email).name);
      const [row] = await shop.ctx.db.select().from(customers).where(eq(customers.email, email));
      expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
      expect(row!.passwordHash).not.toContain(password);
      expect(row!.emailVerifiedAt).not.toBeNull();
    }
  });

  it('let the approved physician order a professional product, and not the esthetician waiting for review', async () => {
    const priya = createVisitor(shop);
    await signInAs(priya, 'priya.raman@saguaroclinic.example', 'saguaro-demo-2026');
    expect(await priya.page('/products/microneedling-pen')).toContain('You may order this product');
    expect(await priya.page('/account/licences')).toContain('MD-58214');
    const jordan = createVisitor(shop);
    await signInAs(jordan, 'jordan.ellis@coppercanyonspa.example', 'copper-demo-2026');
    expect(await jordan.page('/products/microneedling-pen')).not.toContain('You may order this product');
    expect(await jordan.page('/account/addresses')).toContain('2950 North Swan Road');
  });

  it('give staff a licence to review, with a document they can open', async () => {
    const { token } = await createTestStaff(shop.ctx.db, 'staff');
    const staff = createVisitor(shop);
    staff.cookies.set('staff_sid', token);
    expect(await staff.page('/admin/licences?status=pending')).toContain('EST-30917');
    const [pending] = await shop.ctx.db.select().from(licences).where(eq(licences.status, 'pending'));
    expect(await staff.page(`/admin/licences/${pending!.id}`)).toContain('Open the document');
    const document = await staff.request(`/admin/licences/${pending!.id}/document`);
    expect(document.status).toBe(200);
    expect(document.headers.get('content-type')).toBe('application/pdf');
    const text = new TextDecoder().decode(await document.arrayBuffer());
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text).toContain('(SPECIMEN - demo licence document)');
    expect(text).toContain('(Licence number: EST-30917)');
    // The cross-reference table points at each object, so readers open the file without repairing it.
    const xref = Number(/startxref\n(\d+)/.exec(text)![1]);
    expect(text.slice(xref, xref + 4)).toBe('xref');
  });

  it('are left alone when the demo store is loaded again', async () => {
    const files = readdirSync(join(shop.config.dataDir, 'licences'));
    expect(await seedDemoStore(shop.ctx.db, demoSeedOptionsFor(shop.config))).toMatchObject({
      customers: 0,
      licences: 0,
    });
    expect(await shop.ctx.db.$count(customers)).toBe(3);
    expect(readdirSync(join(shop.config.dataDir, 'licences')).sort()).toEqual(files.sort());
  });

  it('are not created in production, where the catalogue and articles still are', async () => {
    expect(demoSeedOptionsFor({ env: 'production', dataDir: shop.config.dataDir })).toEqual({});
    const production = await createTestStore({ template: 'empty' });
    try {
      const loaded = await seedDemoStore(
        production.ctx.db,
        demoSeedOptionsFor({ ...production.config, env: 'production' }),
      );
      expect(loaded).toMatchObject({ customers: 0, licences: 0 });
      expect(loaded.products).toBeGreaterThan(0);
      expect(await production.ctx.db.$count(customers)).toBe(0);
    } finally {
      await production.close();
    }
  });
});
