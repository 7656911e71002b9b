import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Database, Db } from '#src/db/client.ts';
import { EVERYTHING, PageCache } from './page-cache.ts';

const CHANNEL = 'medstore_cache';
const RETRY_MS = { first: 100, max: 5000 };

/**
 * What a write changed: the pages showing some tags, the sessions of one customer or staff member, or one cart
 * (and which customer it belongs to, whose "current cart" may now be another).
 */
export type CacheChange =
  | { pages: string[] }
  | { sessionsOf: string; ownerId: string }
  | { cart: string; customerId: string | null };

/**
 * The caches of this instance (rendered pages, and the session caches that subscribe) and the channel that keeps
 * every instance's caches true. On PostgreSQL a write announces its change with `pg_notify` inside its own
 * transaction, so a committed write always reaches every instance and a rolled-back one reaches none; each
 * instance listens on a connection of its own, which comes back after it is lost.
 */
export type CacheBus = {
  pages: PageCache;
  /** Applies a change here at once and, when `tx` commits, on every instance. */
  announce(tx: Db, change: CacheChange): Promise<void>;
  /** Calls `listener` for every change, and with `undefined` when changes may have been missed (reconnect). */
  subscribe(listener: (change: CacheChange | undefined) => void): void;
  /** Whether this instance hears the other instances' writes (always, on the embedded database). */
  isListening(): boolean;
  close(): Promise<void>;
};

export async function createCacheBus(database: Database, log: Logger): Promise<CacheBus> {
  const pages = new PageCache();
  const listeners: ((change: CacheChange | undefined) => void)[] = [
    (change) => {
      if (!change) pages.invalidate(EVERYTHING);
      else if ('pages' in change) pages.invalidate(...change.pages);
    },
  ];
  const apply = (change: CacheChange | undefined) => {
    for (const listener of listeners) listener(change);
  };
  const bus = {
    pages,
    subscribe: (listener: (change: CacheChange | undefined) => void) => void listeners.push(listener),
  };
  if (!database.pool) {
    return {
      ...bus,
      announce: async (_tx, change) => apply(change),
      isListening: () => true,
      close: async () => {},
    };
  }
  const listener = new CacheListener(database.pool.options, log, apply, (isListening) => {
    pages.isEnabled = isListening;
  });
  await listener.start();
  return {
    ...bus,
    async announce(tx, change) {
      await notifyInstances(tx, change);
      apply(change);
    },
    isListening: () => listener.isListening,
    close: () => listener.stop(),
  };
}

/**
 * Tells every instance listening on this database of a change, when `tx` commits; for processes that keep no
 * caches of their own (the `seed` command next to a running store).
 */
export async function notifyInstances(tx: Db, change: CacheChange): Promise<void> {
  const payloads = payloadsOf(change);
  if (payloads.length === 1) {
    await tx.execute(sql`select pg_notify(${CHANNEL}, ${payloads[0]})`);
    return;
  }
  const list = sql.join(
    payloads.map((p) => sql`${p}`),
    sql`, `,
  );
  await tx.execute(sql`select pg_notify(${CHANNEL}, p) from unnest(array[${list}]::text[]) as p`);
}

// PostgreSQL refuses a notification payload of 8000 bytes or more.
const MAX_PAYLOAD_BYTES = 7900;

/** The change as notification payloads: pages that do not fit in one go in several, each a change of its own. */
export function payloadsOf(change: CacheChange): string[] {
  const whole = JSON.stringify(change);
  if (!('pages' in change) || Buffer.byteLength(whole) < MAX_PAYLOAD_BYTES) return [whole];
  const payloads: string[] = [];
  let pages: string[] = [];
  let bytes = Buffer.byteLength(JSON.stringify({ pages: [] }));
  for (const tag of change.pages) {
    const tagBytes = Buffer.byteLength(JSON.stringify(tag)) + 1;
    if (pages.length > 0 && bytes + tagBytes >= MAX_PAYLOAD_BYTES) {
      payloads.push(JSON.stringify({ pages }));
      pages = [];
      bytes = Buffer.byteLength(JSON.stringify({ pages: [] }));
    }
    pages.push(tag);
    bytes += tagBytes;
  }
  payloads.push(JSON.stringify({ pages }));
  return payloads;
}

/** The LISTEN connection: reconnects with back-off after it is lost, and tells the caches what they missed. */
class CacheListener {
  isListening = false;
  #client: pg.Client | undefined;
  #isStopped = false;
  #retryMs = RETRY_MS.first;
  #timer: NodeJS.Timeout | undefined;
  readonly #options: pg.ClientConfig;
  readonly #log: Logger;
  readonly #apply: (change: CacheChange | undefined) => void;
  readonly #onState: (isListening: boolean) => void;

  constructor(
    options: pg.ClientConfig,
    log: Logger,
    apply: (change: CacheChange | undefined) => void,
    onState: (isListening: boolean) => void,
  ) {
    this.#options = options;
    this.#log = log;
    this.#apply = apply;
    this.#onState = onState;
  }

  /** Connects once; the first start fails loudly, later losses retry quietly. */
  async start(): Promise<void> {
    const client = new pg.Client(this.#options);
    client.on('notification', (message) => this.#apply(parseChange(message.payload)));
    client.on('error', (err) => this.#lost(client, err));
    client.on('end', () => this.#lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (err) {
      await client.end().catch(() => {});
      throw err;
    }
    this.#client = client;
    this.#retryMs = RETRY_MS.first;
    // Whatever changed while nobody listened is unknown: start from empty caches.
    this.#apply(undefined);
    this.isListening = true;
    this.#onState(true);
  }

  #lost(client: pg.Client, err?: Error): void {
    if (this.#client !== client || this.#isStopped) return;
    this.#client = undefined;
    this.isListening = false;
    this.#onState(false);
    this.#apply(undefined);
    this.#log.warn({ err: err?.message }, 'cache listener lost its connection; caches are off until it is back');
    client.end().catch(() => {});
    this.#retry();
  }

  #retry(): void {
    this.#timer = setTimeout(async () => {
      if (this.#isStopped) return;
      try {
        await this.start();
        this.#log.info('cache listener is back; caches are on again');
      } catch {
        this.#retryMs = Math.min(this.#retryMs * 2, RETRY_MS.max);
        this.#retry();
      }
    }, this.#retryMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    this.#isStopped = true;
    clearTimeout(this.#timer);
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => {});
  }
}

function parseChange(payload: string | undefined): CacheChange | undefined {
  try {
    const change = JSON.parse(payload ?? '') as CacheChange;
    if ('pages' in change && Array.isArray(change.pages)) return change;
    if ('sessionsOf' in change && typeof change.ownerId === 'string') return change;
    if ('cart' in change && typeof change.cart === 'string') return change;
  } catch {}
  // A message this version does not understand may mean anything: forget everything.
  return undefined;
}
