import { createHash } from 'node:crypto';

/** A stored answer. The body is kept encoded: writing ready bytes to the socket is measurably faster than
 * encoding the same string again for every visitor. */
export type CachedPage = { bytes: Uint8Array<ArrayBuffer>; contentType: string; etag: string; status: number };

const encoder = new TextEncoder();

export type PageCacheLimits = { maxEntries?: number; maxBytes?: number };

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
  readonly #maxBytes: number;
  #bytes = 0;
  #generation = 0;

  constructor(limits: PageCacheLimits = {}) {
    this.#maxEntries = limits.maxEntries ?? 5000;
    // A product page is 10-20 KB.
    this.#maxBytes = limits.maxBytes ?? 64 * 1024 * 1024;
  }

  get generation(): number {
    return this.#generation;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Bytes of bodies held, for the metrics. */
  get bytes(): number {
    return this.#bytes;
  }

  get(key: string): CachedPage | undefined {
    return this.#entries.get(key);
  }

  set(
    key: string,
    page: { body: string; contentType: string; status: number },
    renderedAtGeneration: number,
  ): CachedPage {
    const bytes = encoder.encode(page.body);
    const etag = `W/"${createHash('sha1').update(bytes).digest('base64url').slice(0, 22)}"`;
    const entry = { bytes, contentType: page.contentType, status: page.status, etag };
    if (renderedAtGeneration !== this.#generation || bytes.length > this.#maxBytes / 4) return entry;
    this.#remove(key);
    // Maps iterate in insertion order: the first keys are the oldest entries.
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size < this.#maxEntries && this.#bytes + bytes.length <= this.#maxBytes) break;
      this.#remove(oldest);
    }
    this.#entries.set(key, entry);
    this.#bytes += bytes.length;
    return entry;
  }

  invalidate(): void {
    this.#generation++;
    this.#entries.clear();
    this.#bytes = 0;
  }

  #remove(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#bytes -= entry.bytes.length;
    this.#entries.delete(key);
  }
}
