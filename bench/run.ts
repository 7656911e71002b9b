import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCheckout, benchRace, RACE_BUYERS, RACE_UNITS, stockForCheckout } from './checkout.ts';
import { assertCartCounted, assertSignedIn, cartPageCookies, signInBenchCustomer, startBenchCart } from './customer.ts';
import { BENCH_CONNECTIONS, type Measurement, measure } from './measure.ts';
import { cpuMsOf } from './process-cpu.ts';
import { type ServerProcess, startServerProcess } from './processes.ts';
import { CHECKOUT_ORDERS_PER_SECOND, type DatabaseKind, formatTable, judge, type Row } from './report.ts';
import { isScaleRun, readScaleOptions } from './scale-options.ts';
import { runStartupBench } from './startup.ts';
import { adminQuery, npmStartArgs, SERVER_URL, startStoreProcess } from './store-process.ts';
import { startWriter } from './writes.ts';

/**
 * `npm run bench`: the store on PostgreSQL and on PGlite, each loaded with the demo store, against a bare
 * node:http server in the same run. Every page's run follows a baseline run, so both see the same machine.
 */
const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const WARM_UP_SECONDS = 1;
const CHECKOUT_SECONDS = Number(process.env.BENCH_CHECKOUT_SECONDS ?? 6);
const DEADLINE_MS = 8 * 60_000;
// `BENCH_ONLY=checkout,cart` runs those parts alone (pages, cart, writes, checkout, pglite, startup), for profiling.
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : undefined;
const runs = (part: string) => !ONLY || ONLY.has(part);

const PAGES = [
  { page: 'product list', path: '/products', isAlsoSignedIn: true },
  { page: 'product page', path: '/products/pep-factor', isAlsoSignedIn: true },
  { page: 'article page', path: '/blog/exosome-hair-therapy-side-effects', isAlsoSignedIn: false },
  { page: 'search', path: '/search?q=hair+loss', isAlsoSignedIn: false },
];
// While another instance changes this product's price, the page of another product and the product list are
// read: narrow invalidation keeps the first cached, while the list must be rendered again after each write.
const WRITTEN_PRODUCT = 'hair-supplement-gummies';
const WRITES_PER_SECOND = 50;

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// A run stopped with Ctrl-C cannot drop its database on the way out; the next run drops it instead, unless the
// process that made it is still running.
async function dropAbandonedDatabases(): Promise<void> {
  const rows = await adminQuery(`SELECT datname FROM pg_database WHERE datname LIKE 'medstore\\_bench\\_%'`);
  for (const { datname } of rows) {
    const pid = Number(/^medstore_bench_(\d+)$/.exec(String(datname))?.[1]);
    if (pid && !isProcessAlive(pid)) await adminQuery(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  }
}

function startStore(database: DatabaseKind, env: Record<string, string>): Promise<ServerProcess> {
  return startStoreProcess({
    name: `store on ${database}`,
    // As `npm start` runs it, with the same Node settings; BENCH_CPU_PROF=DIR profiles the store into DIR.
    args: [
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
      ...npmStartArgs(),
    ],
    env,
    timeoutMs: 60_000,
  });
}

async function checkPages(store: ServerProcess): Promise<void> {
  for (const { path } of PAGES) {
    const res = await fetch(store.url + path);
    await res.text();
    if (res.status !== 200) throw new Error(`${store.name}: ${path} answered ${res.status}, not 200`);
  }
}

function rowOf(database: DatabaseKind, page: string, path: string, store: Measurement, baseline: Measurement): Row {
  const ratio = baseline.reqPerSec > 0 ? store.reqPerSec / baseline.reqPerSec : 0;
  return { database, page, path, store, baseline, ratio, ...judge(database, page, store, ratio) };
}

async function benchStore(database: DatabaseKind, store: ServerProcess, baseline: ServerProcess): Promise<Row[]> {
  await checkPages(store);
  // A shopper with a session: every page has their own header, filled into the page shared by everyone.
  const cookie = await signInBenchCustomer(store.url);
  // A guest with a cart: the header's count is filled in from the instance's cart summaries.
  const cartCookie = await startBenchCart(store.url, WRITTEN_PRODUCT);
  const rows: Row[] = [];
  for (const { page, path, isAlsoSignedIn } of runs('pages') ? PAGES : []) {
    process.stdout.write(`  ${database}: ${page} (${path}) ...`);
    // The first requests render and cache the page and warm the JIT; they are not what a busy store sees.
    await measure(store.url + path, WARM_UP_SECONDS);
    const base = await measure(`${baseline.url}/`, SECONDS);
    const result = await measure(store.url + path, SECONDS);
    const ratio = base.reqPerSec > 0 ? result.reqPerSec / base.reqPerSec : 0;
    rows.push({ database, page, path, store: result, baseline: base, ratio, ...judge(database, page, result, ratio) });
    process.stdout.write(` ${result.reqPerSec} req/s, p99 ${result.p99Ms} ms (baseline ${base.reqPerSec} req/s)\n`);
    if (!isAlsoSignedIn) continue;
    await assertSignedIn(store.url + path, cookie);
    const signedIn = await measure(store.url + path, SECONDS, { cookie });
    rows.push(rowOf(database, `${page}, signed in`, path, signedIn, base));
    process.stdout.write(
      `  ${database}: ${page}, signed in ... ${signedIn.reqPerSec} req/s, p99 ${signedIn.p99Ms} ms\n`,
    );
    await assertCartCounted(store.url + path, cartCookie);
    const withCart = await measure(store.url + path, SECONDS, { cookie: cartCookie });
    rows.push(rowOf(database, `${page}, with a cart`, path, withCart, base));
    process.stdout.write(
      `  ${database}: ${page}, with a cart ... ${withCart.reqPerSec} req/s, p99 ${withCart.p99Ms} ms\n`,
    );
  }
  if (!runs('cart')) return rows;
  // The cart page itself is never shared: each answer reads and prices the visitor's cart.
  const cartPageCookie = await cartPageCookies(store.url, cartCookie);
  await measure(`${store.url}/cart`, WARM_UP_SECONDS, { cookie: cartPageCookie });
  const cartBase = await measure(`${baseline.url}/`, SECONDS);
  const cartPage = await measure(`${store.url}/cart`, SECONDS, { cookie: cartPageCookie });
  rows.push(rowOf(database, 'cart page, with a cart', '/cart', cartPage, cartBase));
  process.stdout.write(
    `  ${database}: cart page, with a cart ... ${cartPage.reqPerSec} req/s, p99 ${cartPage.p99Ms} ms\n`,
  );
  return rows;
}

// Reads while another process writes, with writes narrowed to what they change and, for comparison, with each
// write emptying every cache.
async function benchUnderWrites(store: ServerProcess, baseline: ServerProcess, databaseUrl: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (const wipeEverything of [false, true]) {
    for (const { page, path } of PAGES.slice(0, 2)) {
      const name = `${page}, ${WRITES_PER_SECOND} ${wipeEverything ? 'wipes' : 'writes'}/s`;
      process.stdout.write(`  postgres: ${name} ...`);
      const base = await measure(`${baseline.url}/`, SECONDS);
      const stop = await startWriter(databaseUrl, {
        slug: WRITTEN_PRODUCT,
        perSecond: WRITES_PER_SECOND,
        wipeEverything,
      });
      const result = await measure(store.url + path, SECONDS);
      const writes = await stop();
      rows.push(rowOf('postgres', name, path, result, base));
      process.stdout.write(` ${result.reqPerSec} req/s, p99 ${result.p99Ms} ms, ${writes} writes\n`);
    }
  }
  return rows;
}

// Orders through the store API, after every read run: the orders and the emptied lots change nothing they measure.
async function benchCheckouts(store: ServerProcess, databaseUrl: string): Promise<Row[]> {
  const stock = await stockForCheckout(databaseUrl, RACE_UNITS);
  process.stdout.write(`  postgres: checkout, 50 buyers, ${stock.stocked.length} products ...`);
  // A short first run warms the JIT and the pool, as the pages' warm-up does; its orders are counted as well.
  await benchCheckout(store.url, databaseUrl, stock, WARM_UP_SECONDS);
  const cpuBefore = cpuMsOf(store.pid);
  const run = await benchCheckout(store.url, databaseUrl, stock, CHECKOUT_SECONDS);
  const cpuAfter = cpuMsOf(store.pid);
  const m = run.measurement;
  if (cpuBefore !== undefined && cpuAfter !== undefined && m.requests > 0) {
    run.details.storeCpuMsPerOrder = Math.round(((cpuAfter - cpuBefore) / m.requests) * 10) / 10;
  }
  const isFast = m.reqPerSec >= CHECKOUT_ORDERS_PER_SECOND;
  const isClean = m.non2xx === 0 && m.errors === 0 && m.requests > 0 && run.problems.length === 0;
  process.stdout.write(
    ` ${m.reqPerSec} orders/s, checkout p50 ${m.p50Ms} ms, p99 ${m.p99Ms} ms, ${JSON.stringify(run.details)}\n`,
  );
  process.stdout.write(`  postgres: checkout, ${RACE_BUYERS} buyers for ${RACE_UNITS} units ...`);
  const race = await benchRace(store.url, databaseUrl, stock);
  process.stdout.write(` ${JSON.stringify(race.details)}\n`);
  return [
    {
      database: 'postgres',
      page: 'checkout, 50 buyers (orders/s)',
      path: '/api/store/carts/{id}/checkout',
      store: m,
      ratio: 0,
      target: `>= ${CHECKOUT_ORDERS_PER_SECOND} orders/s, exact`,
      isPassed: isFast && isClean,
      details: run.details,
      problems: run.problems,
    },
    {
      database: 'postgres',
      page: `checkout, ${RACE_BUYERS} for ${RACE_UNITS} units`,
      path: '/api/store/carts/{id}/checkout',
      store: race.measurement,
      ratio: 0,
      target: `${RACE_UNITS} sold, SOLD_OUT, 0 left`,
      isPassed: race.problems.length === 0,
      details: race.details,
      problems: race.problems,
    },
  ];
}

async function runOnPostgres(baseline: ServerProcess): Promise<Row[]> {
  const name = `medstore_bench_${process.pid}`;
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  await dropAbandonedDatabases();
  await adminQuery(`CREATE DATABASE ${name}`);
  // The store keeps files other than the database (uploads) in DATA_DIR even on PostgreSQL.
  const dataDir = mkdtempSync(join(tmpdir(), 'medstore-bench-'));
  let store: ServerProcess | undefined;
  try {
    store = await startStore('postgres', { DATABASE_URL: url.toString(), DATA_DIR: dataDir });
    return [
      ...(await benchStore('postgres', store, baseline)),
      ...(runs('writes') ? await benchUnderWrites(store, baseline, url.toString()) : []),
      ...(runs('checkout') ? await benchCheckouts(store, url.toString()) : []),
    ];
  } finally {
    await store?.stop();
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function runOnPglite(baseline: ServerProcess): Promise<Row[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'medstore-bench-'));
  let store: ServerProcess | undefined;
  try {
    store = await startStore('pglite', { DATA_DIR: dataDir });
    return await benchStore('pglite', store, baseline);
  } finally {
    await store?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function writeResults(rows: Row[], startedAt: Date): string {
  const dir = join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  const machine = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown' };
  const settings = {
    connections: BENCH_CONNECTIONS,
    seconds: SECONDS,
    warmUpSeconds: WARM_UP_SECONDS,
    checkoutSeconds: CHECKOUT_SECONDS,
    ...(ONLY ? { only: [...ONLY] } : {}),
  };
  writeFileSync(file, `${JSON.stringify({ startedAt, machine, settings, rows }, null, 2)}\n`);
  return file;
}

async function main(): Promise<void> {
  // However it goes, the run ends: a hung server or database must not keep a terminal or CI job waiting.
  setTimeout(() => {
    process.stderr.write(`bench: stopped after ${DEADLINE_MS / 1000} s without finishing\n`);
    process.exit(2);
  }, DEADLINE_MS).unref();
  const startedAt = new Date();
  console.log(`medstore bench: ${BENCH_CONNECTIONS} connections, ${SECONDS} s per run, baseline before each page`);
  const baseline = await startServerProcess({
    name: 'baseline server',
    args: [join(ROOT, 'bench/baseline-server.ts')],
    readUrl: (line) => (/^\d+$/.test(line) ? `http://127.0.0.1:${line}` : undefined),
    timeoutMs: 10_000,
  });
  const rows: Row[] = [];
  try {
    rows.push(...(await runOnPostgres(baseline)));
    if (runs('pglite')) rows.push(...(await runOnPglite(baseline)));
  } finally {
    await baseline.stop();
  }
  console.log(`\n${formatTable(rows)}\n`);
  const file = writeResults(rows, startedAt);
  const failed = rows.filter((r) => !r.isPassed);
  console.log(`Results written to ${file}`);
  console.log(failed.length ? `${failed.length} target(s) missed.` : 'Every target met.');
  process.exitCode = failed.length ? 1 : 0;
  if (runs('startup') && !(await runStartupBench())) process.exitCode = 1;
}

// `npm run bench --scale` (or `npm run bench -- --scale`) measures the catalogue at 100,000 products instead.
if (isScaleRun(process.argv.slice(2), process.env)) {
  const { runScaleBench } = await import('./scale.ts');
  process.exitCode = (await runScaleBench(readScaleOptions(process.argv.slice(2), process.env))) ? 0 : 1;
} else {
  await main();
}
