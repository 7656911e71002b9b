import type { Product } from './schema.ts';
import type { ProductInput } from './validators.ts';

/**
 * The columns of the products CSV file (docs/csv-products.md describes them for operators). Each column turns a
 * product into one cell and one cell back into the product input the catalogue's own schemas check, so an
 * exported file imports back unchanged.
 */
export type CsvColumn = {
  header: string;
  /** The product input field the cell fills; errors on that field are reported on this column. */
  field: keyof ProductInput;
  isRequired: boolean;
  toCell(product: Product, categorySlug: string | null): string;
  /** Returns the value for the field, or throws a CellError with a message for the operator. */
  fromCell(cell: string): unknown;
};

export class CellError extends Error {}

// Lists sit one item per line inside the quoted cell; parts of an item are separated by " | ".
const PART_SEPARATOR = ' | ';

function linesOf(cell: string): string[] {
  return cell
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function partsOf(line: string): [string, string | undefined] {
  const at = line.indexOf('|');
  if (at < 0) return [line.trim(), undefined];
  return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
}

const textOrUndefined = (cell: string) => (cell.trim() === '' ? undefined : cell);

/** "29.99" to 2999 cents: dollars with at most two decimals, no currency sign or thousands separator. */
export function centsFromDollars(cell: string): number {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(cell.trim());
  if (!match) throw new CellError('must be an amount in dollars such as 29.99 (digits, a dot, up to two decimals)');
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

export function dollarsFromCents(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

function text(header: string, field: keyof ProductInput & keyof Product, isRequired = false): CsvColumn {
  return {
    header,
    field,
    isRequired,
    toCell: (p) => String(p[field] ?? ''),
    fromCell: textOrUndefined,
  };
}

export const CSV_COLUMNS: CsvColumn[] = [
  text('sku', 'sku', true),
  text('slug', 'slug', true),
  text('name', 'name', true),
  text('brand', 'brand'),
  {
    header: 'category',
    field: 'categoryId',
    isRequired: false,
    toCell: (_p, categorySlug) => categorySlug ?? '',
    // The slug is turned into the category's id by the importer, which knows the categories.
    fromCell: (cell) => cell.trim(),
  },
  text('summary', 'summary'),
  text('description', 'description'),
  {
    header: 'price',
    field: 'priceCents',
    isRequired: true,
    toCell: (p) => dollarsFromCents(p.priceCents),
    fromCell: (cell) => (cell.trim() === '' ? undefined : centsFromDollars(cell)),
  },
  {
    header: 'compare_at_price',
    field: 'compareAtCents',
    isRequired: false,
    toCell: (p) => (p.compareAtCents === null ? '' : dollarsFromCents(p.compareAtCents)),
    fromCell: (cell) => (cell.trim() === '' ? null : centsFromDollars(cell)),
  },
  text('currency', 'currency'),
  text('status', 'status'),
  {
    header: 'featured',
    field: 'isFeatured',
    isRequired: false,
    toCell: (p) => (p.isFeatured ? 'yes' : 'no'),
    fromCell: (cell) => {
      const value = cell.trim().toLowerCase();
      if (value === '') return undefined;
      if (value !== 'yes' && value !== 'no') throw new CellError('must be yes or no');
      return value === 'yes';
    },
  },
  text('form', 'form', true),
  text('route', 'route', true),
  text('regulatory_status', 'regulatoryStatus', true),
  text('access_class', 'accessClass'),
  text('storage', 'storage'),
  {
    header: 'active_ingredients',
    field: 'activeIngredients',
    isRequired: false,
    toCell: (p) =>
      p.activeIngredients.map((i) => (i.amount ? `${i.name}${PART_SEPARATOR}${i.amount}` : i.name)).join('\n'),
    fromCell: (cell) =>
      linesOf(cell).map((line) => {
        const [name, amount] = partsOf(line);
        return amount === undefined ? { name } : { name, amount };
      }),
  },
  {
    header: 'side_effects',
    field: 'sideEffects',
    isRequired: false,
    toCell: (p) => p.sideEffects.join('\n'),
    fromCell: linesOf,
  },
  {
    header: 'warnings',
    field: 'warnings',
    isRequired: false,
    toCell: (p) => p.warnings.map((w) => `${w.topic}${PART_SEPARATOR}${w.text}`).join('\n'),
    fromCell: (cell) =>
      linesOf(cell).map((line) => {
        const [topic, warning] = partsOf(line);
        if (warning === undefined) throw new CellError(`each line must be "topic | text"; "${line}" has no "|"`);
        return { topic, text: warning };
      }),
  },
  text('directions', 'directions'),
  {
    header: 'images',
    field: 'images',
    isRequired: false,
    toCell: (p) => p.images.map((i) => `${i.src}${PART_SEPARATOR}${i.alt}`).join('\n'),
    fromCell: (cell) =>
      linesOf(cell).map((line) => {
        const [src, alt] = partsOf(line);
        if (alt === undefined) throw new CellError(`each line must be "path or URL | alt text"; "${line}" has no "|"`);
        return { src, alt };
      }),
  },
];
