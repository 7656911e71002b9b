import type { Measurement } from './measure.ts';

export type DatabaseKind = 'postgres' | 'pglite';

export type Row = {
  database: DatabaseKind;
  page: string;
  path: string;
  store: Measurement;
  /** None for checkout, which is counted in orders rather than compared with a bare server. */
  baseline?: Measurement;
  ratio: number;
  target: string;
  isPassed: boolean;
  /** What a checkout run counted (orders, units, refusals), for the results file. */
  details?: Record<string, unknown>;
  /** Why a checkout run failed its checks, beside its speed. */
  problems?: string[];
};

/** Orders per second the checkout run must reach with 50 buyers on PostgreSQL. */
export const CHECKOUT_ORDERS_PER_SECOND = 300;

const CATALOGUE = new Set(['product list', 'product page']);

// The targets: catalogue pages on PostgreSQL close to a bare server, for a visitor and for a signed-in shopper
// alike; on the embedded database a signed-in shopper's pages nearly as fast, and every page within reach.
export function judge(
  database: DatabaseKind,
  page: string,
  store: Measurement,
  ratio: number,
): { target: string; isPassed: boolean } {
  const isClean = store.non2xx === 0 && store.errors === 0 && store.requests > 0;
  const [name = '', variant] = page.split(', ');
  const isFast = (min: number) => isClean && ratio >= min && store.p99Ms < 10;
  if (CATALOGUE.has(name) && variant === 'signed in') {
    const min = database === 'postgres' ? 0.3 : 0.2;
    return { target: `>= ${min.toFixed(2)}x, p99 < 10 ms`, isPassed: isFast(min) };
  }
  if (variant) return { target: '(for information)', isPassed: isClean };
  if (database === 'postgres' && CATALOGUE.has(name)) return { target: '>= 0.30x, p99 < 10 ms', isPassed: isFast(0.3) };
  if (database === 'pglite') return { target: '>= 0.05x', isPassed: isClean && ratio >= 0.05 };
  return { target: '(none)', isPassed: isClean };
}

/** `value` padded to `width` characters, on the left unless `right`. */
export function pad(value: string | number, width: number, right = false): string {
  const text = String(value);
  return right ? text.padEnd(width) : text.padStart(width);
}

/** The results as a fixed-width table for the terminal. */
export function formatTable(rows: Row[]): string {
  const header = [
    pad('database', 9, true),
    pad('page', 30, true),
    pad('req/s', 8),
    pad('p99 ms', 7),
    pad('base req/s', 11),
    pad('base p99', 9),
    pad('ratio', 6),
    `  ${pad('target', 22, true)}`,
    'result',
  ].join(' ');
  const lines = rows.map((r) =>
    [
      pad(r.database, 9, true),
      pad(r.page, 30, true),
      pad(r.store.reqPerSec, 8),
      pad(r.store.p99Ms, 7),
      pad(r.baseline?.reqPerSec ?? '-', 11),
      pad(r.baseline?.p99Ms ?? '-', 9),
      pad(r.baseline ? r.ratio.toFixed(2) : '-', 6),
      `  ${pad(r.target, 22, true)}`,
      r.isPassed
        ? 'PASS'
        : `FAIL${r.store.non2xx || r.store.errors ? ` (${r.store.non2xx} non-2xx, ${r.store.errors} errors)` : ''}` +
          (r.problems?.length ? ` (${r.problems.join('; ')})` : ''),
    ].join(' '),
  );
  return [header, '-'.repeat(header.length), ...lines].join('\n');
}
