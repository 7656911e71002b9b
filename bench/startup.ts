import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from './measure.ts';
import type { ServerProcess } from './processes.ts';
import { type DatabaseKind, pad } from './report.ts';
import { adminQuery, npmStartArgs, SERVER_URL, startStoreProcess } from './store-process.ts';

/**
 * The start-up scenario: how long the command of `npm start` takes to answer its first /healthz, as the median
 * of several starts, and how much memory the server holds once it has served pages. `npm run bench:startup`
 * runs it alone; `npm run bench` runs it after the page scenarios.
 */
const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const STARTS = Number(process.env.BENCH_STARTS ?? 5);
const PAGE_SECONDS = 3;
// Memory after load depends on when the garbage collector last ran: the median of several starts is steadier.
const MEMORY_STARTS = Math.min(3, STARTS);
const PAGES = ['/products', '/products/pep-factor'];

export type StartupRow = {
  database: DatabaseKind;
  scenario: string;
  unit: 'ms' | 'MB';
  /** The median of `samples`. */
  value: number;
  samples: number[];
  /** At most this much; undefined for figures given for information. */
  limit: number | undefined;
  isPassed: boolean;
};

function row(
  database: DatabaseKind,
  scenario: string,
  unit: 'ms' | 'MB',
  samples: number[],
  limit?: number,
): StartupRow {
  const sorted = [...samples].sort((a, b) => a - b);
  const value = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  return { database, scenario, unit, value, samples, limit, isPassed: limit === undefined || value <= limit };
}

/** Starts the store and waits for its first 200 on /healthz; returns the process and the milliseconds taken. */
async function timeStart(env: Record<string, string>): Promise<{ store: ServerProcess; ms: number }> {
  const started = performance.now();
  const store = await startStoreProcess({ name: 'store', args: npmStartArgs(), env, timeoutMs: 120_000 });
  for (;;) {
    const res = await fetch(`${store.url}/healthz`).catch(() => undefined);
    await res?.text();
    if (res?.status === 200) return { store, ms: Math.round(performance.now() - started) };
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The resident memory of a process in MB, as the kernel counts it. */
function residentMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
  return Math.round(kilobytes / 1024);
}

/** Loads the product list and a product page for a few seconds each, then reads the server's memory. */
async function memoryAfterPages(store: ServerProcess): Promise<{ afterStart: number; afterPages: number }> {
  const afterStart = residentMegabytes(store.pid);
  for (const path of PAGES) {
    const result = await measure(store.url + path, PAGE_SECONDS);
    if (result.non2xx || result.errors) throw new Error(`${path} failed during the memory run`);
  }
  return { afterStart, afterPages: residentMegabytes(store.pid) };
}

type Memory = { afterStart: number; afterPages: number };

/** `STARTS` timed starts with the same environment; the last few also serve pages for the memory figures. */
async function timeStarts(
  env: () => Record<string, string>,
  withPages: boolean,
): Promise<{ ms: number[]; memory: Memory[] }> {
  const ms: number[] = [];
  const memory: Memory[] = [];
  for (let i = 0; i < STARTS; i++) {
    const started = await timeStart(env());
    try {
      ms.push(started.ms);
      if (withPages && i >= STARTS - MEMORY_STARTS) memory.push(await memoryAfterPages(started.store));
    } finally {
      await started.store.stop();
    }
  }
  return { ms, memory };
}

function memoryRows(database: DatabaseKind, limit: number, memory: Memory[]): StartupRow[] {
  if (memory.length === 0) return [];
  return [
    row(
      database,
      'RSS after start',
      'MB',
      memory.map((m) => m.afterStart),
    ),
    row(
      database,
      'RSS after pages',
      'MB',
      memory.map((m) => m.afterPages),
      limit,
    ),
  ];
}

async function onPostgres(): Promise<StartupRow[]> {
  const name = `medstore_bench_startup_${process.pid}`;
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'medstore-bench-'));
  await adminQuery(`DROP DATABASE IF EXISTS ${name}`);
  await adminQuery(`CREATE DATABASE ${name}`);
  try {
    const env = () => ({ DATABASE_URL: url.toString(), DATA_DIR: dataDir });
    // The first start migrates and seeds; the timed ones find a database ready, as a restart does.
    await (await timeStart(env())).store.stop();
    const { ms, memory } = await timeStarts(env, true);
    return [row('postgres', 'start (migrated, seeded)', 'ms', ms, 1000), ...memoryRows('postgres', 150, memory)];
  } finally {
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function onPglite(): Promise<StartupRow[]> {
  const dirs: string[] = [];
  const freshDir = () => {
    dirs.push(mkdtempSync(join(tmpdir(), 'medstore-bench-')));
    return { DATA_DIR: dirs.at(-1)! };
  };
  try {
    const fresh = await timeStarts(freshDir, false);
    const reopened = await timeStarts(() => ({ DATA_DIR: dirs.at(-1)! }), true);
    return [
      row('pglite', 'start (fresh data dir)', 'ms', fresh.ms, 2500),
      row('pglite', 'start (reopen data dir)', 'ms', reopened.ms, 1500),
      ...memoryRows('pglite', 400, reopened.memory),
    ];
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

/** The results as a fixed-width table for the terminal. */
export function formatStartupTable(rows: StartupRow[]): string {
  const header = [
    pad('database', 9, true),
    pad('start-up scenario', 25, true),
    pad('median', 9),
    `  ${pad('samples', 36, true)}`,
    pad('target', 10, true),
    'result',
  ].join(' ');
  const lines = rows.map((r) =>
    [
      pad(r.database, 9, true),
      pad(r.scenario, 25, true),
      pad(`${r.value} ${r.unit}`, 9),
      `  ${pad(r.samples.join(' '), 36, true)}`,
      pad(r.limit === undefined ? '(info)' : `<= ${r.limit} ${r.unit}`, 10, true),
      r.isPassed ? 'PASS' : 'FAIL',
    ].join(' '),
  );
  return [header, '-'.repeat(header.length), ...lines].join('\n');
}

/** Runs the start-up scenario on both databases, prints and saves its table; true when every target is met. */
export async function runStartupBench(): Promise<boolean> {
  const startedAt = new Date();
  console.log(
    `\nmedstore start-up bench: median of ${STARTS} starts; memory of ${MEMORY_STARTS}, after ${PAGE_SECONDS} s per page`,
  );
  const rows = [...(await onPostgres()), ...(await onPglite())];
  console.log(`\n${formatStartupTable(rows)}\n`);
  const dir = join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${startedAt.toISOString().replace(/[:.]/g, '-')}-startup.json`);
  const machine = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown' };
  writeFileSync(file, `${JSON.stringify({ startedAt, machine, starts: STARTS, rows }, null, 2)}\n`);
  const failed = rows.filter((r) => !r.isPassed);
  console.log(`Start-up results written to ${file}`);
  console.log(failed.length ? `${failed.length} start-up target(s) missed.` : 'Every start-up target met.');
  return failed.length === 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // However it goes, the run ends: a store that never answers must not keep a terminal or CI job waiting.
  setTimeout(() => {
    process.stderr.write('bench: the start-up scenario stopped after 10 minutes without finishing\n');
    process.exit(2);
  }, 10 * 60_000).unref();
  process.exitCode = (await runStartupBench()) ? 0 : 1;
}
