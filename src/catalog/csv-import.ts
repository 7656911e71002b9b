import { readFile, stat } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { inputErrorOf } from '#src/db/errors.ts';
import { restoreFormula } from '#src/lib/csv-cells.ts';
import { AppError } from '#src/lib/errors.ts';
import { EVERYTHING } from '#src/web/page-cache.ts';
import { fieldErrorsOf } from '#src/web/validation.ts';
import { CellError, CSV_COLUMNS, type CsvColumn } from './csv-columns.ts';
import { type ProductValues, UPSERT_BATCH, type UpsertOutcome, upsertProductsBySku } from './product-upsert.ts';
import { categories, products } from './schema.ts';
import type { CatalogWriteContext, Tx } from './service.ts';
import { type ProductInput, productInputSchema } from './validators.ts';

export const MAX_CSV_BYTES = 50 * 1024 * 1024;

/** A problem with one cell (or a whole row when `column` is absent), at the line of the file the row starts on. */
export type RowError = { line: number; column?: string; message: string };

/** The whole file is unusable (size, encoding, header); nothing was read into the store. */
export class CsvFileError extends Error {}

/** Rows that break the catalogue's rules; nothing was changed. */
export class CsvRowsError extends Error {
  readonly errors: RowError[];
  constructor(errors: RowError[]) {
    super(`${errors.length} problem${errors.length === 1 ? '' : 's'} found; nothing was changed.`);
    this.errors = errors;
  }
}

/** How far an import is: rows checked, then (in a real run) rows written, of the file's rows. */
export type ImportProgress = { phase: 'checking' | 'writing'; done: number; total: number };
type ProgressListener = (progress: ImportProgress) => void;

export const PHASE_LABELS: Record<ImportProgress['phase'], string> = { checking: 'Checking', writing: 'Writing' };

/** Rows per second so far in this phase, and the seconds left at that pace (whole numbers). */
export function progressPace(progress: ImportProgress, elapsedMs: number): { rate: number; secondsLeft: number } {
  const rate = progress.done / Math.max(elapsedMs / 1000, 0.001);
  return {
    rate: Math.round(rate),
    secondsLeft: rate > 0 ? Math.ceil((progress.total - progress.done) / rate) : 0,
  };
}
export type ImportSummary = { rows: number; created: number; updated: number; unchanged: number };

type CheckedRow = { line: number; values: ProductValues };

/** The size check of a products file, before anything is read: `name` is how the message names the file. */
export function checkCsvSize(name: string, size: number): void {
  if (size > MAX_CSV_BYTES) {
    throw new CsvFileError(`${name} is ${(size / 1024 / 1024).toFixed(1)} MB; a products file may be at most 50 MB.`);
  }
}

function decodeCsv(name: string, bytes: Uint8Array): string {
  checkCsvSize(name, bytes.byteLength);
  try {
    // The decoder drops a leading byte order mark, as spreadsheets write one.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CsvFileError(`${name} is not UTF-8 text. Save it as "CSV UTF-8" and import it again.`);
  }
}

function parseRecords(text: string): { header: string[]; rows: { line: number; cells: string[] }[] } {
  let records: { info: { lines: number }; record: string[] }[];
  try {
    records = parse(text, {
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as typeof records;
  } catch (err) {
    throw new CsvFileError(`The file is not valid CSV: ${(err as Error).message}`);
  }
  const [first, ...rest] = records;
  if (!first) throw new CsvFileError('The file is empty; its first line must name the columns.');
  // csv-parse counts the line a record ends on; a quoted cell may span several lines, and the cell keeps them.
  const startLine = (r: { info: { lines: number }; record: string[] }) => {
    let breaks = 0;
    for (const cell of r.record) for (let at = cell.indexOf('\n'); at >= 0; at = cell.indexOf('\n', at + 1)) breaks++;
    return r.info.lines - breaks;
  };
  return {
    header: first.record.map((h) => h.trim()),
    rows: rest.map((r) => ({ line: startLine(r), cells: r.record })),
  };
}

function columnsOf(header: string[]): CsvColumn[] {
  const known = new Map(CSV_COLUMNS.map((c) => [c.header, c]));
  const problems: string[] = [];
  const unknown = header.filter((h) => !known.has(h));
  if (unknown.length) {
    problems.push(`unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((h) => `"${h}"`).join(', ')}`);
  }
  const repeated = header.filter((h, i) => header.indexOf(h) !== i);
  if (repeated.length) problems.push(`column ${repeated.map((h) => `"${h}"`).join(', ')} given twice`);
  const missing = CSV_COLUMNS.filter((c) => c.isRequired && !header.includes(c.header)).map((c) => c.header);
  if (missing.length) {
    problems.push(`missing required column${missing.length > 1 ? 's' : ''} ${missing.map((h) => `"${h}"`).join(', ')}`);
  }
  if (problems.length) {
    throw new CsvFileError(
      `The first line of the file names the columns: ${problems.join('; ')}. See docs/csv-products.md for the columns.`,
    );
  }
  return header.map((h) => known.get(h)!);
}

/** One row as product values, with every problem of its cells reported on their columns. */
function readRow(
  columns: CsvColumn[],
  o: { line: number; cells: string[]; categoryIds: Map<string, string> },
): { values?: ProductValues; errors: RowError[] } {
  const { line, cells } = o;
  if (cells.length !== columns.length) {
    return { errors: [{ line, message: `has ${cells.length} cells; the first line names ${columns.length} columns` }] };
  }
  const errors: RowError[] = [];
  const input: Record<string, unknown> = {};
  const failedFields = new Set<string>();
  columns.forEach((column, i) => {
    try {
      const value = column.fromCell(restoreFormula(cells[i]!));
      if (value !== undefined) input[column.field] = value;
    } catch (err) {
      if (!(err instanceof CellError)) throw err;
      errors.push({ line, column: column.header, message: err.message });
      failedFields.add(column.field);
    }
  });
  if (typeof input.categoryId === 'string') {
    const slug = input.categoryId;
    if (slug === '') input.categoryId = null;
    else if (o.categoryIds.has(slug)) input.categoryId = o.categoryIds.get(slug);
    else {
      errors.push({ line, column: 'category', message: `no category has the slug "${slug}"` });
      failedFields.add('categoryId');
      delete input.categoryId;
    }
  }
  const result = productInputSchema.safeParse(input);
  if (!result.success) {
    for (const [field, message] of Object.entries(fieldErrorsOf(result.error))) {
      const [top, item] = field.split('.');
      // A cell that could not be read is reported once, not again as a missing value.
      if (failedFields.has(top!)) continue;
      const column = columns.find((c) => c.field === top)?.header ?? top!;
      errors.push({ line, column, message: item === undefined ? message : `${message} (item ${Number(item) + 1})` });
    }
  }
  return result.success && errors.length === 0 ? { values: result.data, errors } : { errors };
}

/** Reads and checks every row against the catalogue's rules, without writing anything. */
async function checkFile(
  ctx: CatalogWriteContext,
  file: { name: string; bytes: Uint8Array },
  onProgress: ProgressListener | undefined,
): Promise<{ fields: (keyof ProductInput)[]; rows: CheckedRow[]; errors: RowError[] }> {
  const { header, rows } = parseRecords(decodeCsv(file.name, file.bytes));
  const columns = columnsOf(header);
  const categoryIds = new Map(
    (await ctx.db.select({ id: categories.id, slug: categories.slug }).from(categories)).map((c) => [c.slug, c.id]),
  );
  const existing = await ctx.db.select({ sku: products.sku, slug: products.slug }).from(products);
  const skuOfSlug = new Map(existing.map((p) => [p.slug, p.sku]));
  const errors: RowError[] = [];
  const checked: CheckedRow[] = [];
  const lineOfSku = new Map<string, number>();
  const lineOfSlug = new Map<string, number>();
  let done = 0;
  for (const { line, cells } of rows) {
    // Other requests (and the progress an import job records) get their turn between batches of rows.
    if (done % 500 === 0 && done > 0) await nextTurn();
    onProgress?.({ phase: 'checking', done: done++, total: rows.length });
    const { values, errors: rowErrors } = readRow(columns, { line, cells, categoryIds });
    errors.push(...rowErrors);
    if (!values) continue;
    const skuLine = lineOfSku.get(values.sku);
    if (skuLine !== undefined) {
      errors.push({ line, column: 'sku', message: `SKU "${values.sku}" is already on line ${skuLine}` });
      continue;
    }
    lineOfSku.set(values.sku, line);
    const slugLine = lineOfSlug.get(values.slug);
    if (slugLine !== undefined) {
      errors.push({ line, column: 'slug', message: `slug "${values.slug}" is already on line ${slugLine}` });
      continue;
    }
    lineOfSlug.set(values.slug, line);
    checked.push({ line, values });
  }
  onProgress?.({ phase: 'checking', done, total: rows.length });
  // A slug held by another product stays taken unless the file gives that product a new slug.
  for (const row of checked) {
    const holder = skuOfSlug.get(row.values.slug);
    if (holder !== undefined && holder !== row.values.sku && !lineOfSku.has(holder)) {
      errors.push({ line: row.line, column: 'slug', message: `slug "${row.values.slug}" belongs to SKU "${holder}"` });
    }
  }
  errors.sort((a, b) => a.line - b.line);
  return { fields: columns.map((c) => c.field), rows: checked, errors };
}

/**
 * Creates or updates products from a CSV file, matched by SKU: `medstore import products`. The file's size is
 * checked before it is read.
 */
export async function importProductsCsv(
  ctx: CatalogWriteContext,
  path: string,
  o: { dryRun?: boolean; onProgress?: ProgressListener } = {},
): Promise<ImportSummary> {
  checkCsvSize(path, (await stat(path)).size);
  return importProductsCsvBytes(ctx, { name: path, bytes: await readFile(path) }, o);
}

/**
 * Past this many changed products an import empties the page caches instead of naming each product's pages:
 * the caches hold a few thousand pages at most, and every instance would otherwise go through every name.
 */
export const NARROW_INVALIDATION_LIMIT = 1000;

/**
 * Creates or updates products from the bytes of a CSV file, matched by SKU: the command line and the admin's
 * import job both run this. Every row is checked first; with any problem, or with `dryRun`, nothing is written.
 * The writes run in one transaction, UPSERT_BATCH rows per statement with the catalogue's own effects, and the
 * changed products are announced to the page caches once, when it commits. `onProgress` hears of every row
 * checked, and of the rows written after each batch.
 */
export async function importProductsCsvBytes(
  ctx: CatalogWriteContext,
  file: { name: string; bytes: Uint8Array },
  o: { dryRun?: boolean; onProgress?: ProgressListener } = {},
): Promise<ImportSummary> {
  const { fields, rows, errors } = await checkFile(ctx, file, o.onProgress);
  if (errors.length) throw new CsvRowsError(errors);
  const summary: ImportSummary = { rows: rows.length, created: 0, updated: 0, unchanged: 0 };
  if (o.dryRun) return summary;
  await ctx.db.transaction(async (tx) => {
    const tags = new Set<string>();
    o.onProgress?.({ phase: 'writing', done: 0, total: rows.length });
    for (let start = 0; start < rows.length; start += UPSERT_BATCH) {
      const batch = rows.slice(start, start + UPSERT_BATCH);
      const outcome = await writeBatch(tx, fields, batch);
      summary.created += outcome.created;
      summary.updated += outcome.updated;
      summary.unchanged += outcome.unchanged;
      for (const tag of outcome.tags) tags.add(tag);
      o.onProgress?.({ phase: 'writing', done: start + batch.length, total: rows.length });
    }
    const changed = summary.created + summary.updated;
    if (changed > 0) {
      await ctx.cache.announce(tx, { pages: changed > NARROW_INVALIDATION_LIMIT ? [EVERYTHING] : [...tags] });
    }
  });
  // The planner chooses the catalogue's indexes by its statistics of the table; an import that changed many
  // rows refreshes them at once (PGlite never does so by itself, and a server's autovacuum may come much later).
  if (summary.created + summary.updated > NARROW_INVALIDATION_LIMIT) await ctx.db.execute(sql`analyze products`);
  return summary;
}

/**
 * Writes one batch as a savepoint of the import's transaction. A failed statement names no row, so the batch is
 * then written again one row at a time to find the line to report; the import is undone as a whole either way.
 */
async function writeBatch(tx: Tx, fields: (keyof ProductInput)[], batch: CheckedRow[]): Promise<UpsertOutcome> {
  try {
    return await tx.transaction((savepoint) =>
      upsertProductsBySku(savepoint, { fields, rows: batch.map((row) => row.values) }),
    );
  } catch (err) {
    if (batch.length > 1) {
      for (const row of batch) await writeBatch(tx, fields, [row]);
      throw err;
    }
    const known = err instanceof AppError ? err : inputErrorOf(err);
    if (known) throw new CsvRowsError([{ line: batch[0]!.line, message: known.message }]);
    throw err;
  }
}
