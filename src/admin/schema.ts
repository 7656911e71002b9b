import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ImportSummary, RowError } from '#src/catalog/csv-import.ts';
import { staffUsers } from '#src/staff/schema.ts';

// The bytes of an uploaded file: node-postgres answers a Buffer, PGlite a Uint8Array.
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value),
});

export const PRODUCT_IMPORT_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type ProductImportStatus = (typeof PRODUCT_IMPORT_STATUSES)[number];
export const productImportStatus = pgEnum('product_import_status', PRODUCT_IMPORT_STATUSES);

/**
 * A products CSV uploaded on the admin's import page and run by the job worker. The file is kept here, in the
 * database every instance shares, so whichever instance's worker claims the job can read it; it is emptied
 * when the run ends. Progress is written as the rows go, for the page to show.
 */
export const productImports = pgTable(
  'product_imports',
  {
    id: uuid().primaryKey().defaultRandom(),
    staffId: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
    fileName: text().notNull(),
    fileSize: integer().notNull(),
    content: bytea(),
    isDryRun: boolean().notNull(),
    status: productImportStatus().notNull().default('queued'),
    /** "checking" the rows, then "writing" them; null before the run starts. */
    phase: text().$type<'checking' | 'writing'>(),
    rowsDone: integer().notNull().default(0),
    rowsTotal: integer().notNull().default(0),
    phaseStartedAt: timestamp({ withTimezone: true }),
    summary: jsonb().$type<ImportSummary>(),
    /** Every row problem found, for the page and the downloadable report. */
    errors: jsonb().$type<RowError[]>().notNull().default([]),
    /** Why the run failed, as the operator reads it. */
    message: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('product_imports_created_idx').on(t.createdAt)],
);

export type ProductImport = typeof productImports.$inferSelect;
