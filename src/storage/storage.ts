/** A stored file as read back: its bytes as a stream, its type and length. */
export type StoredFile = { body: ReadableStream<Uint8Array>; contentType: string; size: number };

/**
 * Uploaded files by key: on disk under DATA_DIR, or in an S3-compatible bucket that every instance of the store
 * shares. Keys are paths the store makes itself ("images/<hash>/640.webp"); nothing here is public on its own: the
 * store serves each kind of file through its own route, with the rules that kind needs.
 */
export type FileStorage = {
  readonly kind: 'disk' | 's3';
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The whole file, or undefined when there is none under the key. */
  get(key: string): Promise<{ bytes: Uint8Array; contentType: string } | undefined>;
  /** The file as a stream, for answering a request without holding it in memory. */
  stream(key: string): Promise<StoredFile | undefined>;
  /** Whether a file is stored under the key. */
  has(key: string): Promise<boolean>;
  /** Removes the file; a missing one is no error. */
  delete(key: string): Promise<void>;
};

// Lowercase path segments of letters, digits, dots, hyphens and underscores, none of them "." or "..", under one
// of the store's own folders: a key can never leave its folder on disk, reach the database or the session secret
// beside it in DATA_DIR, nor surprise a bucket's listing.
const KEY = /^(?:images|licences)\/(?:[a-z0-9_-][a-z0-9._-]*\/)*[a-z0-9_-][a-z0-9._-]*$/;

/** Throws on a key the store would never make, so a bug cannot read or write outside the store's files. */
export function checkKey(key: string): string {
  if (key.length > 512 || !KEY.test(key) || key.split('/').some((part) => part === '..' || part === '.')) {
    throw new Error(`Not a storage key: ${JSON.stringify(key)}`);
  }
  return key;
}

const TYPES: Record<string, string> = {
  webp: 'image/webp',
  jpg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
};

/** The content type a key's extension stands for; disk storage keeps no other record of it. */
export function contentTypeOfKey(key: string): string {
  return TYPES[key.split('.').pop() ?? ''] ?? 'application/octet-stream';
}
