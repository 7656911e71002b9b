import type { Config } from '#src/config.ts';
import { createDiskStorage } from './disk-storage.ts';
import type { FileStorage } from './storage.ts';

/**
 * The store's file storage: the S3 bucket when S3_BUCKET is set, else folders of DATA_DIR (DATA_DIR/images,
 * DATA_DIR/licences, where licence documents always were).
 */
export function createFileStorage(config: Pick<Config, 'dataDir' | 's3'>): FileStorage {
  const s3 = config.s3;
  if (!s3) return createDiskStorage(config.dataDir);
  // The AWS SDK is large: loaded at the first file operation, never by a store that keeps its files on disk
  // (ADR 0005: start-up time and memory).
  let loaded: Promise<FileStorage> | undefined;
  const real = () => {
    loaded ??= import('./s3-storage.ts').then((m) => m.createS3Storage(s3));
    return loaded;
  };
  return {
    kind: 's3',
    put: async (key, bytes, contentType) => (await real()).put(key, bytes, contentType),
    get: async (key) => (await real()).get(key),
    stream: async (key) => (await real()).stream(key),
    has: async (key) => (await real()).has(key),
    delete: async (key) => (await real()).delete(key),
  };
}
