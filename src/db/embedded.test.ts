import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { slowTestMs } from '#test/support/timeouts.ts';
import { openDatabase } from './client.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function newDataDir(): string {
  dirs.push(mkdtempSync(join(tmpdir(), 'medstore-embedded-')));
  return dirs.at(-1)!;
}

describe('a new embedded data folder', () => {
  it(
    'starts with the whole schema, each folder with a database of its own',
    async () => {
      const first = await openDatabase({ dataDir: newDataDir() });
      const second = await openDatabase({ dataDir: newDataDir() });
      try {
        for (const database of [first, second]) {
          // Before any migration runs: the folder was made from a migrated empty store.
          const { rows } = await database.db.execute(sql`select to_regclass('products') is not null as found`);
          expect(rows).toEqual([{ found: true }]);
        }
        await first.db.execute(sql`create table only_here (n int)`);
        const { rows } = await second.db.execute(sql`select to_regclass('only_here') is not null as found`);
        expect(rows).toEqual([{ found: false }]);
      } finally {
        await first.close();
        await second.close();
      }
    },
    slowTestMs(60_000),
  );
});
