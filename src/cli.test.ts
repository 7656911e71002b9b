import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const execFileAsync = promisify(execFile);
type Outcome = { code: number; stdout: string; stderr: string };

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'medstore-cli-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs `medstore` as a newcomer would, with only the environment given here. */
async function medstore(args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  const fullEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, ...env };
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, ['bin/medstore.js', ...args], { env: fullEnv });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the medstore command', () => {
  it('lists its commands with --help', async () => {
    const help = await medstore(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['start', 'migrate', 'seed', 'admin create']) expect(help.stdout).toContain(command);
  });

  it('names an unknown command and points to --help', async () => {
    const result = await medstore(['serve']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown command "serve"');
    expect(result.stderr).toContain('--help');
  });

  it('stops on an invalid setting, naming the variable', async () => {
    const result = await medstore(['migrate'], { PORT: 'eighty' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PORT');
    const production = await medstore(['migrate'], { NODE_ENV: 'production' });
    expect(production.code).toBe(1);
    expect(production.stderr).toContain('SESSION_SECRET');
    const proxy = await medstore(['migrate'], { TRUST_PROXY: 'yes' });
    expect(proxy.code).toBe(1);
    expect(proxy.stderr).toContain('TRUST_PROXY: "yes" is not an IP address or CIDR range');
  });

  it('says plainly when the database cannot be reached', async () => {
    const result = await medstore(['migrate'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/medstore' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Cannot reach the database given by DATABASE_URL');
    expect(result.stderr).not.toContain('    at ');
  });

  it('loads the demo store once: a second seed changes nothing', async () => {
    const first = await medstore(['seed'], { LOG_LEVEL: 'silent' });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/"products":(1[2-9]|[2-9]\d)/);
    const second = await medstore(['seed'], { LOG_LEVEL: 'silent' });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('{"settings":0,"categories":0,"products":0,"articles":0}');
  }, 60_000);
});
