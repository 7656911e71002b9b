import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Pool } from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { nameStatementsOf } from './named-statements.ts';

// Each driver, and drizzle's adapter for it, is imported only when it is used: a store on PostgreSQL never
// loads the embedded engine, and the other way round.

// Both drivers expose the same query builder; the node-postgres type stands for both so that domain code
// is written once. Results of `execute()` carry `.rows` in either case.
export type Db = NodePgDatabase<Record<string, never>>;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs LISTEN/NOTIFY-free work on PGlite; on PostgreSQL a pool of connections. */
  pool: Pool | undefined;
  pglite: PGlite | undefined;
  close(): Promise<void>;
};

export type DatabaseOptions = {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  pglite?: PGlite;
  /** Told when an idle pooled connection breaks (server restart, failover); the pool replaces it. */
  onConnectionError?: (err: Error) => void;
};

/** Opens PostgreSQL when a URL is given, otherwise PGlite in `dataDir/db` (or in memory without a dataDir). */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const [{ default: pg }, { drizzle: drizzlePg }] = await Promise.all([
      import('pg'),
      import('drizzle-orm/node-postgres'),
    ]);
    // JIT compiling is for long reports: on the store's short queries it cost more than it saved, 100 ms and more
    // on a list whose estimate crossed jit_above_cost at 100,000 products (docs/decisions/0017-catalogue-at-scale.md).
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10, options: '-c jit=off' });
    pool.on('connect', nameStatementsOf);
    // Without a listener, a connection the server closes while idle would crash the process.
    pool.on('error', options.onConnectionError ?? (() => {}));
    // Fail fast with the driver's own message when the server cannot be reached.
    const client = await pool.connect();
    client.release();
    const db = drizzlePg(pool, { casing: 'snake_case' }) as Db;
    return { db, kind: 'postgres', pool, pglite: undefined, close: () => pool.end() };
  }
  const { drizzle: drizzlePglite } = await import('drizzle-orm/pglite');
  let pglite = options.pglite;
  let release = () => {};
  if (!pglite) {
    const { openPglite } = await import('./embedded.ts');
    let dir: string | undefined;
    if (options.dataDir) {
      // PGlite does not create parent directories.
      mkdirSync(options.dataDir, { recursive: true });
      dir = join(options.dataDir, 'db');
      release = lockDataDir(options.dataDir);
    }
    try {
      pglite = await openPglite(dir);
    } catch (err) {
      release();
      throw err;
    }
  }
  const db = drizzlePglite(pglite, { casing: 'snake_case' }) as unknown as Db;
  const instance = pglite;
  const close = async () => {
    try {
      await instance.close();
    } finally {
      release();
    }
  };
  return { db, kind: 'pglite', pool: undefined, pglite: instance, close };
}
