import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { Db } from '#src/db/client.ts';
import { addToSetIn } from '#src/lib/multimap.ts';
import { createToken, hashToken, isWellFormedToken } from '#src/lib/tokens.ts';
import type { CacheBus } from './cache-bus.ts';
import type { AppEnv } from './context.ts';
import { cookieOf, secureCookieOptions } from './cookies.ts';
import { isSharedRender } from './personal-parts.ts';

/** A stored session, as the session cache keeps it. */
export type SessionRecord = { ownerId: string; expiresAt: Date; lastSeenAt: Date; isPersistent: boolean };

/** The few queries a kind of session needs on its own table; the owning domain writes them. */
export type SessionTable = {
  insert(db: Db, row: { tokenHash: string; ownerId: string; expiresAt: Date; isPersistent: boolean }): Promise<void>;
  /** The session stored under this hash, if it has not expired. */
  find(db: Db, tokenHash: string): Promise<SessionRecord | undefined>;
  touch(db: Db, tokenHash: string, at: Date): Promise<void>;
  remove(db: Db, tokenHash: string): Promise<void>;
  removeAllOf(db: Db, ownerId: string): Promise<void>;
};

export type SessionKind = {
  /** Names the kind in cache messages: `customer`, `staff`. */
  name: string;
  cookie: string;
  sameSite: 'Lax' | 'Strict';
  table: SessionTable;
};

// The data export says when each session was last used; a write per request would cost more than that date is
// worth, so it moves at most every few minutes.
const LAST_SEEN_STEP_MS = 5 * 60 * 1000;
// A cached session is checked against the database again after this long, so that even a change made outside
// the store (an operator's query) is seen within a minute.
const RECHECK_MS = 60 * 1000;
const MAX_CACHED = 20_000;

const credentialCookies = new Set<string>();

/** Whether a request carries any session credentials: a session cookie of any kind, or a bearer token. */
export function hasSessionCredentials(c: Context<AppEnv>): boolean {
  if (c.req.header('authorization') !== undefined) return true;
  if (!c.req.header('cookie')) return false;
  for (const name of credentialCookies) if (cookieOf(c, name) !== undefined) return true;
  return false;
}

/**
 * Sessions of one kind (customers' or staff members'): a random token in an HttpOnly cookie or a bearer header,
 * only its SHA-256 stored; a new token at every sign-in; lookups served from a per-instance cache that every
 * instance empties for an owner when that owner's sessions change (sign-out, password change, role change).
 */
export class Sessions {
  readonly #kind: SessionKind;
  readonly #caches = new WeakMap<CacheBus, SessionCache>();
  readonly #foundFor = new WeakMap<Request, Promise<SessionRecord | undefined>>();

  constructor(kind: SessionKind) {
    this.#kind = kind;
    credentialCookies.add(kind.cookie);
  }

  /** The token this request presents: a bearer token, else the session cookie. */
  tokenOf(c: Context<AppEnv>): string | undefined {
    const auth = c.req.header('authorization');
    if (auth?.startsWith('Bearer ')) return auth.slice(7).trim() || undefined;
    return cookieOf(c, this.#kind.cookie);
  }

  /** Stores a new session and returns its token, for a bearer client or a cookie. */
  async issue(
    db: Db,
    ownerId: string,
    o: { seconds: number; isPersistent?: boolean },
  ): Promise<{ token: string; expiresAt: Date }> {
    const token = createToken();
    const expiresAt = new Date(Date.now() + o.seconds * 1000);
    await this.#kind.table.insert(db, {
      tokenHash: hashToken(token),
      ownerId,
      expiresAt,
      isPersistent: o.isPersistent ?? false,
    });
    return { token, expiresAt };
  }

  /**
   * Signs an owner in on this browser with a new session id (a planted or earlier id is dropped) and sets the
   * cookie: persistent for `seconds` when `isPersistent`, else for the browser session.
   */
  async start(
    c: Context<AppEnv>,
    ownerId: string,
    o: { seconds: number; isPersistent: boolean },
  ): Promise<{ token: string; expiresAt: Date }> {
    const { db } = c.var.ctx;
    this.#foundFor.delete(c.req.raw);
    const previous = cookieOf(c, this.#kind.cookie);
    if (previous) await this.#forget(c, previous);
    const session = await this.issue(db, ownerId, o);
    setCookie(c, this.#kind.cookie, session.token, {
      ...secureCookieOptions(c, o.isPersistent ? o.seconds : undefined),
      sameSite: this.#kind.sameSite,
    });
    return session;
  }

  /** This request's session, if it is live; never while the page shared by every visitor is rendered. */
  async find(c: Context<AppEnv>): Promise<SessionRecord | undefined> {
    if (isSharedRender(c)) return undefined;
    // Several parts of one page ask (the account links, the cart's count): the first answer serves them all.
    let found = this.#foundFor.get(c.req.raw);
    if (!found) {
      found = this.#lookUp(c);
      this.#foundFor.set(c.req.raw, found);
    }
    return found;
  }

  async #lookUp(c: Context<AppEnv>): Promise<SessionRecord | undefined> {
    const token = this.tokenOf(c);
    // A stale or made-up cookie must not cost every page a query: no session was ever stored under it.
    if (!token || !isWellFormedToken(token)) return undefined;
    const { db, cache } = c.get('ctx');
    const sessions = this.#cacheOf(cache);
    const tokenHash = hashToken(token);
    const now = Date.now();
    let session = sessions.get(tokenHash, now);
    if (session === undefined) {
      session = (await this.#kind.table.find(db, tokenHash)) ?? null;
      sessions.set(tokenHash, session, now);
    }
    if (!session || session.expiresAt.getTime() <= now) return undefined;
    if (now - session.lastSeenAt.getTime() > LAST_SEEN_STEP_MS) {
      session.lastSeenAt = new Date(now);
      await this.#kind.table.touch(db, tokenHash, session.lastSeenAt);
    }
    return session;
  }

  /** Ends this request's session (cookie or bearer token) and clears the cookie. */
  async end(c: Context<AppEnv>): Promise<void> {
    this.#foundFor.delete(c.req.raw);
    const token = this.tokenOf(c);
    if (token) await this.#forget(c, token);
    deleteCookie(c, this.#kind.cookie, { ...secureCookieOptions(c), sameSite: this.#kind.sameSite });
  }

  /** Ends every session of an owner inside `tx` (password change, role change, deletion), on every instance. */
  async endAll(cache: CacheBus, tx: Db, ownerId: string): Promise<void> {
    await this.#kind.table.removeAllOf(tx, ownerId);
    await cache.announce(tx, { sessionsOf: this.#kind.name, ownerId });
  }

  async #forget(c: Context<AppEnv>, token: string): Promise<void> {
    const { db, cache } = c.var.ctx;
    const tokenHash = hashToken(token);
    const session = await this.#kind.table.find(db, tokenHash);
    await this.#kind.table.remove(db, tokenHash);
    if (session) await cache.announce(db, { sessionsOf: this.#kind.name, ownerId: session.ownerId });
  }

  #cacheOf(bus: CacheBus): SessionCache {
    let cache = this.#caches.get(bus);
    if (!cache) {
      cache = new SessionCache(bus, this.#kind.name);
      this.#caches.set(bus, cache);
    }
    return cache;
  }
}

/** Sessions (and tokens known to match none) looked up on this instance, by token hash. */
class SessionCache {
  readonly #entries = new Map<string, { session: SessionRecord | null; checkedAt: number }>();
  readonly #hashesByOwner = new Map<string, Set<string>>();
  readonly #bus: CacheBus;

  constructor(bus: CacheBus, kind: string) {
    this.#bus = bus;
    bus.subscribe((change) => {
      if (!change) this.#clear();
      else if ('sessionsOf' in change && change.sessionsOf === kind) this.#forgetOwner(change.ownerId);
    });
  }

  /** The cached answer for a hash: a session, null for none, undefined when it must be looked up. */
  get(tokenHash: string, now: number): SessionRecord | null | undefined {
    const entry = this.#entries.get(tokenHash);
    if (!entry) return undefined;
    if (now - entry.checkedAt > RECHECK_MS) {
      this.#remove(tokenHash);
      return undefined;
    }
    return entry.session;
  }

  set(tokenHash: string, session: SessionRecord | null, now: number): void {
    // An instance that cannot hear sign-outs elsewhere must ask the database every time.
    if (!this.#bus.isListening()) return;
    if (this.#entries.size >= MAX_CACHED) this.#remove(this.#entries.keys().next().value!);
    this.#entries.set(tokenHash, { session, checkedAt: now });
    if (!session) return;
    addToSetIn(this.#hashesByOwner, session.ownerId, tokenHash);
  }

  #forgetOwner(ownerId: string): void {
    for (const tokenHash of this.#hashesByOwner.get(ownerId) ?? []) this.#entries.delete(tokenHash);
    this.#hashesByOwner.delete(ownerId);
  }

  #remove(tokenHash: string): void {
    const ownerId = this.#entries.get(tokenHash)?.session?.ownerId;
    this.#entries.delete(tokenHash);
    if (ownerId) this.#hashesByOwner.get(ownerId)?.delete(tokenHash);
  }

  #clear(): void {
    this.#entries.clear();
    this.#hashesByOwner.clear();
  }
}
