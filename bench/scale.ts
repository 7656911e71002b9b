import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { BENCH_CONNECTIONS, type Measurement, measure } from './measure.ts';
import { type ServerProcess, startServerProcess } from './processes.ts';
import { type DatabaseKind, pad } from './report.ts';
import { prepareScaleDatabase, type ScaleDatabase } from './scale-database.ts';
import { type Latency, timeEach } from './scale-latency.ts';
import type { ScaleOptions } from './scale-options.ts';
import { SCALE_TARGETS, type ScaleTarget, seededRandom } from './scale-targets.ts';
import { npmStartArgs, startStoreProcess } from './store-process.ts';

/**
 * `npm run bench --scale`: the catalogue at 100,000 products and 10,000 articles, on PostgreSQL and on PGlite.
 * Each page is timed uncached, one request after another (every address differs, so the page cache answers none),
 * and then cached, loaded with 50 connections against the bare node:http server as the demo bench does.
 */
const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const SAMPLES = Number(process.env.BENCH_SCALE_SAMPLES ?? 300);
const WARM_UP_SAMPLES = Number(process.env.BENCH_SCALE_WARM_UP ?? 30);
const CACHED_SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
// The cached run cycles through this many of the pages the uncached run stored.
const CACHED_PAGES = 50;
// Seeding 100,000 products on PGlite takes minutes; the run still ends by itself however it goes.
const DEADLINE_MS = 60 * 60_000;

export type ScaleRow = {
  database: DatabaseKind;
  target: string;
  uncached: Latency;
  p95LimitMs: number;
  cached?: Measurement;
  baseline?: Measurement;
  cachedRatio?: number;
  /** The load average over the last minute when the target's run began: above 2 the machine was shared. */
  loadAverage: number;
  isPassed: boolean;
};

export type ScaleRunInfo = {
  database: DatabaseKind;
  products: number;
  articles: number;
  seedSeconds: number | null;
  startSeconds: number;
};

function loadAverageNow(): number {
  return Math.round(loadavg()[0]! * 100) / 100;
}

// The cached run: the pages the uncached run just stored, asked for in turn on 50 connections.
async function measureCached(storeUrl: string, paths: string[]): Promise<Measurement> {
  let next = 0;
  const instance = autocannon({
    url: storeUrl,
    connections: BENCH_CONNECTIONS,
    duration: CACHED_SECONDS,
    maxOverallRequests: 2_000_000,
    timeout: 5,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
  });
  const guard = setTimeout(() => instance.stop(), (CACHED_SECONDS + 5) * 1000);
  try {
    const r = await instance;
    return {
      reqPerSec: Math.round(r.requests.average),
      p50Ms: r.latency.p50,
      p99Ms: r.latency.p99,
      requests: r.requests.total,
      non2xx: r.non2xx,
      errors: r.errors,
    };
  } finally {
    clearTimeout(guard);
  }
}

async function signInStaff(storeUrl: string, staff: ScaleDatabase['staff']): Promise<Record<string, string>> {
  const res = await fetch(`${storeUrl}/api/admin/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(staff),
  });
  if (res.status !== 201) throw new Error(`staff sign-in answered ${res.status}: ${await res.text()}`);
  const { token } = (await res.json()) as { token: string };
  return { authorization: `Bearer ${token}` };
}

async function benchTarget(
  o: { db: ScaleDatabase; store: ServerProcess; baseline: ServerProcess; staffHeaders: Record<string, string> },
  target: ScaleTarget,
): Promise<ScaleRow> {
  const random = seededRandom(17);
  const paths = target.paths(o.db, WARM_UP_SAMPLES + SAMPLES, random);
  const headers = target.isStaff ? o.staffHeaders : {};
  const loadAverage = loadAverageNow();
  process.stdout.write(`  ${o.db.kind}: ${target.name} (load ${loadAverage}) ...`);
  // The first requests compile the code paths and fill PostgreSQL's buffers; they are not what is measured.
  await timeEach(
    paths.slice(0, WARM_UP_SAMPLES).map((p) => o.store.url + p),
    headers,
  );
  const measured = paths.slice(WARM_UP_SAMPLES);
  const uncached = await timeEach(
    measured.map((p) => o.store.url + p),
    headers,
  );
  const row: ScaleRow = {
    database: o.db.kind,
    target: target.name,
    uncached,
    p95LimitMs: target.p95LimitMs,
    loadAverage,
    isPassed: uncached.failures === 0 && uncached.cacheHits === 0 && uncached.p95Ms < target.p95LimitMs,
  };
  process.stdout.write(` uncached p50 ${uncached.p50Ms} ms, p95 ${uncached.p95Ms} ms, p99 ${uncached.p99Ms} ms`);
  if (uncached.firstFailure) process.stdout.write(` (${uncached.failures} failed: ${uncached.firstFailure})`);
  if (target.isCacheable) {
    const baseline = await measure(`${o.baseline.url}/`, CACHED_SECONDS);
    const cached = await measureCached(o.store.url, measured.slice(0, CACHED_PAGES));
    row.baseline = baseline;
    row.cached = cached;
    row.cachedRatio = baseline.reqPerSec > 0 ? Math.round((cached.reqPerSec / baseline.reqPerSec) * 100) / 100 : 0;
    row.isPassed &&= cached.non2xx === 0 && cached.errors === 0;
    process.stdout.write(`; cached ${cached.reqPerSec} req/s, ${row.cachedRatio}x`);
  }
  process.stdout.write('\n');
  return row;
}

async function benchDatabase(
  kind: DatabaseKind,
  options: ScaleOptions,
  baseline: ServerProcess,
): Promise<{ info: ScaleRunInfo; rows: ScaleRow[] }> {
  const db = await prepareScaleDatabase(kind, { products: options.products, isFresh: options.isFresh });
  const started = performance.now();
  const store = await startStoreProcess({
    name: `store on ${kind}`,
    args: npmStartArgs(),
    env: db.env,
    // Migrations that build indexes over 100,000 rows run at start.
    timeoutMs: 10 * 60_000,
  });
  const startSeconds = Math.round((performance.now() - started) / 100) / 10;
  process.stdout.write(
    `  ${kind}: ${db.products} products, ${db.articles} articles; store started in ${startSeconds} s\n`,
  );
  const rows: ScaleRow[] = [];
  try {
    const staffHeaders = await signInStaff(store.url, db.staff);
    for (const target of SCALE_TARGETS) rows.push(await benchTarget({ db, store, baseline, staffHeaders }, target));
  } finally {
    await store.stop();
  }
  const info = {
    database: kind,
    products: db.products,
    articles: db.articles,
    seedSeconds: db.seedSeconds,
    startSeconds,
  };
  return { info, rows };
}

/** The results as a fixed-width table for the terminal. */
export function formatScaleTable(rows: ScaleRow[]): string {
  const header = [
    pad('database', 9, true),
    pad('page', 26, true),
    pad('p50 ms', 7),
    pad('p95 ms', 7),
    pad('p99 ms', 7),
    pad('target', 9),
    pad('cached/s', 9),
    pad('ratio', 6),
    pad('load', 5),
    ' result',
  ].join(' ');
  const lines = rows.map((r) =>
    [
      pad(r.database, 9, true),
      pad(r.target, 26, true),
      pad(r.uncached.p50Ms, 7),
      pad(r.uncached.p95Ms, 7),
      pad(r.uncached.p99Ms, 7),
      pad(`< ${r.p95LimitMs}`, 9),
      pad(r.cached?.reqPerSec ?? '-', 9),
      pad(r.cachedRatio?.toFixed(2) ?? '-', 6),
      pad(r.loadAverage.toFixed(1), 5),
      ` ${r.isPassed ? 'PASS' : `FAIL${r.uncached.failures ? ` (${r.uncached.failures} failed)` : ''}${r.uncached.cacheHits ? ` (${r.uncached.cacheHits} cached)` : ''}`}`,
    ].join(' '),
  );
  return [header, '-'.repeat(header.length), ...lines].join('\n');
}

function writeResults(o: { startedAt: Date; options: ScaleOptions; runs: ScaleRunInfo[]; rows: ScaleRow[] }): string {
  const dir = join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `scale-${o.startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  const machine = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown' };
  const settings = {
    products: o.options.products,
    samples: SAMPLES,
    warmUpSamples: WARM_UP_SAMPLES,
    uncached: 'one request at a time, each address different (an ignored ref= parameter), X-Cache checked',
    cached: { connections: BENCH_CONNECTIONS, seconds: CACHED_SECONDS, pages: CACHED_PAGES },
  };
  const body = { startedAt: o.startedAt, machine, settings, runs: o.runs, rows: o.rows };
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
  return file;
}

export async function runScaleBench(options: ScaleOptions): Promise<boolean> {
  setTimeout(() => {
    process.stderr.write(`bench: stopped after ${DEADLINE_MS / 60_000} minutes without finishing\n`);
    process.exit(2);
  }, DEADLINE_MS).unref();
  const startedAt = new Date();
  console.log(
    `medstore scale bench: ${options.products} products on ${options.databases.join(' and ')}; ` +
      `${SAMPLES} uncached requests per page, one at a time; cached runs of ${CACHED_SECONDS} s on ${BENCH_CONNECTIONS} connections`,
  );
  const baseline = await startServerProcess({
    name: 'baseline server',
    args: [join(ROOT, 'bench/baseline-server.ts')],
    readUrl: (line) => (/^\d+$/.test(line) ? `http://127.0.0.1:${line}` : undefined),
    timeoutMs: 10_000,
  });
  const runs: ScaleRunInfo[] = [];
  const rows: ScaleRow[] = [];
  try {
    for (const kind of options.databases) {
      const result = await benchDatabase(kind, options, baseline);
      runs.push(result.info);
      rows.push(...result.rows);
    }
  } finally {
    await baseline.stop();
  }
  console.log(`\n${formatScaleTable(rows)}\n`);
  for (const run of runs) {
    const seeded = run.seedSeconds === null ? 'reused an earlier seed' : `seeded in ${run.seedSeconds} s`;
    console.log(
      `${run.database}: ${run.products} products, ${run.articles} articles, ${seeded}, store started in ${run.startSeconds} s`,
    );
  }
  const file = writeResults({ startedAt, options, runs, rows });
  const failed = rows.filter((r) => !r.isPassed);
  console.log(`Results written to ${file}`);
  console.log(failed.length ? `${failed.length} target(s) missed.` : 'Every target met.');
  return failed.length === 0;
}
