import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_KINDS } from '#src/job-kinds.ts';
import { jobs } from '#src/jobs/schema.ts';
import { runDueJobs } from '#src/jobs/worker.ts';
import { createLogger } from '#src/lib/logger.ts';
import { createTestStore, type TestStore } from '#test/support/test-store.ts';
import { MAIL_MAX_ATTEMPTS } from './deliver.ts';
import { queueMail } from './outbox.ts';
import { outbox } from './schema.ts';

type Received = { from: string; to: string[]; raw: string };

/** A real SMTP server on loopback that refuses the first `refusals` messages, as a busy relay would. */
async function startSmtpServer(o: { refusals?: number } = {}) {
  const received: Received[] = [];
  let refusals = o.refusals ?? 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refusals > 0) {
          refusals--;
          const busy = Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 });
          return callback(busy);
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { received, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const sample = {
  to: 'dana@example.com',
  subject: 'Your licence was approved',
  text: 'You may now order professional products.',
  html: '<p>You may now order professional products.</p>',
  kind: 'licence-approved',
};

async function mailRow(store: TestStore, id: string) {
  const [row] = await store.ctx.db.select().from(outbox).where(eq(outbox.id, id));
  return row!;
}

// Time passing, for the queue: the retry that back-off scheduled later becomes due now.
async function makeRetriesDue(store: TestStore) {
  await store.ctx.db.update(jobs).set({ runAt: new Date(Date.now() - 1000) });
}

describe('mail without SMTP_URL', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore();
  });
  afterAll(() => store.close());

  it('is kept in the outbox for staff to read, and its job completes', async () => {
    const id = await queueMail(store.ctx.db, sample);
    expect((await mailRow(store, id)).status).toBe('queued');
    expect(await runDueJobs(store.ctx, JOB_KINDS)).toBeGreaterThanOrEqual(1);
    const row = await mailRow(store, id);
    expect(row.status).toBe('kept');
    expect(row.sentAt).toBeNull();
  });

  it('is never queued when the work that wrote it rolls back', async () => {
    const before = await store.ctx.db.$count(outbox);
    await expect(
      store.ctx.db.transaction(async (tx) => {
        await queueMail(tx, { ...sample, to: 'rolled-back@example.com' });
        throw new Error('the caller failed after writing the mail');
      }),
    ).rejects.toThrow('the caller failed');
    expect(await store.ctx.db.$count(outbox)).toBe(before);
  });
});

/** Runs due jobs with a logger at the default level whose lines the test reads, parsed. */
async function runJobsReadingLog(store: TestStore): Promise<Record<string, unknown>[]> {
  const lines: string[] = [];
  const log = createLogger('info', { write: (line: string) => void lines.push(line) });
  await runDueJobs({ ...store.ctx, log }, JOB_KINDS);
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

const withLinks = {
  ...sample,
  to: 'noor@example.com',
  kind: 'verify-email',
  subject: 'Confirm your email address',
  text: [
    'Hello Noor,',
    '',
    'Our price list is at http://store.test/products.',
    '',
    'Confirm your email: http://store.test/account/verify-email?token=abc-123',
  ].join('\n'),
};

describe('the links of a mail kept in the outbox', () => {
  let development: TestStore;
  let production: TestStore;
  beforeAll(async () => {
    [development, production] = await Promise.all([
      createTestStore({ template: 'empty', env: { NODE_ENV: 'development' } }),
      createTestStore({ template: 'empty', env: { NODE_ENV: 'production' } }),
    ]);
  });
  afterAll(() => Promise.all([development.close(), production.close()]));

  it('are written to the log in development, one info line per mail with the recipient, never the body', async () => {
    await queueMail(development.ctx.db, withLinks);
    await queueMail(development.ctx.db, { ...sample, to: 'omar@example.com' });
    const lines = (await runJobsReadingLog(development)).filter((line) => 'links' in line);
    expect(lines).toHaveLength(2);
    const noor = lines.find((line) => line.to === 'noor@example.com');
    expect(noor).toMatchObject({
      level: 30,
      kind: 'verify-email',
      links: ['http://store.test/products', 'http://store.test/account/verify-email?token=abc-123'],
    });
    expect(noor?.msg).toContain('noor@example.com');
    expect(noor?.msg).toContain('http://store.test/account/verify-email?token=abc-123');
    expect(lines.find((line) => line.to === 'omar@example.com')).toMatchObject({ links: [] });
    const written = JSON.stringify(lines);
    for (const bodyText of ['Hello Noor', 'price list', 'Confirm your email:', 'professional products']) {
      expect(written).not.toContain(bodyText);
    }
  });

  it('are not logged in production, though the mail is kept for staff', async () => {
    const id = await queueMail(production.ctx.db, withLinks);
    const lines = await runJobsReadingLog(production);
    expect(JSON.stringify(lines)).not.toContain('noor@example.com');
    expect(JSON.stringify(lines)).not.toContain('token=');
    expect((await mailRow(production, id)).status).toBe('kept');
  });
});

describe('mail over SMTP', () => {
  let store: TestStore;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer({ refusals: 1 });
    store = await createTestStore({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'orders@facemedstore.example' } });
  });
  afterAll(async () => {
    await store.close();
    await smtp.close();
  });

  it('is retried after the server refuses it, then delivered in the store name with text and HTML', async () => {
    const id = await queueMail(store.ctx.db, sample);
    await runDueJobs(store.ctx, JOB_KINDS);
    let row = await mailRow(store, id);
    expect(row.status).toBe('queued');
    expect(row.attempts).toBe(1);
    expect(row.lastError).toContain('busy');
    const [job] = await store.ctx.db.select().from(jobs).where(eq(jobs.kind, 'send-mail'));
    expect(job!.runAt.getTime()).toBeGreaterThan(Date.now());
    expect(smtp.received).toHaveLength(0);

    await makeRetriesDue(store);
    await runDueJobs(store.ctx, JOB_KINDS);
    row = await mailRow(store, id);
    expect(row.status).toBe('sent');
    expect(row.sentAt).not.toBeNull();
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.to).toEqual(['dana@example.com']);
    expect(mail!.from).toBe('orders@facemedstore.example');
    expect(mail!.raw).toContain('From: FACE Med Store <orders@facemedstore.example>');
    expect(mail!.raw).toContain('Subject: Your licence was approved');
    expect(mail!.raw).toContain('text/plain');
    expect(mail!.raw).toContain('text/html');
  });
});

describe('mail the server keeps refusing', () => {
  let store: TestStore;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer({ refusals: Number.POSITIVE_INFINITY });
    store = await createTestStore({ env: { SMTP_URL: smtp.url } });
  });
  afterAll(async () => {
    await store.close();
    await smtp.close();
  });

  it('is marked failed after its last try, with the server answer for staff', async () => {
    const id = await queueMail(store.ctx.db, sample);
    for (let attempt = 1; attempt <= MAIL_MAX_ATTEMPTS; attempt++) {
      await makeRetriesDue(store);
      await runDueJobs(store.ctx, JOB_KINDS);
    }
    const row = await mailRow(store, id);
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(MAIL_MAX_ATTEMPTS);
    expect(row.lastError).toContain('busy');
    const [job] = await store.ctx.db.select().from(jobs).where(eq(jobs.kind, 'send-mail'));
    expect(job!.failedAt).not.toBeNull();
    // Nothing is left to run: the worker does not try again.
    await makeRetriesDue(store);
    expect(await runDueJobs(store.ctx, JOB_KINDS)).toBe(0);
  });
});
