import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { AppError } from '#src/lib/errors.ts';
import { createToken, hashToken } from '#src/lib/tokens.ts';
import { customerTokens } from '../schema.ts';

export type LinkPurpose = (typeof customerTokens.$inferInsert)['purpose'];

const HOUR_MS = 60 * 60 * 1000;
export const LINK_LIFETIME_MS: Record<LinkPurpose, number> = {
  'verify-email': 48 * HOUR_MS,
  'reset-password': HOUR_MS,
  'change-email': 24 * HOUR_MS,
};

/** Creates a single-use link token; only its hash is stored. Returns the token for the mail. */
export async function issueLinkToken(
  db: Db,
  o: { customerId: string; purpose: LinkPurpose; newEmail?: string },
): Promise<string> {
  const token = createToken();
  await db.insert(customerTokens).values({
    tokenHash: hashToken(token),
    customerId: o.customerId,
    purpose: o.purpose,
    newEmail: o.newEmail,
    expiresAt: new Date(Date.now() + LINK_LIFETIME_MS[o.purpose]),
  });
  return token;
}

/**
 * Throws a message saying why a link cannot be used (unknown, used or expired); changes nothing. Pages call it
 * before showing a form behind the link, so that nobody fills in a form that is bound to fail.
 */
export async function checkLinkToken(db: Db, token: string, purpose: LinkPurpose) {
  const [row] = await db
    .select()
    .from(customerTokens)
    .where(and(eq(customerTokens.tokenHash, hashToken(token)), eq(customerTokens.purpose, purpose)));
  if (!row)
    throw new AppError('BAD_REQUEST', 'This link is not valid. Check that you opened the whole link from the email.');
  if (row.usedAt) throw new AppError('BAD_REQUEST', 'This link has already been used. Each link works once.');
  if (row.expiresAt.getTime() <= Date.now()) {
    throw new AppError('BAD_REQUEST', 'This link has expired. Please ask for a new one.');
  }
  return row;
}

/**
 * Marks a link token used and returns its row, or throws a message saying why the link cannot be used.
 * The update is conditional, so of two simultaneous uses only one succeeds. Call inside the transaction that
 * does what the link asks, so that a failure leaves the link usable.
 */
export async function consumeLinkToken(tx: Db, token: string, purpose: LinkPurpose) {
  const tokenHash = hashToken(token);
  await checkLinkToken(tx, token, purpose);
  const [used] = await tx
    .update(customerTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(customerTokens.tokenHash, tokenHash), isNull(customerTokens.usedAt)))
    .returning();
  if (!used) throw new AppError('BAD_REQUEST', 'This link has already been used. Each link works once.');
  return used;
}

/** Retires a customer's unused links of one purpose, e.g. older reset links once the password changed. */
export async function retireLinkTokens(db: Db, customerId: string, purpose: LinkPurpose): Promise<void> {
  await db
    .update(customerTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(customerTokens.customerId, customerId),
        eq(customerTokens.purpose, purpose),
        isNull(customerTokens.usedAt),
      ),
    );
}
