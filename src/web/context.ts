import type { Logger } from 'pino';
import type { Category } from '#src/catalog/schema.ts';
import type { Config } from '#src/config.ts';
import type { Db } from '#src/db/client.ts';
import type { RateLimiter } from '#src/security/rate-limit.ts';
import type { StoreSettings } from '#src/store/schema.ts';
import type { CacheBus } from './cache-bus.ts';

/** What every request handler and service can reach; built once per process. */
export type AppContext = {
  config: Config;
  db: Db;
  dbKind: 'pglite' | 'postgres';
  log: Logger;
  cache: CacheBus;
  rateLimiter: RateLimiter;
  /** Reads the store's settings through the page cache's generation, so a save shows on the next request. */
  settings(): Promise<StoreSettings>;
  /** All categories, read through the page cache's generation like the settings; shared, so never modify them. */
  categories(): Promise<Category[]>;
};

export type AppEnv = {
  Variables: {
    ctx: AppContext;
    requestId: string;
    log: Logger;
    /** Set while the page shared by every visitor is rendered: personal parts become markers (personal-parts.ts). */
    isSharedRender?: boolean;
    /** What the page being rendered shows, for narrow cache invalidation (page-cache.ts). */
    cacheTags?: string[];
  };
};
