import type { Logger } from 'pino';
import { listCategories } from '#src/catalog/category-queries.ts';
import type { Config } from '#src/config.ts';
import type { Database } from '#src/db/client.ts';
import { createRateLimiter } from '#src/security/rate-limit.ts';
import { getStoreSettings } from '#src/store/settings.ts';
import { createCacheBus } from '#src/web/cache-bus.ts';
import type { AppContext } from '#src/web/context.ts';

/** Wires configuration, database, logger and caches into the context every handler receives. */
export async function createAppContext(config: Config, database: Database, log: Logger): Promise<AppContext> {
  const cache = await createCacheBus(database, log);
  // Settings appear on every page and categories in every catalogue page, and every write that changes them
  // empties the page cache: read them again only after such a write, rather than once per request.
  const untilWholeCacheGoes = <T>(read: () => Promise<T>): (() => Promise<T>) => {
    let memo: { value: T; version: number } | undefined;
    return async () => {
      const { pages } = cache;
      if (memo && pages.isEnabled && !pages.isWipedSince(memo.version)) return memo.value;
      const version = pages.version;
      const value = await read();
      memo = { value, version };
      return value;
    };
  };
  return {
    config,
    db: database.db,
    dbKind: database.kind,
    log,
    cache,
    rateLimiter: await createRateLimiter(database.db, config.redisUrl, log),
    settings: untilWholeCacheGoes(() => getStoreSettings(database.db)),
    categories: untilWholeCacheGoes(() => listCategories(database.db)),
  };
}
