import type { CustomerDataPart } from '#src/accounts/privacy/privacy.ts';
import { deleteLicenceDocuments } from './documents.ts';
import { listLicencesOf } from './queries.ts';
import { anonymiseLicencesOf } from './service.ts';

/** A customer's licences in their data export, and what deleting their account does to them. */
export const licenceCustomerData: CustomerDataPart = {
  name: 'licences',
  async exportOf(db, customerId) {
    const rows = await listLicencesOf(db, customerId);
    return rows.map((l) => ({
      id: l.id,
      type: l.type,
      number: l.number,
      issuingState: l.issuingState,
      expiresOn: l.expiresOn,
      holderName: l.holderName,
      status: l.status,
      rejectionReason: l.rejectionReason,
      hasDocument: l.documentFile !== null,
      // The file itself is too large for this document; signed in, the customer downloads it here.
      documentUrl: l.documentFile ? `/account/licences/${l.id}/document` : null,
      documentType: l.documentType,
      reviewedAt: l.reviewedAt?.toISOString() ?? null,
      createdAt: l.createdAt.toISOString(),
    }));
  },
  async erase(tx, customerId, ctx) {
    const documents = await anonymiseLicencesOf(tx, customerId);
    // Files go only after the rows stopped referring to them.
    return () => deleteLicenceDocuments(ctx.storage, documents);
  },
};
