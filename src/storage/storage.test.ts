import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '#src/config.ts';
import { startS3Server } from '#test/support/s3-server.ts';
import { createFileStorage } from './create-storage.ts';
import type { FileStorage } from './storage.ts';

let dataDir: string;
let s3: Awaited<ReturnType<typeof startS3Server>>;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'medstore-storage-'));
  s3 = await startS3Server('medstore-storage-test');
});
afterAll(async () => {
  await s3?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function text(storage: FileStorage, key: string): Promise<string | undefined> {
  const file = await storage.stream(key);
  return file ? new Response(file.body).text() : undefined;
}

function behavesAsStorage(make: () => FileStorage) {
  it('puts, gets, streams and deletes by key', async () => {
    const storage = make();
    const bytes = new TextEncoder().encode('a picture, say');
    await storage.put('images/abc/640.webp', bytes, 'image/webp');
    expect(await storage.has('images/abc/640.webp')).toBe(true);
    const got = await storage.get('images/abc/640.webp');
    expect(new TextDecoder().decode(got!.bytes)).toBe('a picture, say');
    expect(got!.contentType).toBe('image/webp');
    const streamed = await storage.stream('images/abc/640.webp');
    expect(streamed!.size).toBe(bytes.length);
    expect(await text(storage, 'images/abc/640.webp')).toBe('a picture, say');
    await storage.put('images/abc/640.webp', new TextEncoder().encode('replaced'), 'image/webp');
    expect(await text(storage, 'images/abc/640.webp')).toBe('replaced');
    await storage.delete('images/abc/640.webp');
    expect(await storage.has('images/abc/640.webp')).toBe(false);
    expect(await storage.get('images/abc/640.webp')).toBeUndefined();
    expect(await storage.stream('images/abc/640.webp')).toBeUndefined();
    await storage.delete('images/abc/640.webp');
  });

  it('refuses keys that could leave its folder', async () => {
    const storage = make();
    for (const key of [
      '../secret',
      'images/../../x',
      '/etc/passwd',
      'Images/A.webp',
      '',
      'images//b',
      'session-secret',
      'db/pg_control',
    ]) {
      await expect(storage.put(key, new Uint8Array(1), 'image/webp')).rejects.toThrow('Not a storage key');
    }
  });
}

describe('disk storage (folders of DATA_DIR)', () => {
  const make = () => createFileStorage(loadConfig({ DATA_DIR: dataDir, SESSION_SECRET: 'x'.repeat(32) }));
  behavesAsStorage(make);

  it('keeps files readable by the store alone', async () => {
    await make().put('licences/doc.pdf', new Uint8Array([1, 2, 3]), 'application/pdf');
    expect(statSync(join(dataDir, 'licences', 'doc.pdf')).mode & 0o777).toBe(0o600);
  });
});

describe('S3-compatible storage', () => {
  const make = () => createFileStorage(loadConfig({ DATA_DIR: dataDir, SESSION_SECRET: 'x'.repeat(32), ...s3.env }));
  behavesAsStorage(make);

  it('is chosen when S3_BUCKET is set, path-style with an endpoint', () => {
    const config = loadConfig({ DATA_DIR: dataDir, SESSION_SECRET: 'x'.repeat(32), ...s3.env });
    expect(config.s3).toMatchObject({ bucket: 'medstore-storage-test', forcePathStyle: true, region: 'us-east-1' });
    expect(make().kind).toBe('s3');
    expect(() =>
      loadConfig({ S3_BUCKET: 'b-1', S3_ACCESS_KEY_ID: 'only-the-id', SESSION_SECRET: 'x'.repeat(32) }),
    ).toThrow('set both or neither');
    expect(() => loadConfig({ S3_BUCKET: 'Not A Bucket', SESSION_SECRET: 'x'.repeat(32) })).toThrow('S3_BUCKET');
  });
});
