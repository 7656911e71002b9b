import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { type Database, openDatabase } from '#src/db/client.ts';
import { createStaff } from '#src/staff/service.ts';
import type { DatabaseKind } from './report.ts';
import { adminQuery, SERVER_URL } from './store-process.ts';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

/** A database loaded with the catalogue at scale, and what the bench needs to read from it. */
export type ScaleDatabase = {
  kind: DatabaseKind;
  /** The settings that point the store at it. */
  env: Record<string, string>;
  products: number;
  articles: number;
  /** Seconds `medstore seed --scale` took in this run; null when the database had the data already. */
  seedSeconds: number | null;
  /** Active products' slugs in random order: each product page is asked for once. */
  productSlugs: string[];
  /** Categories that hold products, directly or below them. */
  categorySlugs: string[];
  /** An admin account made for this run, to search products as staff do. */
  staff: { email: string; password: string };
};

// Where each database lives, named by its size so that a quick run with fewer products never replaces the large one.
function pgliteDirOf(products: number): string {
  return join(tmpdir(), `medstore-scale-pglite-${products}`);
}

function postgresNameOf(products: number): string {
  return `medstore_scale_${products}`;
}

function postgresUrlOf(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function countRows(database: Database): Promise<{ products: number; articles: number }> {
  const { rows } = await database.db.execute<{ products: number | null; articles: number | null }>(sql`
    select
      case when to_regclass('products') is null then 0
        else (select count(*)::int from products where sku like 'SCL-%') end as products,
      case when to_regclass('articles') is null then 0 else (select count(*)::int from articles) end as articles`);
  return { products: Number(rows[0]?.products ?? 0), articles: Number(rows[0]?.articles ?? 0) };
}

async function withDatabase<T>(env: Record<string, string>, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

/** Runs `medstore seed --scale N` as an operator would, with its progress bar on this terminal; returns seconds. */
async function seed(env: Record<string, string>, products: number): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'bin/medstore.js'), 'seed', '--scale', String(products)], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`medstore seed --scale ${products} exited with code ${code}`);
  return Math.round((performance.now() - started) / 100) / 10;
}

async function readSamples(database: Database): Promise<Pick<ScaleDatabase, 'productSlugs' | 'categorySlugs'>> {
  const slugs = await database.db.execute<{ slug: string }>(
    sql`select slug from products where status = 'active' order by random() limit 2000`,
  );
  const categories = await database.db.execute<{ slug: string }>(sql`
    select c.slug from categories c
    where exists (select 1 from products p where p.category_id = c.id and p.status = 'active')
       or exists (select 1 from categories child join products p on p.category_id = child.id
                  where child.parent_id = c.id and p.status = 'active')
    order by c.slug`);
  return { productSlugs: slugs.rows.map((r) => r.slug), categorySlugs: categories.rows.map((r) => r.slug) };
}

/**
 * The database for `kind` with `products` generated products and a tenth as many articles: reused when an earlier
 * run left it with exactly that data, else (or with `isFresh`) made and seeded anew.
 */
export async function prepareScaleDatabase(
  kind: DatabaseKind,
  o: { products: number; isFresh: boolean },
): Promise<ScaleDatabase> {
  let env: Record<string, string>;
  if (kind === 'postgres') {
    const name = postgresNameOf(o.products);
    if (o.isFresh) await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    const found = await adminQuery(`SELECT 1 FROM pg_database WHERE datname = '${name}'`);
    if (found.length === 0) await adminQuery(`CREATE DATABASE ${name}`);
    // Uploads live in DATA_DIR even on PostgreSQL.
    const dataDir = join(tmpdir(), `medstore-scale-files-${o.products}`);
    mkdirSync(dataDir, { recursive: true });
    env = { DATABASE_URL: postgresUrlOf(name), DATA_DIR: dataDir };
  } else {
    const dataDir = pgliteDirOf(o.products);
    if (o.isFresh) rmSync(dataDir, { recursive: true, force: true });
    env = { DATA_DIR: dataDir };
  }
  const isNew = kind === 'pglite' && !existsSync(join(env.DATA_DIR!, 'db'));
  const before = isNew ? { products: 0, articles: 0 } : await withDatabase(env, countRows);
  let seedSeconds: number | null = null;
  if (before.products !== o.products) {
    if (before.products > o.products) {
      throw new Error(
        `${kind}: the scale database has ${before.products} products, more than ${o.products}; run with --fresh`,
      );
    }
    process.stdout.write(`  ${kind}: seeding ${o.products} products and ${Math.floor(o.products / 10)} articles ...\n`);
    seedSeconds = await seed(env, o.products);
    process.stdout.write(`  ${kind}: seeded in ${seedSeconds} s\n`);
  } else process.stdout.write(`  ${kind}: reusing the database seeded by an earlier run\n`);
  const staff = {
    email: `scale-${randomBytes(4).toString('hex')}@example.com`,
    password: `amber harbour ${randomBytes(6).toString('hex')}`,
  };
  return withDatabase(env, async (database) => {
    const counts = await countRows(database);
    await createStaff(database.db, null, { ...staff, role: 'admin', name: 'Scale Bench' });
    return { kind, env, ...counts, seedSeconds, ...(await readSamples(database)), staff };
  });
}
