import { date, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { customers } from '#src/accounts/schema.ts';
import { staffUsers } from '#src/staff/schema.ts';

export const LICENCE_TYPES = [
  'MD',
  'DO',
  'NP',
  'PA',
  'RN',
  'dentist',
  'esthetician',
  'med-spa-permit',
  'other',
  // Not a professional licence: a certificate exempting a business from sales tax in its issuing state. It goes
  // through the same upload and review, and never entitles anyone to buy a restricted product.
  'tax-exemption',
] as const;
/** Licence types whose holders may prescribe, and so may buy rx-only products. */
export const PRESCRIBER_TYPES: readonly LicenceType[] = ['MD', 'DO', 'NP', 'PA', 'dentist'];
/** Licence types that prove a profession, and so can entitle a customer to buy restricted products. */
export const PROFESSIONAL_TYPES: readonly LicenceType[] = LICENCE_TYPES.filter((t) => t !== 'tax-exemption');
export const LICENCE_STATUSES = ['pending', 'approved', 'rejected', 'suspended', 'expired'] as const;

export const licenceType = pgEnum('licence_type', LICENCE_TYPES);
export const licenceStatus = pgEnum('licence_status', LICENCE_STATUSES);

export const licences = pgTable(
  'licences',
  {
    id: uuid().primaryKey().defaultRandom(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    type: licenceType().notNull(),
    number: text().notNull(),
    issuingState: text().notNull(),
    expiresOn: date({ mode: 'string' }).notNull(),
    holderName: text().notNull(),
    /** File name under DATA_DIR/licences: random, never derived from the upload's name, never served publicly. */
    documentFile: text(),
    documentType: text(),
    documentSize: integer(),
    status: licenceStatus().notNull().default('pending'),
    rejectionReason: text().notNull().default(''),
    reviewedBy: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
    reviewedAt: timestamp({ withTimezone: true }),
    reminderSentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('licences_customer_idx').on(t.customerId),
    index('licences_status_idx').on(t.status, t.createdAt),
    index('licences_expiry_idx').on(t.status, t.expiresOn),
  ],
);

export type LicenceType = (typeof LICENCE_TYPES)[number];
export type Licence = typeof licences.$inferSelect;
