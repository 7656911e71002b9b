import type { Logger } from 'pino';
import type { Database } from '#src/db/client.ts';
import { PageCache } from './page-cache.ts';

const CHANNEL = 'medstore_cache';

/** Clears the page cache of this instance and, on PostgreSQL, of every other instance through NOTIFY. */
export type CacheBus = {
  pages: PageCache;
  invalidate(): Promise<void>;
  close(): Promise<void>;
};

export async function createCacheBus(database: Database, log: Logger): Promise<CacheBus> {
  const pages = new PageCache();
  if (!database.pool) {
    return { pages, invalidate: async () => pages.invalidate(), close: async () => {} };
  }
  const listener = await database.pool.connect();
  listener.on('notification', () => pages.invalidate());
  listener.on('error', (err) => log.error({ err }, 'cache listener failed; caching stays local'));
  await listener.query(`LISTEN ${CHANNEL}`);
  return {
    pages,
    async invalidate() {
      pages.invalidate();
      await database.pool!.query(`NOTIFY ${CHANNEL}`);
    },
    async close() {
      await listener.query(`UNLISTEN ${CHANNEL}`).catch(() => {});
      listener.release();
    },
  };
}
