import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '#src/db/client.ts';
import { migrateDatabase } from '#src/db/migrate.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { slowTestMs } from '#test/support/timeouts.ts';
import { runAdminCreate } from './admin-command.ts';
import { AdminUsageError } from './admin-usage.ts';
import { auditLog, staffUsers } from './schema.ts';

const run = promisify(execFile);
const PASSWORD = 'amber-crane-window-19';
let store: TestStore;

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
});

afterAll(async () => {
  await store?.close();
});

describe('medstore admin create', () => {
  it('creates an owner by default, recorded in the audit log as the command line', async () => {
    const line = await runAdminCreate(store.ctx.db, {
      email: ' Lead@Example.com ',
      password: PASSWORD,
      name: 'Ana Silva',
    });
    expect(line).toBe('Created owner lead@example.com. Sign in at /admin/login.');
    const [staff] = await store.ctx.db.select().from(staffUsers).where(eq(staffUsers.email, 'lead@example.com'));
    expect(staff).toMatchObject({ role: 'owner', name: 'Ana Silva', isActive: true });
    expect(staff!.passwordHash).toMatch(/^\$argon2id\$/);
    const [entry] = await store.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, staff!.id));
    expect(entry).toMatchObject({ action: 'staff.create', actorEmail: 'command line' });
    expect(JSON.stringify(entry!.after)).not.toContain('argon2');
  });

  it('refuses a weak password, a taken email, a bad role and missing options, creating nothing', async () => {
    const db = store.ctx.db;
    await expect(runAdminCreate(db, { email: 'a@example.com', password: 'short' })).rejects.toThrow(
      /at least 10 characters/,
    );
    await expect(runAdminCreate(db, { email: 'a@example.com', password: 'password123' })).rejects.toThrow(/too common/);
    await expect(runAdminCreate(db, { email: 'lead@example.com', password: PASSWORD })).rejects.toThrow(
      /already exists/,
    );
    await expect(runAdminCreate(db, { email: 'a@example.com', password: PASSWORD, role: 'root' })).rejects.toThrow(
      'Unknown role "root": choose owner, admin or staff.',
    );
    await expect(runAdminCreate(db, { email: 'not-an-email', password: PASSWORD })).rejects.toThrow(/email address/);
    await expect(runAdminCreate(db, { password: PASSWORD })).rejects.toThrow(AdminUsageError);
    expect(await db.select().from(staffUsers)).toHaveLength(1);
  });

  it(
    'runs from the command line against a fresh data folder, and explains its failures',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'medstore-cli-'));
      const env = { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
      const cli = (...args: string[]) => run(process.execPath, ['src/cli.ts', 'admin', 'create', ...args], { env });
      try {
        const ok = await cli('--email', 'desk@example.com', '--password', PASSWORD, '--role', 'staff');
        expect(ok.stdout).toBe('Created staff desk@example.com. Sign in at /admin/login.\n');
        const again = await cli('--email', 'desk@example.com', '--password', PASSWORD).catch(
          (e: { code: number; stderr: string }) => e,
        );
        expect(again).toMatchObject({
          code: 1,
          stderr: 'medstore: A staff account with the email desk@example.com already exists.\n',
        });
        const usage = await cli('--email', 'x@example.com').catch((e: { code: number; stderr: string }) => e);
        expect(usage).toMatchObject({ code: 2 });
        expect((usage as { stderr: string }).stderr).toContain('Missing --password.');
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    slowTestMs(60_000),
  );

  it(
    'refuses to run beside a process that has the same data folder open, which would lose its writes',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'medstore-cli-'));
      const env = { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
      const cli = () =>
        run(
          process.execPath,
          ['src/cli.ts', 'admin', 'create', '--email', 'late@example.com', '--password', PASSWORD],
          {
            env,
          },
        );
      // This process stands for a running store.
      const running = await openDatabase({ dataDir });
      try {
        await migrateDatabase(running);
        const refused = await cli().catch((e: { code: number; stderr: string }) => e);
        expect(refused).toMatchObject({ code: 1 });
        expect((refused as { stderr: string }).stderr).toContain(`pid ${process.pid}`);
        expect((refused as { stderr: string }).stderr).toContain('stop that process first');
        expect(await running.db.select().from(staffUsers)).toEqual([]);
      } finally {
        await running.close();
      }
      const ok = await cli();
      expect(ok.stdout).toBe('Created owner late@example.com. Sign in at /admin/login.\n');
      rmSync(dataDir, { recursive: true, force: true });
    },
    slowTestMs(60_000),
  );
});
