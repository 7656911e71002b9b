import type { Logger } from 'pino';
import type { Config } from '#src/config.ts';
import type { Db } from '#src/db/client.ts';
import type { RateLimiter } from '#src/security/rate-limit.ts';
import type { FileStorage } from '#src/storage/storage.ts';
import type { CacheBus } from './cache-bus.ts';

/**
 * What every request handler and service can reach; built once per process. Only the infrastructure lives here:
 * a domain's own shared data (the store's settings, the categories) is read through that domain (settingsOf,
 * categoriesOf), so this layer imports no domain.
 */
export type AppContext = {
  config: Config;
  db: Db;
  dbKind: 'pglite' | 'postgres';
  log: Logger;
  cache: CacheBus;
  rateLimiter: RateLimiter;
  /** Uploaded files: folders of DATA_DIR, or the S3 bucket every instance shares. */
  storage: FileStorage;
};

export type AppEnv = {
  Variables: {
    ctx: AppContext;
    requestId: string;
    /** Set while the page shared by every visitor is rendered: personal parts become markers (personal-parts.ts). */
    isSharedRender?: boolean;
    /** What the page being rendered shows, for narrow cache invalidation (page-cache.ts). */
    cacheTags?: string[];
    /** The request's cookies, parsed once (cookies.ts). */
    cookies?: Record<string, string>;
    /** Set-Cookie lines that personal parts set while a stored page was filled in (personal-parts.ts). */
    partCookies?: string[];
    /** The route pattern of a stored page answered before routing, for the metrics. */
    route?: string;
  };
};
