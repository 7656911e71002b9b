import { createHash } from 'node:crypto';

export type CachedPage = { body: string; contentType: string; etag: string; status: number };

/**
 * Rendered anonymous pages and API answers, keyed by URL. Any write that changes what they show calls
 * `invalidate()`, which empties it: simpler than tracking which pages show which record, and writes are rare
 * next to reads. The generation counter stops a render that began before a write from being stored after it.
 */
export class PageCache {
  readonly #entries = new Map<string, CachedPage>();
  readonly #maxEntries: number;
  #generation = 0;

  constructor(maxEntries = 5000) {
    this.#maxEntries = maxEntries;
  }

  get generation(): number {
    return this.#generation;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: string): CachedPage | undefined {
    return this.#entries.get(key);
  }

  set(key: string, page: Omit<CachedPage, 'etag'>, renderedAtGeneration: number): CachedPage {
    const etag = `W/"${createHash('sha1').update(page.body).digest('base64url').slice(0, 22)}"`;
    const entry = { ...page, etag };
    if (renderedAtGeneration !== this.#generation) return entry;
    if (this.#entries.size >= this.#maxEntries) {
      // Maps iterate in insertion order: the first key is the oldest entry.
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(key, entry);
    return entry;
  }

  invalidate(): void {
    this.#generation++;
    this.#entries.clear();
  }
}
