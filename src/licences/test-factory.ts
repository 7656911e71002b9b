import { type Customer, customerSessions, customers } from '#src/accounts/schema.ts';
import type { Db } from '#src/db/client.ts';
import { addDays, todayUtc } from '#src/lib/dates.ts';
import { createToken, hashToken } from '#src/lib/tokens.ts';
import type { StaffRole, StaffUser } from '#src/staff/schema.ts';
import { createStaff } from '#src/staff/service.ts';
import { createStaffSession } from '#src/staff/sessions.ts';
import { type Licence, type LicenceType, licences } from './schema.ts';

let sequence = 0;
function nextTag(): string {
  sequence += 1;
  return `t${process.pid}x${sequence}`;
}

/**
 * A customer with a unique, confirmed email; pass only what the test cares about (`emailVerifiedAt: null` for
 * one who never opened the confirmation link).
 */
export async function createTestCustomer(db: Db, o: Partial<typeof customers.$inferInsert> = {}): Promise<Customer> {
  const tag = nextTag();
  const [row] = await db
    .insert(customers)
    .values({
      email: `customer-${tag}@example.com`,
      name: `Customer ${tag}`,
      accountType: 'business',
      emailVerifiedAt: new Date(),
      ...o,
    })
    .returning();
  return row!;
}

/** A signed-in session for a customer, as the `sid` cookie or a bearer token would carry it. */
export async function createTestCustomerSession(db: Db, customerId: string): Promise<string> {
  const token = createToken();
  await db.insert(customerSessions).values({
    tokenHash: hashToken(token),
    customerId,
    expiresAt: new Date(Date.now() + 24 * 60 * 60 * 1000),
  });
  return token;
}

/** A licence row written directly (no document file), valid for a year unless told otherwise. */
export async function createTestLicence(
  db: Db,
  customerId: string,
  o: {
    type?: LicenceType;
    status?: Licence['status'];
    expiresOn?: string;
    reminderSentAt?: Date | null;
    issuingState?: string;
  } = {},
): Promise<Licence> {
  const [row] = await db
    .insert(licences)
    .values({
      customerId,
      type: o.type ?? 'RN',
      number: `RN-${nextTag()}`,
      issuingState: o.issuingState ?? 'CA',
      expiresOn: o.expiresOn ?? addDays(todayUtc(), 365),
      holderName: 'Dana Reyes',
      status: o.status ?? 'pending',
      reminderSentAt: o.reminderSentAt ?? null,
    })
    .returning();
  return row!;
}

export const TEST_STAFF_PASSWORD = 'quiet-harbour-lantern-42';

/** A staff member of the given role and a session token for them (cookie `staff_sid` or bearer). */
export async function createTestStaff(db: Db, role: StaffRole = 'staff'): Promise<{ staff: StaffUser; token: string }> {
  const staff = await createStaff(db, null, {
    email: `${role}-${nextTag()}@example.com`,
    password: TEST_STAFF_PASSWORD,
    role,
    name: `${role} ${nextTag()}`,
  });
  const { token } = await createStaffSession(db, staff.id);
  return { staff, token };
}

/** Smallest files each kind of sniffing accepts; the rest of the bytes do not matter to the store. */
export const SAMPLE_FILES = {
  pdf: () => new Blob([new TextEncoder().encode('%PDF-1.4\n% licence scan\n%%EOF\n')], { type: 'application/pdf' }),
  png: () =>
    new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])], { type: 'image/png' }),
};
