import type { Logger } from 'pino';
import type { Config } from '#src/config.ts';
import type { Database } from '#src/db/client.ts';
import { createRateLimiter } from '#src/security/rate-limit.ts';
import { createFileStorage } from '#src/storage/create-storage.ts';
import { createCacheBus } from '#src/web/cache-bus.ts';
import type { AppContext } from '#src/web/context.ts';

/** Wires configuration, database, logger and caches into the context every handler receives. */
export async function createAppContext(config: Config, database: Database, log: Logger): Promise<AppContext> {
  const cache = await createCacheBus(database, log);
  return {
    config,
    db: database.db,
    dbKind: database.kind,
    log,
    cache,
    rateLimiter: await createRateLimiter(database.db, config.redisUrl, log),
    storage: createFileStorage(config),
  };
}
