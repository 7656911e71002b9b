import { readFile, stat } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { AppError } from '#src/lib/errors.ts';
import { fieldErrorsOf } from '#src/web/validation.ts';
import { CellError, CSV_COLUMNS, type CsvColumn, restoreFormula } from './csv-columns.ts';
import { categories, type Product, products } from './schema.ts';
import { type CatalogWriteContext, createProduct, updateProduct } from './service.ts';
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

export type ImportProgress = { done: number; total: number };
export type ImportSummary = { rows: number; created: number; updated: number; unchanged: number };

type CheckedRow = { line: number; values: ProductValues; presentFields: (keyof ProductInput)[] };

async function readCsvText(path: string): Promise<string> {
  const size = (await stat(path)).size;
  if (size > MAX_CSV_BYTES) {
    throw new CsvFileError(`${path} is ${(size / 1024 / 1024).toFixed(1)} MB; a products file may be at most 50 MB.`);
  }
  const bytes = await readFile(path);
  try {
    // The decoder drops a leading byte order mark, as spreadsheets write one.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CsvFileError(`${path} is not UTF-8 text. Save it as "CSV UTF-8" and import it again.`);
  }
}

function parseRecords(text: string): { header: string[]; rows: { line: number; cells: string[] }[] } {
  let records: { info: { lines: number }; raw: string; record: string[] }[];
  try {
    records = parse(text, {
      info: true,
      raw: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as typeof records;
  } catch (err) {
    throw new CsvFileError(`The file is not valid CSV: ${(err as Error).message}`);
  }
  const [first, ...rest] = records;
  if (!first) throw new CsvFileError('The file is empty; its first line must name the columns.');
  // csv-parse counts the line a record ends on; a quoted cell may span several lines.
  const startLine = (r: { info: { lines: number }; raw: string }) =>
    r.info.lines -
    (r.raw
      .replace(/^[\r\n]+/, '')
      .replace(/\r?\n$/, '')
      .match(/\n/g)?.length ?? 0);
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

type ProductValues = z.output<typeof productInputSchema>;

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
async function checkFile(ctx: CatalogWriteContext, path: string): Promise<{ rows: CheckedRow[]; errors: RowError[] }> {
  const { header, rows } = parseRecords(await readCsvText(path));
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
  for (const { line, cells } of rows) {
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
    checked.push({ line, values, presentFields: columns.map((c) => c.field) });
  }
  // A slug held by another product stays taken unless the file gives that product a new slug.
  for (const row of checked) {
    const holder = skuOfSlug.get(row.values.slug);
    if (holder !== undefined && holder !== row.values.sku && !lineOfSku.has(holder)) {
      errors.push({ line: row.line, column: 'slug', message: `slug "${row.values.slug}" belongs to SKU "${holder}"` });
    }
  }
  errors.sort((a, b) => a.line - b.line);
  return { rows: checked, errors };
}

function differs(current: Product, changes: Record<string, unknown>): boolean {
  // Deep equality ignores key order, which jsonb does not keep.
  return Object.entries(changes).some(([field, value]) => !isDeepStrictEqual(current[field as keyof Product], value));
}

/**
 * Creates or updates products from a CSV file, matched by SKU. Every row is checked first; with any problem, or
 * with `dryRun`, nothing is written. The writes run in one transaction through the catalogue's own service, which
 * announces each changed product to the page caches when the transaction commits.
 */
export async function importProductsCsv(
  ctx: CatalogWriteContext,
  path: string,
  o: { dryRun?: boolean; onProgress?: (progress: ImportProgress) => void } = {},
): Promise<ImportSummary> {
  const { rows, errors } = await checkFile(ctx, path);
  if (errors.length) throw new CsvRowsError(errors);
  const summary: ImportSummary = { rows: rows.length, created: 0, updated: 0, unchanged: 0 };
  if (o.dryRun) return summary;
  await ctx.db.transaction(async (tx) => {
    // The service's own transactions become savepoints of this one: a failing row undoes the whole file.
    const inner: CatalogWriteContext = { db: tx as unknown as CatalogWriteContext['db'], cache: ctx.cache };
    const current = new Map((await tx.select().from(products)).map((p) => [p.sku, p]));
    let done = 0;
    for (const row of rows) {
      const found = current.get(row.values.sku);
      try {
        if (!found) {
          await createProduct(inner, row.values);
          summary.created++;
        } else {
          // Optional cells left empty mean their defaults, as for a new product; absent columns change nothing.
          const changes = Object.fromEntries(row.presentFields.map((f) => [f, row.values[f]]));
          if (differs(found, changes)) {
            await updateProduct(inner, { id: found.id, changes });
            summary.updated++;
          } else summary.unchanged++;
        }
      } catch (err) {
        if (err instanceof AppError) throw new CsvRowsError([{ line: row.line, message: err.message }]);
        throw err;
      }
      done++;
      o.onProgress?.({ done, total: rows.length });
    }
  });
  return summary;
}
