import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type ServerProcess, startServerProcess } from './processes.ts';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

/** The PostgreSQL server the benchmarks make their databases on. */
export const SERVER_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** Runs one statement on the server's maintenance database and returns its rows. */
export async function adminQuery(statement: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    return (await client.query(statement)).rows;
  } finally {
    await client.end();
  }
}

/** Starts the store as a production process on a free loopback port, with `env` added to its settings. */
export function startStoreProcess(o: {
  name: string;
  args: string[];
  env: Record<string, string>;
  timeoutMs: number;
}): Promise<ServerProcess> {
  return startServerProcess({
    name: o.name,
    args: o.args,
    env: {
      NODE_ENV: 'production',
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      HOST: '127.0.0.1',
      PORT: '0',
      BASE_URL: 'http://127.0.0.1',
      LOG_LEVEL: 'silent',
      ...o.env,
    },
    readUrl: (line) => /serving at (http:\/\/\S+)/.exec(line)?.[1],
    timeoutMs: o.timeoutMs,
  });
}

/** The arguments `npm start` gives node, without npm's own start-up. */
export function npmStartArgs(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [program, ...args] = scripts.start.split(/\s+/);
  if (program !== 'node') throw new Error(`npm start runs "${scripts.start}", not node: update bench/startup.ts`);
  return args.map((arg) => (/^[\w-]+\//.test(arg) ? join(ROOT, arg) : arg));
}
