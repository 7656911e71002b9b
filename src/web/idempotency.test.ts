import { randomUUID } from 'node:crypto';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_KINDS } from '#src/job-kinds.ts';
import { jobs } from '#src/jobs/schema.ts';
import { runDueJobs, scheduleDailyJobs } from '#src/jobs/worker.ts';
import { AppError } from '#src/lib/errors.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { createApiRouter } from './api.ts';
import type { AppEnv } from './context.ts';
import { IdempotencyKeyHeaders, keyReusedResponse, runIdempotent, withIdempotency } from './idempotency.ts';
import { sweepIdempotencyKeys } from './idempotency-sweep.ts';
import { json, jsonBody, problemResponse } from './openapi.ts';
import { problemJson } from './problem.ts';
import { idempotencyKeys } from './schema.ts';

// A receipt of goods stands for any write that must not happen twice: each one the route makes is a row of a
// table of this file's own, so the tests count effects in the database.
let store: TestStore;
let failures = 0;
let delayMs = 0;

const ReceiptSchema = z.object({ sku: z.string().min(1), quantity: z.number().int().positive() }).strict();

const router = createApiRouter();
router.openapi(
  createRoute({
    method: 'post',
    path: '/receipts',
    operationId: 'receiveGoods',
    request: {
      headers: IdempotencyKeyHeaders,
      body: jsonBody(ReceiptSchema, { example: { sku: 'HA-1', quantity: 5 } }),
    },
    responses: {
      201: json(z.object({ id: z.string(), sku: z.string(), quantity: z.number(), at: z.string() }), 'Received'),
      400: problemResponse('Invalid body or key'),
      422: keyReusedResponse,
    },
  }),
  async (c) => {
    const body = c.req.valid('json');
    // Stands for the signed-in principal a real route reads from its session.
    const scope = `staff:${c.req.header('x-test-staff') ?? 'one'}`;
    const answer = await withIdempotency(c, { scope, operation: 'receiveGoods', body }, async (tx) => {
      const result = await tx.execute<{ id: string; at: Date }>(
        sql`insert into test_receipts (sku, quantity) values (${body.sku}, ${body.quantity})
            returning id, clock_timestamp() as at`,
      );
      // Holds the transaction open, so that twins sent together really overlap on PostgreSQL.
      if (delayMs > 0) await tx.execute(sql`select pg_sleep(${delayMs / 1000})`);
      if (failures > 0) {
        failures--;
        throw new Error('the supplier system did not answer');
      }
      const row = result.rows[0]!;
      const id = row.id;
      const at = new Date(row.at).toISOString();
      return {
        status: 201,
        body: { id, sku: body.sku, quantity: body.quantity, at },
        headers: { Location: `/r/${id}` },
      };
    });
    return c.json(answer.body, answer.status);
  },
);

const app = new OpenAPIHono<AppEnv>();
app.use((c, next) => {
  c.set('ctx', store.ctx);
  return next();
});
app.route('/', router);
// As app.ts answers: an AppError is its problem, anything else a 500.
app.onError((err, c) =>
  err instanceof AppError
    ? problemJson(c, err.status, err.message, { code: err.code, errors: err.fields })
    : problemJson(c, 500, 'unexpected'),
);

function post(body: unknown, o: { key?: string; staff?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (o.key !== undefined) headers['idempotency-key'] = o.key;
  if (o.staff) headers['x-test-staff'] = o.staff;
  return Promise.resolve(app.request('/receipts', { method: 'POST', body: JSON.stringify(body), headers }));
}

async function effectsOf(sku: string): Promise<number> {
  const result = await store.ctx.db.execute<{ n: number }>(
    sql`select count(*)::int as n from test_receipts where sku = ${sku}`,
  );
  return result.rows[0]!.n;
}

const keysOf = (key: string) => store.ctx.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
const ago = (hours: number) => new Date(Date.now() - hours * 60 * 60 * 1000);

beforeAll(async () => {
  store = await createTestStore({ template: 'empty' });
  await store.ctx.db.execute(sql`create table test_receipts (
    id uuid primary key default gen_random_uuid(), sku text not null, quantity int not null)`);
});
afterAll(() => store?.close());

describe('an Idempotency-Key', () => {
  it('sent twice makes one effect, and the second request gets the first answer, marked as replayed', async () => {
    const key = randomUUID();
    const first = await post({ sku: 'seq', quantity: 5 }, { key });
    const second = await post({ quantity: 5, sku: 'seq' }, { key });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(await second.text()).toBe(await first.text());
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await effectsOf('seq')).toBe(1);
    const [row] = await keysOf(key);
    expect(row).toMatchObject({ scope: 'staff:one', operation: 'receiveGoods', status: 201 });
  });

  it('sent by ten requests at once makes one effect, and all ten get the same answer', async () => {
    const key = randomUUID();
    delayMs = 200;
    try {
      const answers = await Promise.all(Array.from({ length: 10 }, () => post({ sku: 'twins', quantity: 1 }, { key })));
      const texts = await Promise.all(answers.map((a) => a.text()));
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
      expect(new Set(texts).size).toBe(1);
      expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(9);
    } finally {
      delayMs = 0;
    }
    expect(await effectsOf('twins')).toBe(1);
  });

  it('sent again with another body is refused with 422, and nothing happens', async () => {
    const key = randomUUID();
    expect((await post({ sku: 'changed', quantity: 1 }, { key })).status).toBe(201);
    const reused = await post({ sku: 'changed', quantity: 2 }, { key });
    expect(reused.status).toBe(422);
    expect(reused.headers.get('content-type')).toBe('application/problem+json');
    expect(await reused.json()).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await effectsOf('changed')).toBe(1);
    const [row] = await keysOf(key);
    expect(row?.body).toMatchObject({ quantity: 1 });
  });

  it('sent to another operation is a reuse too', async () => {
    const key = randomUUID();
    const body = { sku: 'other-op', quantity: 1 };
    expect((await post(body, { key })).status).toBe(201);
    const work = async () => ({ status: 200, body: {} });
    const other = { scope: 'staff:one', operation: 'refundGoods', body, key };
    await expect(runIdempotent(store.ctx.db, other, work)).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('belongs to the client that sent it: another client with the same key acts on its own', async () => {
    const key = randomUUID();
    const mine = await post({ sku: 'per-client', quantity: 1 }, { key, staff: 'one' });
    const theirs = await post({ sku: 'per-client', quantity: 1 }, { key, staff: 'two' });
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(await theirs.text()).not.toBe(await mine.text());
    expect(await effectsOf('per-client')).toBe(2);
  });

  it('is optional: requests without one each act, and leave no key behind', async () => {
    const before = await store.ctx.db.$count(idempotencyKeys);
    expect((await post({ sku: 'keyless', quantity: 1 })).status).toBe(201);
    expect((await post({ sku: 'keyless', quantity: 1 })).status).toBe(201);
    expect(await effectsOf('keyless')).toBe(2);
    expect(await store.ctx.db.$count(idempotencyKeys)).toBe(before);
  });

  it('of a request that failed stores nothing, so a retry with it acts', async () => {
    const key = randomUUID();
    failures = 1;
    expect((await post({ sku: 'retried', quantity: 1 }, { key })).status).toBe(500);
    expect(await effectsOf('retried')).toBe(0);
    expect(await keysOf(key)).toEqual([]);
    const retry = await post({ sku: 'retried', quantity: 1 }, { key });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(await effectsOf('retried')).toBe(1);
  });

  it('of a request that fails while its twin waits lets the twin act', async () => {
    const key = randomUUID();
    failures = 1;
    delayMs = 200;
    try {
      const answers = await Promise.all([1, 2].map(() => post({ sku: 'twin-after-failure', quantity: 1 }, { key })));
      expect(answers.map((a) => a.status).sort()).toEqual([201, 500]);
    } finally {
      failures = 0;
      delayMs = 0;
    }
    expect(await effectsOf('twin-after-failure')).toBe(1);
  });

  it('that is malformed is a 400 and nothing happens', async () => {
    for (const key of ['', 'a b', 'clé', 'k'.repeat(256)]) {
      const res = await post({ sku: 'malformed', quantity: 1 }, { key });
      expect(res.status, JSON.stringify(key)).toBe(400);
      expect(await res.json()).toMatchObject({ errors: [{ field: 'Idempotency-Key' }] });
    }
    expect(await effectsOf('malformed')).toBe(0);
    // The longest key, and one sent as a structured-field string ("...") as the IETF draft writes it.
    const longest = 'k'.repeat(255);
    expect((await post({ sku: 'long', quantity: 1 }, { key: longest })).status).toBe(201);
    const quoted = await post({ sku: 'long', quantity: 1 }, { key: `"${longest}"` });
    expect(quoted.headers.get('idempotent-replayed')).toBe('true');
    expect(await effectsOf('long')).toBe(1);
  });
});

describe('the Idempotency-Key of an operation', () => {
  it('is described in the document as an optional header, with the 422 of a reused key', () => {
    const document = router.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'test', version: '1' } });
    const operation = document.paths?.['/receipts']?.post;
    expect(operation?.parameters).toEqual([
      expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false }),
    ]);
    expect(operation?.responses?.['422']).toBeDefined();
  });
});

describe('an expired Idempotency-Key', () => {
  it('is taken over by a new request if the sweep has not removed it yet', async () => {
    const key = randomUUID();
    await post({ sku: 'stale', quantity: 1 }, { key });
    await store.ctx.db
      .update(idempotencyKeys)
      .set({ createdAt: ago(25) })
      .where(eq(idempotencyKeys.key, key));
    const again = await post({ sku: 'stale', quantity: 2 }, { key });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(await effectsOf('stale')).toBe(2);
  });

  it('is removed by the daily sweep after 24 hours, while newer keys stay', async () => {
    const [old, fresh] = [randomUUID(), randomUUID()];
    await post({ sku: 'swept', quantity: 1 }, { key: old });
    await post({ sku: 'kept', quantity: 1 }, { key: fresh });
    await store.ctx.db
      .update(idempotencyKeys)
      .set({ createdAt: ago(24.1) })
      .where(eq(idempotencyKeys.key, old));
    await store.ctx.db
      .update(idempotencyKeys)
      .set({ createdAt: ago(23.9) })
      .where(eq(idempotencyKeys.key, fresh));

    await scheduleDailyJobs(store.ctx.db, JOB_KINDS);
    await runDueJobs(store.ctx, JOB_KINDS);
    const [sweep] = await store.ctx.db.select().from(jobs).where(eq(jobs.kind, 'idempotency-key-sweep'));
    expect(sweep).toMatchObject({ lastError: '' });
    expect(sweep?.doneAt).not.toBeNull();
    expect(await keysOf(old)).toEqual([]);
    expect(await keysOf(fresh)).toHaveLength(1);
    expect(await sweepIdempotencyKeys(store.ctx.db)).toEqual({ keys: 0 });
  });
});
