import type { Db } from '#src/db/client.ts';
import { notifyInstances } from '#src/web/cache-bus.ts';
import { type CsvRowsError, type ImportProgress, importProductsCsv, PHASE_LABELS, progressPace } from './csv-import.ts';

type Output = { write(text: string): unknown; isTTY?: boolean };

/**
 * Shows rows done, rows per second and the time left on one rewritten line; only on a terminal, at most five
 * times a second, so a log file gets the summary line alone.
 */
export function progressLine(out: Output, now: () => number = Date.now) {
  let phase: ImportProgress['phase'] | undefined;
  let started = now();
  let shownAt = 0;
  return {
    show(progress: ImportProgress) {
      if (!out.isTTY) return;
      const at = now();
      // Each phase (checking, then writing) has its own rate and estimate.
      const isNewPhase = progress.phase !== phase;
      if (isNewPhase) {
        if (phase !== undefined) started = at;
        phase = progress.phase;
      }
      if (!isNewPhase && progress.done < progress.total && at - shownAt < 200) return;
      shownAt = at;
      const { rate, secondsLeft } = progressPace(progress, at - started);
      out.write(
        `\r${PHASE_LABELS[progress.phase]}: ${progress.done} of ${progress.total} rows, ${rate} rows/s, about ${secondsLeft} s left `,
      );
    },
    finish() {
      if (out.isTTY && shownAt) out.write('\n');
    },
  };
}

/** `medstore import products FILE`: returns the summary line; a CsvRowsError lists every problem. */
export async function runProductsImport(
  db: Db,
  path: string,
  o: { dryRun: boolean; progressTo: Output },
): Promise<string> {
  const progress = progressLine(o.progressTo);
  const started = Date.now();
  try {
    // A store running beside this command hears of each changed product when the import commits.
    const summary = await importProductsCsv({ db, cache: { announce: notifyInstances } }, path, {
      dryRun: o.dryRun,
      onProgress: progress.show,
    });
    progress.finish();
    if (o.dryRun) return `${path}: ${summary.rows} rows checked, no problems found; nothing was changed (--dry-run).`;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    return `${path}: ${summary.rows} rows imported in ${seconds} s: ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged.`;
  } catch (err) {
    progress.finish();
    throw err;
  }
}

/** One line per problem, "line 7, column price: must be ..."; for the command's error output. */
export function describeRowErrors(path: string, err: CsvRowsError): string {
  const lines = err.errors.map((e) => `  line ${e.line}${e.column ? `, column ${e.column}` : ''}: ${e.message}`);
  return `${path}: ${err.message}\n${lines.join('\n')}`;
}
