import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { migratePglite, migrationsFingerprint } from './migrate.ts';

// PGlite runs PostgreSQL in WebAssembly, whose memory only grows: every buffer PostgreSQL sets up stays
// resident for the life of the process. Its defaults are a server's (128 MB of shared buffers, room for 100
// connections); here one process is the only client, of a small database (ADR 0005 has the figures).
const START_PARAMS = [
  ...PGlite.defaultStartParams,
  ...['-c', 'shared_buffers=16MB'],
  ...['-c', 'max_connections=5'],
  ...['-c', 'temp_buffers=1MB'],
  ...['-c', 'work_mem=2MB'],
  ...['-c', 'maintenance_work_mem=16MB'],
];

/**
 * How every embedded database is opened. Extensions the migrations create (pg_trgm, for search that forgives
 * typing) must be loaded each time a data folder that uses them is opened, not only when it is made.
 */
export const PGLITE_OPTIONS = { startParams: START_PARAMS, extensions: { pg_trgm } } satisfies PGliteOptions;

// Kept with the installed packages, like other tools' caches: written by the installation's own user only.
const CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/medstore/', import.meta.url));
const TEMPLATE_PREFIX = 'empty-store-';

function pgliteVersion(): string {
  const manifest = new URL('../package.json', import.meta.resolve('@electric-sql/pglite'));
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** Makes the migrated empty store a new data folder starts from, and drops those of other versions. */
async function makeTemplate(template: string): Promise<void> {
  const building = `${template}.${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(CACHE_DIR, { recursive: true });
  try {
    const pglite = await PGlite.create(building, PGLITE_OPTIONS);
    try {
      await migratePglite(pglite);
    } finally {
      await pglite.close();
    }
    // Another process may have finished first; its template is as good.
    if (!existsSync(join(template, 'PG_VERSION'))) renameSync(building, template);
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
  for (const name of readdirSync(CACHE_DIR)) {
    const path = join(CACHE_DIR, name);
    if (name.startsWith(TEMPLATE_PREFIX) && path !== template) rmSync(path, { recursive: true, force: true });
  }
}

/**
 * Gives `dir` a copy of a migrated empty store. PGlite's initdb and our migrations take seconds of CPU (initdb
 * also holds a second engine in memory for a while), yet their result is the same for every data folder of a
 * PGlite version and set of migrations: it is made once per installation and copied in a fraction of the
 * time. Without a writable cache, the folder is made in place as before.
 */
async function copyTemplate(dir: string): Promise<void> {
  const template = join(CACHE_DIR, `${TEMPLATE_PREFIX}${pgliteVersion()}-${migrationsFingerprint()}`);
  const isReady = () => existsSync(join(template, 'PG_VERSION'));
  if (!isReady()) await makeTemplate(template).catch(() => {});
  if (isReady()) cpSync(template, dir, { recursive: true });
}

/** Opens the embedded database in `dir`, creating it there when the folder is new; in memory without a dir. */
export async function openPglite(dir: string | undefined): Promise<PGlite> {
  if (dir && !existsSync(join(dir, 'PG_VERSION'))) await copyTemplate(dir);
  return PGlite.create(dir, PGLITE_OPTIONS);
}
