import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client.ts';
import { DataDirInUseError } from './data-dir-lock.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'medstore-lock-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the embedded database of a data folder', () => {
  it('is opened by one process at a time, and free again once closed', async () => {
    const first = await openDatabase({ dataDir });
    expect(readFileSync(join(dataDir, 'db.lock'), 'utf8').trim()).toBe(String(process.pid));
    await expect(openDatabase({ dataDir })).rejects.toThrow(DataDirInUseError);
    await expect(openDatabase({ dataDir })).rejects.toThrow(/has the database in .* open\. .*stop that process first/);
    await first.db.execute(sql`create table kept (n int)`);
    await first.close();

    const again = await openDatabase({ dataDir });
    const { rows } = await again.db.execute(sql`select count(*)::int as n from kept`);
    expect(rows).toEqual([{ n: 0 }]);
    await again.close();
  }, 30_000);

  it('takes over a lock left by a process that has ended', async () => {
    writeFileSync(join(dataDir, 'db.lock'), '999999999\n');
    const database = await openDatabase({ dataDir });
    expect(readFileSync(join(dataDir, 'db.lock'), 'utf8').trim()).toBe(String(process.pid));
    await database.close();
  }, 30_000);
});
