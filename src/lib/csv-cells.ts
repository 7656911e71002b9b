import { stringify } from 'csv-stringify/sync';

// A spreadsheet runs a cell starting with one of these as a formula. Export puts a ' before such a cell (and
// before a cell already starting with ' and one of them), and import takes exactly one ' away again.
const FORMULA_START = /^'*[=+\-@]/;

/** The cell as written to a CSV file: a leading ' keeps a spreadsheet from running it as a formula. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** The cell as it was before `neutraliseFormula`. */
export function restoreFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell) ? cell.slice(1) : cell;
}

/** A CSV file of a header line and rows, every cell neutralised; lines end in \n. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify([[...header], ...rows.map((row) => row.map(neutraliseFormula))], { record_delimiter: '\n' });
}
