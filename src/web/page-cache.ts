import { createHash } from 'node:crypto';
import { addToSetIn } from '#src/lib/multimap.ts';
import { type PageTemplate, splitPersonalParts } from './personal-parts.ts';

/**
 * A stored answer: the page shared by every visitor, cut where its personal parts go. `anonymous` is the whole
 * page as a visitor without a session sees it, kept ready when every part has such a shared form; bodies are
 * kept encoded, since writing ready bytes to the socket is measurably faster than encoding again per visitor.
 */
export type CachedPage = {
  template: PageTemplate;
  anonymous: Uint8Array<ArrayBuffer> | undefined;
  etag: string | undefined;
  contentType: string;
  status: number;
  tags: readonly string[];
  /** The route pattern that rendered it ("/products/:slug"), under which its hits are counted. */
  route: string;
  size: number;
};

export type PageCacheLimits = { maxEntries?: number; maxBytes?: number };

/** What a page shows, named so that a write can invalidate exactly the pages that show what it changed. */
export const EVERYTHING = '*';

/**
 * Rendered pages and API answers, keyed by URL, each with the tags of what it shows (`product:pep-factor`,
 * `products` for lists). A write invalidates its tags; a page that declared no tags counts as showing
 * everything. The version counter stops a render that began before a write from being stored after it.
 *
 * Both the number of entries and their total size are bounded: every distinct search query is a key, so a
 * visitor sending random queries must not be able to grow the process without limit.
 */
export class PageCache {
  readonly #entries = new Map<string, CachedPage>();
  readonly #keysByTag = new Map<string, Set<string>>();
  // The version at which each tag was last invalidated; EVERYTHING stands for a wipe of the whole cache.
  readonly #invalidatedAt = new Map<string, number>();
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  #bytes = 0;
  #version = 0;
  #isEnabled = true;

  constructor(limits: PageCacheLimits = {}) {
    this.#maxEntries = limits.maxEntries ?? 5000;
    // A product page is 10-20 KB.
    this.#maxBytes = limits.maxBytes ?? 64 * 1024 * 1024;
  }

  /** Rises with every invalidation; a render remembers it when it starts. */
  get version(): number {
    return this.#version;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Bytes of bodies held, for the metrics. */
  get bytes(): number {
    return this.#bytes;
  }

  /** False while this instance cannot hear other instances' writes: then nothing is served from or kept here. */
  get isEnabled(): boolean {
    return this.#isEnabled;
  }

  set isEnabled(value: boolean) {
    if (!value) this.invalidate(EVERYTHING);
    this.#isEnabled = value;
  }

  get(key: string): CachedPage | undefined {
    return this.#isEnabled ? this.#entries.get(key) : undefined;
  }

  /** Whether the whole cache was emptied since `version` (a write to settings or categories). */
  isWipedSince(version: number): boolean {
    return (this.#invalidatedAt.get(EVERYTHING) ?? -1) > version;
  }

  /** Whether anything this page shows was invalidated since the render that made it began. */
  isStale(tags: readonly string[], renderedAtVersion: number): boolean {
    // A page that did not say what it shows may show whatever changed.
    if (tags.includes(EVERYTHING)) return this.#version > renderedAtVersion;
    if ((this.#invalidatedAt.get(EVERYTHING) ?? -1) > renderedAtVersion) return true;
    return tags.some((tag) => (this.#invalidatedAt.get(tag) ?? -1) > renderedAtVersion);
  }

  /**
   * Keeps a rendered page, unless something it shows changed while it was rendered. `anonymousBody` is the page
   * as a visitor without a session sees it, when every personal part has such a form.
   */
  set(
    key: string,
    page: {
      body: string;
      contentType: string;
      status: number;
      tags: readonly string[];
      route: string;
      anonymousBody?: string;
    },
    renderedAtVersion: number,
  ): CachedPage {
    const template = splitPersonalParts(page.body);
    const anonymous = page.anonymousBody === undefined ? undefined : encoder.encode(page.anonymousBody);
    const etag = anonymous ? etagOf(anonymous) : undefined;
    const size = template.size + (anonymous?.length ?? 0);
    const tags = page.tags.length > 0 ? page.tags : [EVERYTHING];
    const entry: CachedPage = {
      template,
      anonymous,
      etag,
      contentType: page.contentType,
      status: page.status,
      tags,
      route: page.route,
      size,
    };
    if (!this.#isEnabled || this.isStale(tags, renderedAtVersion) || size > this.#maxBytes / 4) return entry;
    this.#remove(key);
    // Maps iterate in insertion order: the first keys are the oldest entries.
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size < this.#maxEntries && this.#bytes + size <= this.#maxBytes) break;
      this.#remove(oldest);
    }
    this.#entries.set(key, entry);
    this.#bytes += size;
    for (const tag of tags) addToSetIn(this.#keysByTag, tag, key);
    return entry;
  }

  /**
   * Drops the pages that show any of `tags`, and the pages that declared none; EVERYTHING drops every page.
   */
  invalidate(...tags: string[]): void {
    this.#version++;
    if (tags.includes(EVERYTHING)) {
      this.#invalidatedAt.clear();
      this.#invalidatedAt.set(EVERYTHING, this.#version);
      this.#entries.clear();
      this.#keysByTag.clear();
      this.#bytes = 0;
      return;
    }
    for (const tag of tags) {
      this.#invalidatedAt.set(tag, this.#version);
      for (const key of this.#keysByTag.get(tag) ?? []) this.#remove(key);
    }
    // A page that did not say what it shows may show what changed.
    for (const key of this.#keysByTag.get(EVERYTHING) ?? []) this.#remove(key);
    // A tag is stored once per distinct record; forget the old ones so the map cannot grow without limit.
    if (this.#invalidatedAt.size > 10_000) this.#forgetOldInvalidations();
  }

  #forgetOldInvalidations(): void {
    // A render older than this many invalidations is treated as stale whatever it shows.
    const floor = this.#version - 1000;
    for (const [tag, at] of this.#invalidatedAt) if (at < floor) this.#invalidatedAt.delete(tag);
    this.#invalidatedAt.set(EVERYTHING, Math.max(this.#invalidatedAt.get(EVERYTHING) ?? -1, floor));
  }

  #remove(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#bytes -= entry.size;
    this.#entries.delete(key);
    for (const tag of entry.tags) {
      const keys = this.#keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.#keysByTag.delete(tag);
    }
  }
}

const encoder = new TextEncoder();

function etagOf(bytes: Uint8Array): string {
  return `W/"${createHash('sha1').update(bytes).digest('base64url').slice(0, 22)}"`;
}
