import { html, raw } from 'hono/html';
import { PHASE_LABELS, progressPace } from '#src/catalog/csv-import.ts';
import { formatDateTime } from '#src/lib/dates.ts';
import type { FieldErrors } from '#src/lib/errors.ts';
import { type csrfField, errorSummary } from '#src/web/forms.ts';
import type { ImportRun } from '../product-import.ts';

type Csrf = ReturnType<typeof csrfField>;
/** Rows shown on the page; the downloadable report holds them all. */
const SHOWN_ERRORS = 50;

const STATUS_TEXT: Record<ImportRun['status'], string> = {
  queued: 'Waiting to start',
  running: 'Running',
  succeeded: 'Finished',
  failed: 'Stopped: nothing was changed',
};

function sizeOf(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function describeRun(run: ImportRun): string {
  const kind = run.isDryRun ? 'Dry run' : 'Import';
  if (run.status === 'succeeded' && run.summary) {
    const s = run.summary;
    return run.isDryRun
      ? `${kind}: ${s.rows} rows checked, no problems`
      : `${kind}: ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged`;
  }
  return `${kind}: ${STATUS_TEXT[run.status].toLowerCase()}`;
}

/** The upload form, the export downloads and the latest imports. */
export function renderImportForm(o: { csrf: Csrf; runs: ImportRun[]; errors?: FieldErrors; mode?: string }) {
  const error = o.errors?.file;
  const mode = o.mode === 'import' ? 'import' : 'dry-run';
  return html`<h1>Import products</h1>
    <p>Create or update products from a CSV file, matched by SKU, in the columns of
      <a href="/admin/exports/products.csv" download>the products file</a> (the columns are described in
      docs/csv-products.md). Every row is checked first; if any row has a problem, nothing is changed.</p>
    ${errorSummary(o.errors)}
    <form method="post" action="/admin/import" enctype="multipart/form-data" novalidate class="import-form">
      ${o.csrf}
      <div class="field${error ? ' has-error' : ''}">
        <label for="f-file">CSV file (UTF-8, at most 50 MB)</label>
        <input id="f-file" name="file" type="file" accept=".csv,text/csv" required
          ${error ? raw('aria-invalid="true" aria-describedby="f-file-error"') : ''}>
        ${error ? html`<p class="field-error" id="f-file-error">${error}</p>` : ''}
      </div>
      <fieldset class="field">
        <legend>What to do</legend>
        <div class="field-radio">
          <label for="f-mode-dry-run"><input id="f-mode-dry-run" type="radio" name="mode" value="dry-run"${mode === 'dry-run' ? raw(' checked') : ''}>
            <span>Dry run: check every row and report problems, change nothing</span></label>
        </div>
        <div class="field-radio">
          <label for="f-mode-import"><input id="f-mode-import" type="radio" name="mode" value="import"${mode === 'import' ? raw(' checked') : ''}>
            <span>Import: create and update the products, all or nothing</span></label>
        </div>
      </fieldset>
      <button type="submit">Upload and start</button>
    </form>
    ${
      o.runs.length > 0
        ? html`<h2>Latest imports</h2>
          <table class="data-table">
            <thead><tr><th scope="col">File</th><th scope="col">Started</th><th scope="col">Result</th></tr></thead>
            <tbody>
              ${o.runs.map(
                (run) => html`<tr><th scope="row"><a href="/admin/import/${run.id}">${run.fileName}</a></th>
                  <td>${formatDateTime(run.createdAt)}${run.staffEmail ? html`, ${run.staffEmail}` : ''}</td>
                  <td>${describeRun(run)}</td></tr>`,
              )}
            </tbody>
          </table>`
        : ''
    }`;
}

function progressOf(run: ImportRun, now: Date) {
  if (run.status === 'queued' || !run.phase) {
    return html`<p>Waiting for the job runner to start it.</p>`;
  }
  const progress = { phase: run.phase, done: run.rowsDone, total: run.rowsTotal };
  const elapsed = now.getTime() - (run.phaseStartedAt ?? run.startedAt ?? now).getTime();
  const { rate, secondsLeft } = progressPace(progress, elapsed);
  return html`<p><label for="import-progress">${PHASE_LABELS[run.phase]} rows:</label>
      ${run.rowsDone} of ${run.rowsTotal} done, ${rate} rows per second, about ${secondsLeft} s left</p>
    <progress id="import-progress" max="${Math.max(run.rowsTotal, 1)}" value="${run.rowsDone}">${run.rowsDone} of ${run.rowsTotal}</progress>`;
}

function resultOf(run: ImportRun) {
  if (run.status === 'succeeded' && run.summary) {
    const s = run.summary;
    const took = run.finishedAt && run.startedAt ? (run.finishedAt.getTime() - run.startedAt.getTime()) / 1000 : 0;
    return run.isDryRun
      ? html`<div class="notice notice-success" role="status"><p>${s.rows} rows checked in ${took.toFixed(1)} s: no problems found. Nothing was changed (dry run).</p></div>
        <p>Run it for real: choose the file again with "Import" on <a href="/admin/import">the import page</a>.</p>`
      : html`<div class="notice notice-success" role="status"><p>${s.rows} rows imported in ${took.toFixed(1)} s:
          ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged.</p></div>`;
  }
  const count = run.errors.length;
  return html`<div class="notice notice-error" role="alert"><p>${run.message}</p></div>
    ${
      count > 0
        ? html`<p><a href="/admin/import/${run.id}/errors.csv" download>Download the error report</a> (CSV of line,
            column and message${count > SHOWN_ERRORS ? html`; the first ${SHOWN_ERRORS} of ${count} are below` : ''}).</p>
          <table class="data-table">
            <thead><tr><th scope="col" class="num">Line</th><th scope="col">Column</th><th scope="col">Problem</th></tr></thead>
            <tbody>
              ${run.errors
                .slice(0, SHOWN_ERRORS)
                .map(
                  (e) => html`<tr><td class="num">${e.line}</td><td>${e.column ?? ''}</td><td>${e.message}</td></tr>`,
                )}
            </tbody>
          </table>`
        : ''
    }
    <p>Correct the file and <a href="/admin/import">upload it again</a>.</p>`;
}

/** One import: its progress while it runs (the page reloads itself), then its result. */
export function renderImportRun(run: ImportRun, now = new Date()) {
  const isDone = run.status === 'succeeded' || run.status === 'failed';
  return html`<h1>${run.isDryRun ? 'Dry run' : 'Import'} of ${run.fileName}</h1>
    <p>${STATUS_TEXT[run.status]}. Uploaded ${formatDateTime(run.createdAt)}${run.staffEmail ? html` by ${run.staffEmail}` : ''},
      ${sizeOf(run.fileSize)}.</p>
    <div class="import-progress" role="status">${isDone ? resultOf(run) : progressOf(run, now)}</div>
    ${isDone ? '' : html`<p class="hint">This page reloads every two seconds until the import ends.</p>`}
    <p><a href="/admin/import">Back to imports</a></p>`;
}
