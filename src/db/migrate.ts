import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { Database } from './client.ts';

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
// Arbitrary constant shared by every instance, so that only one of them migrates at a time.
const MIGRATION_LOCK = 72_616_001;

function readJournal(): { entries: { tag: string; when: number }[] } {
  return JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8'));
}

/** A digest of every migration: databases migrated with the same one have the same schema. */
export function migrationsFingerprint(): string {
  const digest = createHash('sha256');
  // The migrator tells applied migrations by their time, so a migration re-dated (renumbered on a merge) is new.
  for (const { tag, when } of readJournal().entries)
    digest.update(`${tag}@${when}`).update(readFileSync(`${migrationsFolder}/${tag}.sql`));
  return digest.digest('hex').slice(0, 12);
}

/**
 * True when the newest migration of the journal is recorded as applied, the case of nearly every start. drizzle's
 * migrator reads and hashes every migration file and runs DDL and a transaction even when nothing is pending;
 * this reads the journal and the last applied migration, and applies drizzle's own rule (a migration is pending
 * when it is newer than the last one applied).
 */
async function isUpToDate(database: Database): Promise<boolean> {
  const newest = Math.max(0, ...readJournal().entries.map((entry) => entry.when));
  const table = await database.db.execute<{ found: boolean }>(
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as found`,
  );
  if (!table.rows[0]?.found) return false;
  const applied = await database.db.execute<{ last: string | number | null }>(
    sql`select max(created_at) as last from drizzle.__drizzle_migrations`,
  );
  return Number(applied.rows[0]?.last ?? 0) >= newest;
}

/** Applies pending migrations to an embedded database, which only its own process can have open. */
export async function migratePglite(pglite: PGlite): Promise<void> {
  const [{ drizzle }, { migrate }] = await Promise.all([
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  await migrate(drizzle(pglite), { migrationsFolder });
}

/** Applies pending migrations; safe to call from several instances starting at once. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (await isUpToDate(database)) return;
  if (database.pglite) return migratePglite(database.pglite);
  const [{ drizzle }, { migrate }] = await Promise.all([
    import('drizzle-orm/node-postgres'),
    import('drizzle-orm/node-postgres/migrator'),
  ]);
  const client = await database.pool!.connect();
  try {
    // Another instance may have migrated since the check: drizzle's migrator checks again under the lock.
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate(drizzle(client), { migrationsFolder });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}
