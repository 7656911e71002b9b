import { join } from 'node:path';
import type { Config } from '#src/config.ts';
import { createDiskStorage } from './disk-storage.ts';
import { createS3Storage } from './s3-storage.ts';
import type { FileStorage } from './storage.ts';

/** The store's file storage: the S3 bucket when S3_BUCKET is set, else DATA_DIR/files. */
export function createFileStorage(config: Pick<Config, 'dataDir' | 's3'>): FileStorage {
  return config.s3 ? createS3Storage(config.s3) : createDiskStorage(join(config.dataDir, 'files'));
}
