import { inArray } from 'drizzle-orm';
import { addresses, customers } from '#src/accounts/schema.ts';
import type { Db } from '#src/db/client.ts';
import { addDays, todayUtc } from '#src/lib/dates.ts';
import { deleteLicenceDocuments, detectDocumentKind, storeLicenceDocument } from '#src/licences/documents.ts';
import { licences } from '#src/licences/schema.ts';
import { LICENCE_TYPE_LABELS } from '#src/licences/validators.ts';
import { hashPassword } from '#src/security/passwords.ts';
import type { FileStorage } from '#src/storage/storage.ts';
import type { DemoCustomer } from './customers-data.ts';
import { drawSpecimenLicence } from './licence-document.ts';

type Prepared = { customer: DemoCustomer; passwordHash: string; document?: { name: string; size: number } };

// Hashing and writing files are slow work, done before the transaction that records them.
async function prepare(customer: DemoCustomer, storage: FileStorage, today: string): Promise<Prepared> {
  const passwordHash = await hashPassword(customer.password);
  if (!customer.licence) return { customer, passwordHash };
  const l = customer.licence;
  const bytes = drawSpecimenLicence({
    typeLabel: LICENCE_TYPE_LABELS[l.type],
    number: l.number,
    issuingState: l.issuingState,
    holderName: l.holderName,
    expiresOn: addDays(today, l.validForDays),
  });
  const name = await storeLicenceDocument(storage, bytes, detectDocumentKind(bytes)!);
  return { customer, passwordHash, document: { name, size: bytes.length } };
}

/**
 * Creates the demo store's customers with their address and licence (its document in `storage`),
 * confirmed and ready to sign in. A customer whose email already has an account is left alone, so running it
 * again changes nothing. Returns how many customers and licences were added.
 */
export async function seedDemoCustomers(
  db: Db,
  storage: FileStorage,
): Promise<{ customers: number; licences: number }> {
  const { DEMO_CUSTOMERS } = await import('./customers-data.ts');
  const taken = await db
    .select({ email: customers.email })
    .from(customers)
    .where(
      inArray(
        customers.email,
        DEMO_CUSTOMERS.map((c) => c.email),
      ),
    );
  const missing = DEMO_CUSTOMERS.filter((c) => !taken.some((row) => row.email === c.email));
  if (missing.length === 0) return { customers: 0, licences: 0 };
  const today = todayUtc();
  const prepared = await Promise.all(missing.map((customer) => prepare(customer, storage, today)));
  const written = prepared.flatMap((p) => (p.document ? [p.document.name] : []));
  const unused: string[] = [];
  try {
    return await db.transaction(async (tx) => {
      const added = { customers: 0, licences: 0 };
      const now = new Date();
      for (const { customer: c, passwordHash, document } of prepared) {
        const [row] = await tx
          .insert(customers)
          .values({
            email: c.email,
            passwordHash,
            name: c.name,
            accountType: c.accountType,
            companyName: c.companyName,
            phone: c.phone,
            emailVerifiedAt: now,
          })
          .onConflictDoNothing()
          .returning({ id: customers.id });
        if (!row) {
          // Another process created this account meanwhile: its own data stays, this document goes.
          if (document) unused.push(document.name);
          continue;
        }
        added.customers += 1;
        await tx.insert(addresses).values({
          customerId: row.id,
          name: c.companyName || c.name,
          ...c.address,
          country: 'US',
          phone: c.phone,
          isDefaultShipping: true,
          isDefaultBilling: true,
        });
        if (c.licence && document) {
          await tx.insert(licences).values({
            customerId: row.id,
            type: c.licence.type,
            number: c.licence.number,
            issuingState: c.licence.issuingState,
            expiresOn: addDays(today, c.licence.validForDays),
            holderName: c.licence.holderName,
            documentFile: document.name,
            documentType: 'application/pdf',
            documentSize: document.size,
            status: c.licence.status,
            // Approved before any staff account existed: by nobody the store can name.
            reviewedAt: c.licence.status === 'approved' ? now : null,
          });
          added.licences += 1;
        }
      }
      return added;
    });
  } catch (err) {
    unused.push(...written);
    throw err;
  } finally {
    await deleteLicenceDocuments(storage, unused);
  }
}
