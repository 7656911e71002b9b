import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { slowTestMs } from '#test/support/timeouts.ts';
import { progressLine } from './csv-command.ts';
import { exportProductsCsv } from './csv-export.ts';
import { CsvFileError, CsvRowsError, importProductsCsv, type RowError } from './csv-import.ts';
import { categories, products } from './schema.ts';
import { createCategory } from './service.ts';
import { createTestCategory, createTestProduct } from './test-factory.ts';

let demo: TestStore;
let store: TestStore;
let folder: string;

beforeAll(async () => {
  [demo, store] = await Promise.all([createTestStore(), createTestStore({ template: 'empty' })]);
  folder = mkdtempSync(join(tmpdir(), 'medstore-csv-'));
});
afterAll(async () => {
  await Promise.all([demo.close(), store.close()]);
  rmSync(folder, { recursive: true, force: true });
});

let fileCount = 0;
function csvFile(content: string | Buffer): string {
  fileCount += 1;
  const path = join(folder, `file-${fileCount}.csv`);
  writeFileSync(path, content);
  return path;
}

const HEADER = 'sku,slug,name,price,form,route,regulatory_status,category,status,side_effects';

async function rowErrorsOf(promise: Promise<unknown>): Promise<RowError[]> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CsvRowsError);
  return (err as CsvRowsError).errors;
}

async function fileErrorOf(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CsvFileError);
  return (err as Error).message;
}

async function productCount(s: TestStore): Promise<number> {
  return (await s.ctx.db.select({ id: products.id }).from(products)).length;
}

describe('products CSV', () => {
  it(
    'exports the demo catalogue so that it imports into a fresh store unchanged, field by field',
    async () => {
      const { text, rows } = await exportProductsCsv(demo.ctx.db);
      expect(rows).toBeGreaterThanOrEqual(12);
      // The products file names categories by slug; the fresh store gets the same categories first.
      const fresh = await createTestStore({ template: 'empty' });
      try {
        const demoCategories = await demo.ctx.db.select().from(categories).orderBy(categories.createdAt);
        const idBySlug = new Map<string, string>();
        const slugById = new Map(demoCategories.map((c) => [c.id, c.slug]));
        for (const c of demoCategories.sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null))) {
          const parentId = c.parentId ? (idBySlug.get(slugById.get(c.parentId)!) ?? null) : null;
          const made = await createCategory(fresh.ctx, { slug: c.slug, name: c.name, position: c.position, parentId });
          idBySlug.set(c.slug, made.id);
        }
        const summary = await importProductsCsv(fresh.ctx, csvFile(text));
        expect(summary).toEqual({ rows, created: rows, updated: 0, unchanged: 0 });

        const before = await demo.ctx.db.select().from(products).orderBy(products.sku);
        const after = await fresh.ctx.db.select().from(products).orderBy(products.sku);
        expect(after.map((p) => p.sku)).toEqual(before.map((p) => p.sku));
        const active = before.filter((p) => p.status === 'active');
        expect(active.length).toBeGreaterThan(0);
        for (const product of active) {
          const original = await (await demo.request(`/api/store/products/${product.slug}`)).json();
          const imported = await (await fresh.request(`/api/store/products/${product.slug}`)).json();
          // Stock is not a product field: it comes in as lots (`export stock`, the inventory).
          for (const field of ['id', 'createdAt', 'updatedAt', 'stockStatus']) {
            delete original[field];
            delete imported[field];
          }
          expect(imported).toEqual(original);
        }
        // Drafts and archived products are not in the API; their rows must match as well.
        for (const [i, product] of before.entries()) {
          const { id, createdAt, updatedAt, search, categoryId, ...fields } = product;
          const {
            id: _i,
            createdAt: _c,
            updatedAt: _u,
            search: _s,
            categoryId: newCategoryId,
            ...newFields
          } = after[i]!;
          expect(newFields).toEqual(fields);
          expect(newCategoryId ? [...idBySlug].find(([, v]) => v === newCategoryId)?.[0] : null).toBe(
            categoryId ? slugById.get(categoryId) : null,
          );
        }
        expect((await exportProductsCsv(fresh.ctx.db)).text).toBe(text);
        // Importing the same file again finds nothing to change.
        expect(await importProductsCsv(fresh.ctx, csvFile(text))).toMatchObject({ updated: 0, unchanged: rows });
      } finally {
        await fresh.close();
      }
    },
    slowTestMs(60_000),
  );

  it('updates the product with the same SKU, creates the others, and the cached pages show the change', async () => {
    const category = await createTestCategory(store.ctx, { slug: 'scalp-care' });
    const existing = await createTestProduct(store.ctx, {
      sku: 'UPD-1',
      slug: 'scalp-tonic',
      priceCents: 1500,
      categoryId: category.id,
    });
    const page = `/api/store/products/${existing.slug}`;
    expect((await (await store.request(page)).json()).priceCents).toBe(1500);
    const path = csvFile(
      [
        HEADER,
        // Spaces around a SKU, as a spreadsheet may leave them, still find the product.
        ' UPD-1 ,scalp-tonic,Scalp Tonic,19.50,solution,topical,cosmetic,scalp-care,active,',
        'NEW-1,scalp-mask,Scalp Mask,7,cream,topical,cosmetic,,active,"Redness\nItching"',
      ].join('\n'),
    );
    expect(await importProductsCsv(store.ctx, path)).toEqual({ rows: 2, created: 1, updated: 1, unchanged: 0 });
    const updated = await (await store.request(page)).json();
    expect(updated).toMatchObject({ priceCents: 1950, name: 'Scalp Tonic', form: 'solution' });
    const created = await (await store.request('/api/store/products/scalp-mask')).json();
    expect(created).toMatchObject({ priceCents: 700, category: null, sideEffects: ['Redness', 'Itching'] });
  });

  it('reports every bad row with its line and column on --dry-run and changes nothing', async () => {
    await createTestCategory(store.ctx, { slug: 'lotions' });
    const before = await productCount(store);
    const path = csvFile(
      [
        HEADER,
        // A quoted cell over two lines: the next row starts on line 4.
        'DRY-1,dry-one,Dry One,10.00,cream,topical,cosmetic,lotions,active,"Dryness\nPeeling"',
        'DRY-2,dry-two,Dry Two,10.999,cream,topical,cosmetic,lotions,active,',
        'DRY-3,Dry Three,Dry Three,10,liquid,topical,cosmetic,no-such-category,active,',
        'DRY-1,dry-four,Dry Four,10,cream,topical,cosmetic,,active,',
      ].join('\n'),
    );
    const errors = await rowErrorsOf(importProductsCsv(store.ctx, path, { dryRun: true }));
    expect(errors).toEqual([
      { line: 4, column: 'price', message: expect.stringContaining('two decimals') },
      { line: 5, column: 'category', message: 'no category has the slug "no-such-category"' },
      { line: 5, column: 'slug', message: expect.stringContaining('lowercase') },
      { line: 5, column: 'form', message: expect.any(String) },
      { line: 6, column: 'sku', message: 'SKU "DRY-1" is already on line 2' },
    ]);
    expect(await productCount(store)).toBe(before);

    const good = csvFile([HEADER, 'DRY-5,dry-five,Dry Five,10,cream,topical,cosmetic,lotions,active,'].join('\n'));
    expect(await importProductsCsv(store.ctx, good, { dryRun: true })).toMatchObject({ rows: 1, created: 0 });
    expect(await productCount(store)).toBe(before);
  });

  it('writes nothing when one row fails during the import', async () => {
    await createTestProduct(store.ctx, { sku: 'HOLD-1', slug: 'held-slug' });
    const before = await productCount(store);
    // The checks pass, since HOLD-1 gives up its slug, but ALL-2 takes it before HOLD-1 lets it go.
    const path = csvFile(
      [
        HEADER,
        'ALL-1,all-one,All One,5,cream,topical,cosmetic,,active,',
        'ALL-2,held-slug,All Two,5,cream,topical,cosmetic,,active,',
        'HOLD-1,new-held-slug,Held,5,cream,topical,cosmetic,,active,',
      ].join('\n'),
    );
    const errors = await rowErrorsOf(importProductsCsv(store.ctx, path));
    expect(errors).toEqual([{ line: 3, message: 'Another product already uses this slug.' }]);
    expect(await productCount(store)).toBe(before);
    const [all] = await store.ctx.db.select().from(products).where(eq(products.sku, 'ALL-1'));
    expect(all).toBeUndefined();
  });

  it('refuses a file that is not UTF-8, too large, or has missing or unknown columns', async () => {
    const before = await productCount(store);
    const latin1 = Buffer.from(`${HEADER}\nENC-1,enc-one,Cr\xe8me,5,cream,topical,cosmetic,,active,\n`, 'latin1');
    expect(await fileErrorOf(importProductsCsv(store.ctx, csvFile(latin1)))).toContain('is not UTF-8');

    const missing = csvFile('sku,slug,name,price,form,route\nM-1,m-one,M,5,cream,topical\n');
    expect(await fileErrorOf(importProductsCsv(store.ctx, missing))).toContain(
      'missing required column "regulatory_status"',
    );
    const unknown = csvFile(`${HEADER},colour\nU-1,u-one,U,5,cream,topical,cosmetic,,active,,red\n`);
    expect(await fileErrorOf(importProductsCsv(store.ctx, unknown))).toContain('unknown column "colour"');

    const large = csvFile(`${HEADER}\n`);
    truncateSync(large, 50 * 1024 * 1024 + 1);
    expect(await fileErrorOf(importProductsCsv(store.ctx, large))).toContain('may be at most 50 MB');
    expect(await productCount(store)).toBe(before);
  });

  it('neutralises formulas on export and restores the cells exactly on import', async () => {
    const product = await createTestProduct(store.ctx, {
      sku: 'FORM-1',
      slug: 'formula-product',
      name: '=HYPERLINK("http://bad.test","click")',
      summary: "'=1+1 stays as written",
      brand: '@brand',
      directions: '-2 drops, then +1',
      sideEffects: ['+ tingling', 'Redness'],
    });
    const { text } = await exportProductsCsv(store.ctx.db);
    const line = text.split('\n').find((l) => l.startsWith('FORM-1,'))!;
    expect(line).toContain(`"'=HYPERLINK(""http://bad.test"",""click"")"`);
    expect(line).toContain("''=1+1 stays as written");
    expect(line).toContain("'@brand");
    expect(text).toContain("'-2 drops, then +1");
    expect(text).toContain('"\'+ tingling\nRedness"');
    expect(readFileSync(csvFile(text), 'utf8')).toBe(text);

    await store.ctx.db.update(products).set({ name: 'Changed' }).where(eq(products.id, product.id));
    await importProductsCsv(store.ctx, csvFile(text));
    const [row] = await store.ctx.db.select().from(products).where(eq(products.id, product.id));
    expect(row).toMatchObject({
      name: '=HYPERLINK("http://bad.test","click")',
      summary: "'=1+1 stays as written",
      brand: '@brand',
      directions: '-2 drops, then +1',
      sideEffects: ['+ tingling', 'Redness'],
    });
  });

  it('shows rows done, rate and time left on a terminal, and nothing otherwise', () => {
    let clock = 0;
    const written: string[] = [];
    const tty = progressLine({ isTTY: true, write: (t: string) => written.push(t) }, () => clock);
    clock = 1000;
    tty.show({ phase: 'writing', done: 100, total: 400 });
    clock = 2000;
    tty.show({ phase: 'writing', done: 200, total: 400 });
    tty.finish();
    expect(written[0]).toBe('\rWriting: 100 of 400 rows, 100 rows/s, about 3 s left ');
    expect(written.at(-1)).toBe('\n');
    const plain: string[] = [];
    const log = progressLine({ isTTY: false, write: (t: string) => plain.push(t) }, () => clock);
    log.show({ phase: 'writing', done: 400, total: 400 });
    log.finish();
    expect(plain).toEqual([]);
  });
});
