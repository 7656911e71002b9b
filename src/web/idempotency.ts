import { hash } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import type { Db } from '#src/db/client.ts';
import { AppError } from '#src/lib/errors.ts';
import type { AppEnv } from './context.ts';
import { problemResponse } from './openapi.ts';
import { idempotencyKeys } from './schema.ts';

// Writes that must not happen twice (docs/decisions/0010-idempotency-keys.md): the same key from the same client
// answers the first answer again, also while the first request still runs; a key sent with another request is
// refused.

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** Set on an answer that was stored for an earlier request with the same key, not made anew. */
export const REPLAYED_HEADER = 'Idempotent-Replayed';
/** How long a key stands for its first answer; the daily sweep removes it after that. */
export const IDEMPOTENCY_KEY_HOURS = 24;

// Visible ASCII: UUIDs, ULIDs, base64 and prefixed keys fit; spaces, control and non-ASCII characters do not.
const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;

/** The header as an operation declares it in the document: `request: { headers: IdempotencyKeyHeaders }`. */
export const IdempotencyKeyHeaders = z.object({
  [IDEMPOTENCY_KEY_HEADER]: z
    .string()
    .optional()
    .openapi({
      param: { name: IDEMPOTENCY_KEY_HEADER, in: 'header' },
      description:
        'A new random value (a UUID) for each request, sent again unchanged with its retries: a retry within 24 ' +
        'hours gets the first answer, with `Idempotent-Replayed: true`, and changes nothing. 1 to 255 visible ' +
        'ASCII characters.',
      example: '8e03978e-40d5-43e8-bc93-6894a57f9324',
    }),
});

/** The answer an operation taking the header adds to its responses (a malformed key is one of its 400s). */
export const keyReusedResponse = problemResponse(
  'The Idempotency-Key was already used with another body or operation (code IDEMPOTENCY_KEY_REUSED)',
);

/** What an operation answers: the status, a JSON body and headers such as `Location`, all replayed as they are. */
export type IdempotentAnswer<Status extends number = number, Body = unknown> = {
  status: Status;
  body: Body;
  headers?: Record<string, string>;
};

export type IdempotentRequest = {
  /** Who sends the key: `staff:<id>`, `customer:<id>`, or for an anonymous client what identifies it (its cart). */
  scope: string;
  /** The operation, by its operationId; the same key sent to another operation is a reuse. */
  operation: string;
  /** The validated request body (and any path parameters that change the effect). */
  body: unknown;
};

/** The key a request sent, if any; a malformed one is a 400. */
export function idempotencyKeyOf(c: Context): string | undefined {
  const raw = c.req.header(IDEMPOTENCY_KEY_HEADER);
  if (raw === undefined) return undefined;
  // The IETF draft sends the key as a structured-field string ("..."); most clients send it bare.
  const key = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
  if (!KEY_SHAPE.test(key)) {
    throw new AppError('BAD_REQUEST', 'The Idempotency-Key header is malformed; send a new UUID with each request.', {
      fields: { [IDEMPOTENCY_KEY_HEADER]: 'Between 1 and 255 visible ASCII characters, without spaces.' },
    });
  }
  return key;
}

/**
 * Runs `work` in one transaction, once per key: an API route's way to make a POST safe to retry. It returns the
 * answer to send, and on a repeated key sets `Idempotent-Replayed: true` and the stored headers on `c`. `work`
 * must use only `tx`, and return a JSON body. A thrown error stores nothing, so a retry acts again.
 *
 * @example
 * const answer = await withIdempotency(c, { scope: `staff:${staff.id}`, operation: 'receiveLot', body }, async (tx) => {
 *   const lot = await receiveLot({ tx, cache: c.var.ctx.cache }, { ...body, staffId: staff.id });
 *   return { status: 201, body: toLotJson(lot), headers: { Location: `/api/admin/lots/${lot.id}` } };
 * });
 * return c.json(answer.body, answer.status);
 */
export async function withIdempotency<Status extends number, Body>(
  c: Context<AppEnv>,
  request: IdempotentRequest,
  work: (tx: Db) => Promise<IdempotentAnswer<Status, Body>>,
): Promise<IdempotentAnswer<Status, Body>> {
  const key = idempotencyKeyOf(c);
  const answer = await runIdempotent(c.var.ctx.db, { ...request, key }, work);
  for (const [name, value] of Object.entries(answer.headers ?? {})) c.header(name, value);
  if (answer.isReplayed) c.header(REPLAYED_HEADER, 'true');
  return answer;
}

/**
 * The same without HTTP. The key row is claimed first in the work's own transaction: a concurrent request with
 * the same key waits on its unique index until this one commits, then finds the stored answer (or, if this one
 * rolled back, acts itself). On PGlite transactions run one after another, so the twin simply finds the row.
 */
export async function runIdempotent<Status extends number, Body>(
  db: Db,
  request: IdempotentRequest & { key: string | undefined },
  work: (tx: Db) => Promise<IdempotentAnswer<Status, Body>>,
): Promise<IdempotentAnswer<Status, Body> & { isReplayed: boolean }> {
  if (!request.scope || !request.operation) throw new Error('An idempotent operation needs a scope and a name.');
  const { key } = request;
  return db.transaction(async (tx) => {
    if (key === undefined) return { ...asSent(await work(tx)), isReplayed: false };
    const row = { scope: request.scope, key, operation: request.operation };
    const requestHash = hashRequest(request.operation, request.body);
    if (!(await claimKey(tx, { ...row, requestHash }))) {
      return { ...(await storedAnswer<Status, Body>(tx, { ...row, requestHash })), isReplayed: true };
    }
    const answer = asSent(await work(tx));
    await tx
      .update(idempotencyKeys)
      .set({ status: answer.status, body: answer.body, headers: answer.headers ?? {} })
      .where(and(eq(idempotencyKeys.scope, row.scope), eq(idempotencyKeys.key, key)));
    return { ...answer, isReplayed: false };
  });
}

type KeyRow = { scope: string; key: string; operation: string; requestHash: string };

// True when this transaction now holds the key: a new row, or one past its 24 hours taken over. Otherwise the
// existing row is locked (and read next) until this transaction ends.
async function claimKey(tx: Db, row: KeyRow): Promise<boolean> {
  const claimed = await tx
    .insert(idempotencyKeys)
    .values(row)
    .onConflictDoUpdate({
      target: [idempotencyKeys.scope, idempotencyKeys.key],
      // SQL nulls: drizzle would store a JSON null in a json column given null.
      set: { ...row, status: sql`null`, body: sql`null`, headers: {}, createdAt: sql`now()` },
      setWhere: lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${IDEMPOTENCY_KEY_HOURS})`),
    })
    .returning({ key: idempotencyKeys.key });
  return claimed.length > 0;
}

async function storedAnswer<Status extends number, Body>(tx: Db, row: KeyRow): Promise<IdempotentAnswer<Status, Body>> {
  const [stored] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, row.scope), eq(idempotencyKeys.key, row.key)));
  // The row is locked by this transaction since the claim, so no sweep can have removed it.
  if (!stored) throw new Error(`Idempotency key ${row.scope} ${row.key} vanished while locked.`);
  if (stored.operation !== row.operation || stored.requestHash !== row.requestHash) {
    throw new AppError(
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was already used for a different request. Send a new key with each new request.',
    );
  }
  // Committed rows always have their answer: it is written in the transaction that wrote the row.
  if (stored.status === null) throw new Error(`Idempotency key ${row.scope} ${row.key} has no answer.`);
  return { status: stored.status as Status, body: stored.body as Body, headers: stored.headers };
}

// The answer as JSON gives it back, so that the first request and a replay receive exactly the same body.
function asSent<A extends IdempotentAnswer>(answer: A): A {
  return { ...answer, body: JSON.parse(JSON.stringify(answer.body ?? null)) };
}

// Field order does not make a request different: `{"a":1,"b":2}` and `{"b":2,"a":1}` are one request.
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function hashRequest(operation: string, body: unknown): string {
  const json = canonicalJson(JSON.parse(JSON.stringify(body ?? null)));
  return hash('sha256', `${operation}\n${json}`, 'hex');
}
