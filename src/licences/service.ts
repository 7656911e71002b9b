import { and, count, eq } from 'drizzle-orm';
import { customers } from '#src/accounts/schema.ts';
import type { Db } from '#src/db/client.ts';
import { AppError } from '#src/lib/errors.ts';
import type { AppContext } from '#src/web/context.ts';
import { deleteLicenceDocuments, detectDocumentKind, MAX_DOCUMENT_BYTES, storeLicenceDocument } from './documents.ts';
import { type Licence, licences } from './schema.ts';
import type { LicenceFields } from './validators.ts';

export const DOCUMENT_TYPE_MESSAGE =
  'The document must be a PDF, JPEG or PNG file. This file is none of those, whatever its name says: ' +
  'export or scan the licence as a PDF, or take a photo of it, and upload that.';
export const DOCUMENT_SIZE_MESSAGE =
  'The document is larger than 10 MB. Upload a smaller scan or photo of the licence.';

export const EMAIL_UNCONFIRMED_MESSAGE =
  'Confirm your email address before you submit a licence: open the link in the confirmation email we sent ' +
  'you, or ask for a new one. We review licences only for accounts whose address is confirmed.';

/** Refuses a licence from an account whose email was never confirmed (403): staff would review a stranger's. */
export function requireConfirmedEmail(customer: { emailVerifiedAt: Date | null }): void {
  if (!customer.emailVerifiedAt) {
    throw new AppError('FORBIDDEN', EMAIL_UNCONFIRMED_MESSAGE, { fields: { _: EMAIL_UNCONFIRMED_MESSAGE } });
  }
}

export const TAX_EXEMPTION_BUSINESS_ONLY =
  'Tax-exemption certificates are accepted from business accounts only: sales to a business that resells or uses ' +
  'the products in its practice may be exempt, sales to a consumer are not.';

export const WITHDRAWN_REASON = 'Withdrawn before review: the customer deleted the account.';

/** Why an uploaded document is refused, judged from its bytes; undefined when it is acceptable. */
export function describeBadDocument(bytes: Uint8Array | undefined): string | undefined {
  if (!bytes || bytes.length === 0) return 'Attach a scan or photo of the licence (PDF, JPEG or PNG).';
  if (bytes.length > MAX_DOCUMENT_BYTES) return DOCUMENT_SIZE_MESSAGE;
  if (!detectDocumentKind(bytes)) return DOCUMENT_TYPE_MESSAGE;
  return undefined;
}

/** Licences one customer may have waiting for review at once: enough for every licence they hold. */
export const MAX_PENDING_LICENCES = 5;

// Each upload keeps up to 10 MB on disk and adds to the staff queue, so an account cannot pile them up.
async function refuseTooManyPending(db: Db, customerId: string): Promise<void> {
  const [waiting] = await db
    .select({ n: count() })
    .from(licences)
    .where(and(eq(licences.customerId, customerId), eq(licences.status, 'pending')));
  if ((waiting?.n ?? 0) >= MAX_PENDING_LICENCES) {
    const message = `You already have ${MAX_PENDING_LICENCES} licences waiting for review. Please wait for our email about them before you submit another.`;
    throw new AppError('CONFLICT', message, { fields: { _: message } });
  }
}

/**
 * Records a licence for review. The file is written first (no file I/O inside a transaction) and removed again
 * if the row cannot be saved, so a failure leaves nothing behind.
 */
export async function submitLicence(
  ctx: Pick<AppContext, 'db' | 'config' | 'storage'>,
  o: { customerId: string; fields: LicenceFields; document: Uint8Array | undefined },
): Promise<Licence> {
  const problem = describeBadDocument(o.document);
  const kind = o.document && detectDocumentKind(o.document);
  if (problem || !o.document || !kind) {
    throw new AppError('VALIDATION', problem ?? DOCUMENT_TYPE_MESSAGE, {
      fields: { document: problem ?? DOCUMENT_TYPE_MESSAGE },
    });
  }
  // An early answer that spares writing the file in the usual case; the check that holds is the one below.
  await refuseTooManyPending(ctx.db, o.customerId);
  const fileName = await storeLicenceDocument(ctx.storage, o.document, kind);
  try {
    return await ctx.db.transaction(async (tx) => {
      // Locking the customer's row makes uploads of one customer take turns: each counts the pending licences
      // only after the one before has inserted and committed, so no two can both see four and add a sixth.
      const [holder] = await tx
        .select({ emailVerifiedAt: customers.emailVerifiedAt, accountType: customers.accountType })
        .from(customers)
        .where(eq(customers.id, o.customerId))
        .for('update');
      requireConfirmedEmail({ emailVerifiedAt: holder?.emailVerifiedAt ?? null });
      if (o.fields.type === 'tax-exemption' && holder?.accountType !== 'business') {
        throw new AppError('VALIDATION', TAX_EXEMPTION_BUSINESS_ONLY, {
          fields: { type: TAX_EXEMPTION_BUSINESS_ONLY },
        });
      }
      await refuseTooManyPending(tx, o.customerId);
      const [row] = await tx
        .insert(licences)
        .values({
          customerId: o.customerId,
          type: o.fields.type,
          number: o.fields.number,
          issuingState: o.fields.issuingState,
          expiresOn: o.fields.expiresOn,
          holderName: o.fields.holderName,
          documentFile: fileName,
          documentType: kind.type,
          documentSize: o.document!.length,
        })
        .returning();
      return row!;
    });
  } catch (err) {
    await deleteLicenceDocuments(ctx.storage, [fileName]);
    throw err;
  }
}

/**
 * For account deletion, inside the caller's transaction: the holder's name and document go, while type, number,
 * state, status and dates stay as the compliance record. A licence still waiting for review is withdrawn, so it
 * leaves the staff queue: with its document gone and nobody to tell, there is nothing left to review. Returns
 * the stored file names, which the caller removes with `deleteLicenceDocuments(storage, names)` once the
 * transaction has committed.
 */
export async function anonymiseLicencesOf(tx: Db, customerId: string): Promise<string[]> {
  const rows = await tx
    .select({ documentFile: licences.documentFile })
    .from(licences)
    .where(eq(licences.customerId, customerId));
  await tx
    .update(licences)
    .set({
      holderName: 'Deleted customer',
      documentFile: null,
      documentType: null,
      documentSize: null,
      updatedAt: new Date(),
    })
    .where(eq(licences.customerId, customerId));
  await tx
    .update(licences)
    .set({ status: 'rejected', rejectionReason: WITHDRAWN_REASON })
    .where(and(eq(licences.customerId, customerId), eq(licences.status, 'pending')));
  return rows.flatMap((r) => (r.documentFile ? [r.documentFile] : []));
}
