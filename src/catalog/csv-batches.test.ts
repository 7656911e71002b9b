import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '#src/db/client.ts';
import { migrateDatabase } from '#src/db/migrate.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { slowTestMs } from '#test/support/timeouts.ts';
import { CsvRowsError, importProductsCsv } from './csv-import.ts';
import { UPSERT_BATCH } from './product-upsert.ts';
import { catalogSlugRedirects, products } from './schema.ts';
import { createTestProduct } from './test-factory.ts';

let store: TestStore;
let folder: string;

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  folder = mkdtempSync(join(tmpdir(), 'medstore-csv-batches-'));
});
afterAll(async () => {
  await store.close();
  rmSync(folder, { recursive: true, force: true });
});

const HEADER = 'sku,slug,name,price,form,route,regulatory_status';
const FIRST = 2500;

function csvFile(name: string, lines: string[]): string {
  const path = join(folder, name);
  writeFileSync(path, `${[HEADER, ...lines].join('\n')}\n`);
  return path;
}

const sku = (i: number) => `MB-${String(i).padStart(5, '0')}`;
const row = (i: number, price: string, slug = `multi-${i}`) =>
  `${sku(i)},${slug},Multi ${i},${price},cream,topical,cosmetic`;

async function multiCount(): Promise<number> {
  const [row] = await store.ctx.db.select({ n: count() }).from(products).where(like(products.sku, 'MB-%'));
  return row!.n;
}

async function priceOf(i: number): Promise<number | undefined> {
  const [found] = await store.ctx.db
    .select()
    .from(products)
    .where(eq(products.sku, sku(i)));
  return found?.priceCents;
}

describe('a products import of several batches', () => {
  it(
    'is undone as a whole when a row of a late batch fails, and counts creates, updates and unchanged rows',
    async () => {
      expect(FIRST).toBeGreaterThan(2 * UPSERT_BATCH);
      const first = csvFile(
        'first.csv',
        Array.from({ length: FIRST }, (_, n) => row(n + 1, '10.00')),
      );
      expect(await importProductsCsv(store.ctx, first)).toEqual({
        rows: FIRST,
        created: FIRST,
        updated: 0,
        unchanged: 0,
      });

      const held = await createTestProduct(store.ctx, { sku: 'MB-HOLD', slug: 'multi-held' });
      // Every other known product gets a new price, 500 products are new, and in the last batch a new product takes
      // the slug MB-HOLD gives up only on the row after it: that row fails when it is written, not when checked.
      const known = Array.from({ length: FIRST }, (_, n) => row(n + 1, n % 2 === 0 ? '12.50' : '10.00'));
      const added = Array.from({ length: 500 }, (_, n) => row(FIRST + n + 1, '7.00'));
      const taker = row(9999, '5.00', 'multi-held');
      const holder = `MB-HOLD,multi-held-renamed,${held.name},5.00,cream,topical,cosmetic`;
      const failing = csvFile('failing.csv', [...known, ...added, taker, holder]);
      const err = await importProductsCsv(store.ctx, failing).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(CsvRowsError);
      // The header is line 1: the taker's row is line 2 + its index.
      expect((err as CsvRowsError).errors).toEqual([
        { line: 2 + known.length + added.length, message: 'Another product already uses this slug.' },
      ]);
      expect(await multiCount()).toBe(FIRST + 1);
      expect(await priceOf(1)).toBe(1000);
      expect(await priceOf(FIRST + 1)).toBeUndefined();
      const [stillHeld] = await store.ctx.db.select().from(products).where(eq(products.id, held.id));
      expect(stillHeld!.slug).toBe('multi-held');

      // With the holder's row first, the same changes go through, each counted once.
      const passing = csvFile('passing.csv', [...known, ...added, holder, taker]);
      expect(await importProductsCsv(store.ctx, passing)).toEqual({
        rows: FIRST + 502,
        created: 501,
        updated: FIRST / 2 + 1,
        unchanged: FIRST / 2,
      });
      expect(await multiCount()).toBe(FIRST + 502);
      expect([await priceOf(1), await priceOf(2), await priceOf(FIRST + 500)]).toEqual([1250, 1000, 700]);
      const [renamed] = await store.ctx.db.select().from(products).where(eq(products.id, held.id));
      expect(renamed!.slug).toBe('multi-held-renamed');
      const redirects = await store.ctx.db
        .select()
        .from(catalogSlugRedirects)
        .where(and(eq(catalogSlugRedirects.kind, 'product'), eq(catalogSlugRedirects.targetId, held.id)));
      expect(redirects.map((r) => r.fromSlug)).toEqual(['multi-held']);
      expect(await importProductsCsv(store.ctx, passing)).toMatchObject({ updated: 0, unchanged: FIRST + 502 });
    },
    slowTestMs(120_000),
  );

  it("writes on an embedded database migrated after it was opened, as on a store's first start", async () => {
    const database = await openDatabase({});
    try {
      await migrateDatabase(database);
      const ctx = { db: database.db, cache: { announce: async () => {} } };
      const path = csvFile('fresh.csv', [
        row(1, '3.00'),
        `${sku(2)},fresh-two,"Fresh ""2"", {x}",4,serum,topical,cosmetic`,
      ]);
      expect(await importProductsCsv(ctx, path)).toMatchObject({ created: 2 });
      const rows = await database.db.select().from(products).orderBy(products.sku);
      expect(rows.map((p) => [p.name, p.form, p.status])).toEqual([
        ['Multi 1', 'cream', 'draft'],
        ['Fresh "2", {x}', 'serum', 'draft'],
      ]);
    } finally {
      await database.close();
    }
  });
});
