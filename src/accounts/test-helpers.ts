import { and, desc, eq } from 'drizzle-orm';
import { JOB_KINDS } from '#src/job-kinds.ts';
import { runDueJobs } from '#src/jobs/worker.ts';
import { type OutboxMail, outbox } from '#src/mail/schema.ts';
import type { TestStore } from '#test/support/test-store.ts';
import { createVisitor, type Visitor } from '#test/support/visitor.ts';

let sequence = 0;

/** An email address no other test uses, in this process or another (the Redis counters outlive a run). */
export function uniqueEmail(label = 'customer'): string {
  sequence += 1;
  return `${label}.${process.pid}.${Date.now().toString(36)}.${sequence}@example.com`;
}

export const GOOD_PASSWORD = 'amber kettle orbit 42';

/**
 * Runs every job that is due, as the server's worker does within seconds: some mails (reset links, new
 * confirmation links) are written by a job, not by the request that asked for them.
 */
export async function runJobs(store: TestStore): Promise<void> {
  await runDueJobs(store.ctx, JOB_KINDS);
}

/**
 * The newest mail of one kind to one address, from the outbox a test reads instead of a mailbox; due jobs run
 * first, as they would have by the time the mail reached a mailbox.
 */
export async function latestMail(store: TestStore, to: string, kind: string): Promise<OutboxMail | undefined> {
  await runJobs(store);
  const [mail] = await store.ctx.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.to, to), eq(outbox.kind, kind)))
    .orderBy(desc(outbox.createdAt))
    .limit(1);
  return mail;
}

/** How many mails went to one address, once due jobs have run. */
export async function countMails(store: TestStore, to: string): Promise<number> {
  await runJobs(store);
  return (await store.ctx.db.select({ id: outbox.id }).from(outbox).where(eq(outbox.to, to))).length;
}

/** The store link in a mail's plain text, as a path with its query, e.g. "/account/verify-email?token=...". */
export function linkIn(mail: OutboxMail | undefined, store: TestStore): string {
  if (!mail) throw new Error('no such mail in the outbox');
  const base = store.config.baseUrl;
  const match = new RegExp(`${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(/[^\\s]*token=[^\\s]+)`).exec(mail.text);
  if (!match) throw new Error(`no link with a token in mail "${mail.subject}"`);
  return match[1]!;
}

/** The token of a link path. */
export function tokenOf(link: string): string {
  return new URL(link, 'http://x').searchParams.get('token') ?? '';
}

export type Registered = { visitor: Visitor; email: string; password: string };

/**
 * Registers through the pages, confirms the email from its mail and signs in: a customer as a browser makes one.
 */
export async function signUp(
  store: TestStore,
  o: {
    email?: string;
    password?: string;
    name?: string;
    accountType?: 'client' | 'business';
    companyName?: string;
    phone?: string;
  } = {},
): Promise<Registered> {
  const email = o.email ?? uniqueEmail();
  const password = o.password ?? GOOD_PASSWORD;
  const visitor = createVisitor(store);
  const fields: Record<string, string> = {
    email,
    password,
    name: o.name ?? 'Dana Reyes',
    accountType: o.accountType ?? 'client',
    acceptsTermsAndPrivacy: 'on',
  };
  if (o.companyName) fields.companyName = o.companyName;
  if (o.phone) fields.phone = o.phone;
  const registered = await visitor.submit('/account/register', fields);
  if (registered.status !== 303)
    throw new Error(`registration answered ${registered.status}: ${(await registered.text()).slice(0, 400)}`);
  const link = linkIn(await latestMail(store, email, 'verify-email'), store);
  const confirmed = await visitor.submit(link, { token: tokenOf(link) }, '/account/verify-email');
  if (confirmed.status !== 303) throw new Error(`confirmation answered ${confirmed.status}`);
  await signInAs(visitor, email, password);
  return { visitor, email, password };
}

export async function signInAs(visitor: Visitor, email: string, password: string, extra: Record<string, string> = {}) {
  const res = await visitor.submit('/account/sign-in', { email, password, ...extra });
  if (res.status !== 303) throw new Error(`sign-in answered ${res.status}: ${(await res.text()).slice(0, 400)}`);
  return res;
}

export const SAMPLE_ADDRESS = {
  name: 'Dana Reyes',
  line1: '200 Mission Street',
  line2: 'Suite 4',
  city: 'San Francisco',
  state: 'CA',
  postalCode: '94105',
  country: 'US',
  phone: '(415) 555-0100',
};
