import type { Logger } from 'pino';
import type { Config } from '#src/config.ts';
import type { Database } from '#src/db/client.ts';
import { createRateLimiter } from '#src/security/rate-limit.ts';
import type { StoreSettings } from '#src/store/schema.ts';
import { getStoreSettings } from '#src/store/settings.ts';
import { createCacheBus } from '#src/web/cache-bus.ts';
import type { AppContext } from '#src/web/context.ts';

/** Wires configuration, database, logger and caches into the context every handler receives. */
export async function createAppContext(config: Config, database: Database, log: Logger): Promise<AppContext> {
  const cache = await createCacheBus(database, log);
  // Settings appear on every page: read once per cache generation rather than once per request.
  let settings: { value: StoreSettings; generation: number } | undefined;
  return {
    config,
    db: database.db,
    dbKind: database.kind,
    log,
    cache,
    rateLimiter: createRateLimiter(database.db, config.redisUrl),
    async settings() {
      const generation = cache.pages.generation;
      if (settings?.generation !== generation) {
        settings = { value: await getStoreSettings(database.db), generation };
      }
      return settings.value;
    },
  };
}
