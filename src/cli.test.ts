import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slowTestMs } from '#test/support/timeouts.ts';
import { SETTINGS } from './settings.ts';

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

/**
 * Runs `medstore start` until it says it is serving, then stops it as Ctrl+C would, and returns what it printed
 * on standard output.
 */
async function startAndStop(env: Record<string, string>): Promise<string> {
  const fullEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', ...env };
  const child = spawn(process.execPath, ['bin/medstore.js', 'start', '--no-demo'], { env: fullEnv });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      // Anything a newcomer should read follows the serving line at once.
      if (stdout.includes('medstore is serving')) {
        setTimeout(resolve, 300);
      }
    });
    exited.then((code) => reject(new Error(`medstore start exited with ${code}: ${stderr}`)));
  });
  child.kill('SIGINT');
  expect(await exited).toBe(0);
  return stdout;
}

describe('the medstore command', () => {
  it('lists its commands with --help', async () => {
    const help = await medstore(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['start', 'migrate', 'seed', 'admin create', 'import products', 'export products']) {
      expect(help.stdout).toContain(command);
    }
  });

  it('lists every setting with --help, with its default and what it means', async () => {
    const help = await medstore(['--help']);
    // The help text wraps long meanings; compare with single spaces.
    const text = help.stdout.replace(/\s+/g, ' ');
    for (const name of ['PORT', 'DATABASE_URL', 'SMTP_URL', 'MAIL_FROM', 'REDIS_URL', 'TRUST_PROXY']) {
      expect(text).toMatch(new RegExp(`\\b${name} default: `));
    }
    for (const [name, { shownDefault, meaning }] of Object.entries(SETTINGS)) {
      expect(text).toContain(`${name} default: ${shownDefault} ${meaning}`);
    }
  });

  it('answers --help with only its own files: no settings read, no database opened, no application loaded', async () => {
    const log = join(dataDir, 'loaded-modules.txt');
    const unmade = join(dataDir, 'never-made');
    // Registered before the command runs: writes down every file Node loads.
    const hook = `import { registerHooks } from 'node:module'; import { appendFileSync } from 'node:fs';
      registerHooks({ load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); } });`;
    // Settings that would each stop any other command, and a database that cannot be reached.
    const env = {
      PATH: process.env.PATH ?? '',
      DATA_DIR: unmade,
      PORT: 'eighty',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/medstore',
    };
    const args = ['--import', `data:text/javascript,${encodeURIComponent(hook)}`, 'bin/medstore.js', '--help'];
    const { stdout } = await execFileAsync(process.execPath, args, { env });
    for (const command of ['start', 'migrate', 'seed', 'admin create', 'import products', 'export products']) {
      expect(stdout).toContain(command);
    }
    expect(existsSync(unmade)).toBe(false);
    const root = fileURLToPath(new URL('..', import.meta.url));
    const files = readFileSync(log, 'utf8')
      .split('\n')
      .filter((url) => url.startsWith('file:'))
      .map((url) => relative(root, fileURLToPath(url)));
    expect(files.sort()).toEqual([
      'bin/medstore.js',
      'src/cli.ts',
      'src/lib/module-loading.ts',
      'src/settings.ts',
      'src/staff/admin-usage.ts',
    ]);
  });

  it('names an unknown command and points to --help', async () => {
    const result = await medstore(['serve']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown command "serve"');
    expect(result.stderr).toContain('--help');
  });

  it('refuses a scale that is not a number of products, before opening any database', async () => {
    for (const args of [
      ['seed', '--scale', 'lots'],
      ['seed', '--scale', '0'],
      ['migrate', '--scale', '10'],
    ]) {
      const result = await medstore(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('--scale goes with "seed"');
    }
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

  it(
    'says on start, while no staff account exists, how to create the owner and where the admin console is',
    async () => {
      const env = {
        DATA_DIR: join(dataDir, 'first-start'),
        HOST: '127.0.0.1',
        PORT: '0',
        BASE_URL: 'http://shop.test',
      };
      const first = await startAndStop(env);
      expect(first).toContain('No staff account exists yet');
      expect(first).toContain('stop the store (Ctrl+C)');
      expect(first).toContain("npx medstore admin create --email you@example.com --password '<10 or more characters>'");
      expect(first).toContain('sign in at http://shop.test/admin');

      // The command exactly as printed, with the placeholders filled in.
      const created = await medstore(
        ['admin', 'create', '--email', 'owner@example.com', '--password', 'willow canyon lantern 7'],
        { DATA_DIR: env.DATA_DIR, LOG_LEVEL: 'silent' },
      );
      expect(created.code).toBe(0);
      const second = await startAndStop(env);
      expect(second).toContain('medstore is serving');
      expect(second).not.toContain('No staff account');
      expect(second).not.toContain('admin create');
    },
    slowTestMs(60_000),
  );

  it(
    'loads the demo store once: a second seed changes nothing',
    async () => {
      const first = await medstore(['seed'], { LOG_LEVEL: 'silent' });
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/"products":(1[2-9]|[2-9]\d)/);
      expect(first.stdout).toContain('"customers":3,"licences":2');
      const second = await medstore(['seed'], { LOG_LEVEL: 'silent' });
      expect(second.code).toBe(0);
      expect(second.stdout).toContain(
        '{"settings":0,"categories":0,"products":0,"articles":0,"customers":0,"licences":0}',
      );
    },
    slowTestMs(60_000),
  );

  it(
    'exports the products as CSV and imports them back, checking a file with --dry-run first',
    async () => {
      const env = { LOG_LEVEL: 'silent' };
      expect((await medstore(['seed'], env)).code).toBe(0);
      const file = join(dataDir, 'exports', 'products.csv');
      const exported = await medstore(['export', 'products', '--output', file], env);
      expect(exported.code).toBe(0);
      expect(exported.stdout).toMatch(/^\d+ products exported to .*products\.csv\.\n$/);
      const text = readFileSync(file, 'utf8');
      expect(text.split('\n')[0]).toMatch(/^sku,slug,name,/);
      expect((await medstore(['export', 'products'], env)).stdout).toBe(text);

      // Not a terminal: no progress line, only the summary.
      const imported = await medstore(['import', 'products', file], env);
      expect(imported.code).toBe(0);
      expect(imported.stdout).toMatch(/rows imported in [\d.]+ s: 0 created, 0 updated, \d+ unchanged\.\n$/);
      expect(imported.stderr).toBe('');

      const bad = join(dataDir, 'bad-products.csv');
      writeFileSync(
        bad,
        'sku,slug,name,price,form,route,regulatory_status\nB-1,b-one,B,ten,cream,topical,cosmetic\nB-2,b-two,B,5,jar,topical,cosmetic\n',
      );
      const checked = await medstore(['import', 'products', bad, '--dry-run'], env);
      expect(checked.code).toBe(1);
      expect(checked.stderr).toContain('2 problems found; nothing was changed.');
      expect(checked.stderr).toContain('line 2, column price: must be an amount in dollars');
      expect(checked.stderr).toContain('line 3, column form:');
      expect(checked.stderr).not.toContain('    at ');

      const noCommand = await medstore(['import', 'orders', bad], env);
      expect(noCommand.code).toBe(2);
      expect(noCommand.stderr).toContain('"medstore import products"');

      // The stock and the orders, in their documented columns.
      const stock = await medstore(['export', 'stock'], env);
      expect(stock.code).toBe(0);
      expect(stock.stdout.split('\n')[0]).toBe(
        'sku,name,product_status,lot_number,expires_on,received_on,quantity_received,quantity_on_hand,lot_state',
      );
      expect(stock.stdout.split('\n').length).toBeGreaterThan(2);
      const ordersFile = join(dataDir, 'exports', 'orders.csv');
      const orders = await medstore(['export', 'orders', '--output', ordersFile], env);
      expect(orders.stdout).toMatch(/^\d+ orders exported to .*orders\.csv\.\n$/);
      expect(readFileSync(ordersFile, 'utf8')).toMatch(/^number,placed_at,status,payment_method,email,/);
      expect((await medstore(['export', 'customers'], env)).code).toBe(2);
    },
    slowTestMs(90_000),
  );
});
