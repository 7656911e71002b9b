import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#src/app.ts';
import { createAppContext } from '#src/boot.ts';
import { createTestProduct } from '#src/catalog/test-factory.ts';
import { loadConfig } from '#src/config.ts';
import { addDays, todayUtc } from '#src/lib/dates.ts';
import { createLogger } from '#src/lib/logger.ts';
import { createTestCustomer, createTestCustomerSession, createTestStaff } from '#src/licences/test-factory.ts';
import type { AppContext } from '#src/web/context.ts';
import { startS3Server } from './support/s3-server.ts';
import { createTestStore, type TestStore } from './support/test-store.ts';

let s3: Awaited<ReturnType<typeof startS3Server>>;
let first: TestStore;
let second: { ctx: AppContext; app: ReturnType<typeof createApp>; dataDir: string };
let token: string;
let reviewerSid: string;

beforeAll(async () => {
  s3 = await startS3Server('medstore-shared');
  first = await createTestStore({ template: 'empty', env: s3.env });
  // A second instance: the same database and bucket, its own DATA_DIR, caches and storage client.
  const dataDir = mkdtempSync(join(tmpdir(), 'medstore-second-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    BASE_URL: 'http://store.test',
    DATA_DIR: dataDir,
    SESSION_SECRET: first.config.sessionSecret,
    LOG_LEVEL: 'silent',
    ...s3.env,
  });
  const ctx = await createAppContext(config, first.database, createLogger('silent'));
  second = { ctx, app: createApp(ctx), dataDir };
  token = (await createTestStaff(first.ctx.db, 'admin')).token;
  reviewerSid = (await createTestStaff(first.ctx.db, 'staff')).token;
});
afterAll(async () => {
  if (second) {
    await second.ctx.rateLimiter.close();
    await second.ctx.cache.close();
    rmSync(second.dataDir, { recursive: true, force: true });
  }
  await first?.close();
  await s3?.close();
});

async function upload(
  request: (path: string, init: RequestInit) => Promise<Response> | Response,
  productId: string,
  colour: string,
) {
  const form = new FormData();
  const bytes = await sharp({ create: { width: 800, height: 600, channels: 3, background: colour } })
    .jpeg()
    .toBuffer();
  form.set('image', new File([bytes], 'p.jpg', { type: 'image/jpeg' }));
  form.set('alt', `A ${colour} box`);
  const res = await request(`http://store.test/api/admin/products/${productId}/images`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { images: { src: string; srcset: { src: string }[] }[] };
  return body.images.at(-1)!;
}

describe('two instances on one database and one bucket', () => {
  it('serve each other’s uploads, and keep nothing in their own DATA_DIR', async () => {
    expect(first.ctx.storage.kind).toBe('s3');
    expect(second.ctx.storage.kind).toBe('s3');
    const product = await createTestProduct(first.ctx, { slug: 'shared-bucket-serum', name: 'Shared Bucket Serum' });

    const fromFirst = await upload((p, i) => first.app.request(p, i), product.id, '#cc3300');
    const seenBySecond = await second.app.request(`http://store.test${fromFirst.srcset[0]!.src}`);
    expect(seenBySecond.status).toBe(200);
    expect(seenBySecond.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await sharp(new Uint8Array(await seenBySecond.arrayBuffer())).metadata()).format).toBe('webp');

    const fromSecond = await upload((p, i) => second.app.request(p, i), product.id, '#0033cc');
    expect((await first.request(fromSecond.src)).status).toBe(200);

    const page = await (await second.app.request('http://store.test/products/shared-bucket-serum')).text();
    expect(page).toContain(fromFirst.src);
    expect(page).toContain(fromSecond.src);
    expect(existsSync(join(first.config.dataDir, 'images'))).toBe(false);
    expect(existsSync(join(second.dataDir, 'images'))).toBe(false);
  });

  it('keep a licence document in the bucket, served by either instance only through its authorised routes', async () => {
    const customer = await createTestCustomer(first.ctx.db);
    const sid = await createTestCustomerSession(first.ctx.db, customer.id);
    const pdf = new TextEncoder().encode('%PDF-1.7\n% licence scan\n%%EOF');
    const body = new FormData();
    const fields = {
      type: 'RN',
      number: 'RN 551200',
      issuingState: 'CA',
      expiresOn: addDays(todayUtc(), 400),
      holderName: 'Dana Reyes',
    };
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    body.set('document', new File([pdf], 'licence.pdf'));
    const res = await first.request('/api/store/account/licences', {
      method: 'POST',
      body,
      headers: { authorization: `Bearer ${sid}` },
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect(existsSync(join(first.config.dataDir, 'licences'))).toBe(false);
    // The reviewer's page on the other instance reads it from the bucket.
    const staffView = await second.app.request(`http://store.test/admin/licences/${id}/document`, {
      headers: { cookie: `staff_sid=${reviewerSid}` },
    });
    expect(staffView.status).toBe(200);
    expect(staffView.headers.get('cache-control')).toBe('private, no-store');
    expect(new TextDecoder().decode(await staffView.arrayBuffer())).toContain('licence scan');
    // Nobody else gets it: not a visitor, and there is no public address of the file.
    expect((await second.app.request(`http://store.test/admin/licences/${id}/document`)).status).toBe(303);
    expect((await second.app.request(`http://store.test/account/licences/${id}/document`)).status).toBe(303);
  });
});
