import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { checkKey, contentTypeOfKey, type FileStorage } from './storage.ts';

function isMissing(err: unknown): boolean {
  return (err as { code?: string }).code === 'ENOENT';
}

/** Files under `root` (DATA_DIR), readable by this process's user only. */
export function createDiskStorage(root: string): FileStorage {
  const pathOf = (key: string) => join(root, checkKey(key));
  return {
    kind: 'disk',
    async put(key, bytes) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      // Written aside and renamed, so a reader never sees half a file.
      const temporary = `${path}.${randomBytes(6).toString('hex')}.part`;
      await writeFile(temporary, bytes, { mode: 0o600 });
      await rename(temporary, path);
    },
    async get(key) {
      try {
        return { bytes: new Uint8Array(await readFile(pathOf(key))), contentType: contentTypeOfKey(key) };
      } catch (err) {
        if (isMissing(err)) return undefined;
        throw err;
      }
    },
    async stream(key) {
      const path = pathOf(key);
      try {
        const { size } = await stat(path);
        const body = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
        return { body, contentType: contentTypeOfKey(key), size };
      } catch (err) {
        if (isMissing(err)) return undefined;
        throw err;
      }
    },
    async has(key) {
      try {
        return (await stat(pathOf(key))).isFile();
      } catch (err) {
        if (isMissing(err)) return false;
        throw err;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
