import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type ServerProcess, startServerProcess } from './processes.ts';

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
