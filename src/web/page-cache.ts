import { createHash } from 'node:crypto';

export type CachedPage = { body: string; contentType: string; etag: string; status: number };

export type PageCacheLimits = { maxEntries?: number; maxChars?: number };

/**
 * Rendered anonymous pages and API answers, keyed by URL. Any write that changes what they show calls
 * `invalidate()`, which empties it: simpler than tracking which pages show which record, and writes are rare
 * next to reads. The generation counter stops a render that began before a write from being stored after it.
 *
 * Both the number of entries and their total size are bounded: every distinct search query is a key, so a
 * visitor sending random queries must not be able to grow the process without limit.
 */
export class PageCache {
  readonly #entries = new Map<string, CachedPage>();
  readonly #maxEntries: number;
  readonly #maxChars: number;
  #chars = 0;
  #generation = 0;

  constructor(limits: PageCacheLimits = {}) {
    this.#maxEntries = limits.maxEntries ?? 5000;
    // About 64 MB of UTF-16 text; a product page is 15-30 thousand characters.
    this.#maxChars = limits.maxChars ?? 32 * 1024 * 1024;
  }

  get generation(): number {
    return this.#generation;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Characters of body text held, for the metrics. */
  get chars(): number {
    return this.#chars;
  }

  get(key: string): CachedPage | undefined {
    return this.#entries.get(key);
  }

  set(key: string, page: Omit<CachedPage, 'etag'>, renderedAtGeneration: number): CachedPage {
    const etag = `W/"${createHash('sha1').update(page.body).digest('base64url').slice(0, 22)}"`;
    const entry = { ...page, etag };
    if (renderedAtGeneration !== this.#generation || page.body.length > this.#maxChars / 4) return entry;
    this.#remove(key);
    // Maps iterate in insertion order: the first keys are the oldest entries.
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size < this.#maxEntries && this.#chars + page.body.length <= this.#maxChars) break;
      this.#remove(oldest);
    }
    this.#entries.set(key, entry);
    this.#chars += page.body.length;
    return entry;
  }

  invalidate(): void {
    this.#generation++;
    this.#entries.clear();
    this.#chars = 0;
  }

  #remove(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#chars -= entry.body.length;
    this.#entries.delete(key);
  }
}
