import type { MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_CSV_BYTES } from '#src/catalog/csv-import.ts';
import { toCsv } from '#src/lib/csv-cells.ts';
import { AppError, type FieldErrors } from '#src/lib/errors.ts';
import { uuidSchema } from '#src/lib/ids.ts';
import { actorOf, requireStaff } from '#src/staff/current.ts';
import { renderAdminPage } from '#src/staff/views/admin-layout.ts';
import type { AppEnv } from '#src/web/context.ts';
import { readFormBody } from '#src/web/form-body.ts';
import { csrfField } from '#src/web/forms.ts';
import { findProductImport, listProductImports, startProductImport } from './product-import.ts';
import { renderImportForm, renderImportRun } from './views/import-pages.ts';

const PERMISSION = 'catalog:manage';
export const IMPORT_PATH = '/admin/import';
const TOO_LARGE = 'The file is larger than 50 MB, the most a products file may have. Split it into smaller files.';

/**
 * Refuses a body far larger than a products file may be before anything reads it; admin/module.ts declares it
 * for the upload path, and app.ts puts it ahead of the CSRF check.
 */
export function importUploadLimit(): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({
    maxSize: MAX_CSV_BYTES + 256 * 1024,
    onError: () => {
      throw new AppError('PAYLOAD_TOO_LARGE', TOO_LARGE, { fields: { file: TOO_LARGE } });
    },
  });
  return (c, next) => (c.req.method === 'POST' ? limit(c, next) : next());
}

/** The products import under /admin/import: upload a CSV file, follow its run, download its error report. */
export const importPages = new Hono<AppEnv>();

importPages.get('/', async (c) => {
  const staff = await requireStaff(c, PERMISSION);
  const runs = await listProductImports(c.var.ctx.db, 10);
  return renderAdminPage(c, {
    staff,
    title: 'Import products',
    section: 'import',
    body: renderImportForm({ csrf: csrfField(c), runs }),
  });
});

importPages.post('/', async (c) => {
  const staff = await requireStaff(c, PERMISSION);
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('multipart/form-data')) {
    throw new AppError('BAD_REQUEST', 'Send the file as multipart/form-data, in the "file" field.');
  }
  const body = await readFormBody(c);
  const file = body.file instanceof File ? body.file : undefined;
  const mode = typeof body.mode === 'string' ? body.mode : '';
  const errors: FieldErrors = {};
  if (!file || file.size === 0) errors.file = 'Choose a CSV file to upload; the one sent was empty.';
  else if (file.size > MAX_CSV_BYTES) errors.file = TOO_LARGE;
  if (mode !== 'dry-run' && mode !== 'import') errors.mode = 'Choose a dry run or an import.';
  if (!file || Object.keys(errors).length > 0) {
    const runs = await listProductImports(c.var.ctx.db, 10);
    return renderAdminPage(c, {
      staff,
      title: 'Import products',
      section: 'import',
      status: errors.file === TOO_LARGE ? 413 : 422,
      body: renderImportForm({ csrf: csrfField(c), runs, errors, mode }),
    });
  }
  // Only the name's last part, as browsers send it; it is shown, never used as a path.
  const fileName = (file.name.split(/[\\/]/).pop() || 'products.csv').slice(0, 200);
  const id = await startProductImport(c.var.ctx.db, {
    staff: actorOf(staff),
    fileName,
    bytes: new Uint8Array(await file.arrayBuffer()),
    isDryRun: mode === 'dry-run',
  });
  return c.redirect(`${IMPORT_PATH}/${id}`, 303);
});

async function runOf(c: Parameters<typeof requireStaff>[0]) {
  const id = uuidSchema.safeParse(c.req.param('id'));
  const run = id.success ? await findProductImport(c.var.ctx.db, id.data) : undefined;
  if (!run) throw new AppError('NOT_FOUND', 'There is no import at this address.');
  return run;
}

importPages.get('/:id', async (c) => {
  const staff = await requireStaff(c, PERMISSION);
  const run = await runOf(c);
  const isDone = run.status === 'succeeded' || run.status === 'failed';
  return renderAdminPage(c, {
    staff,
    title: `Import of ${run.fileName}`,
    section: 'import',
    refreshSeconds: isDone ? undefined : 2,
    body: renderImportRun(run),
  });
});

importPages.get('/:id/errors.csv', async (c) => {
  await requireStaff(c, PERMISSION);
  const run = await runOf(c);
  const text = toCsv(
    ['line', 'column', 'message'],
    run.errors.map((e) => [String(e.line), e.column ?? '', e.message]),
  );
  const base = run.fileName.replace(/\.csv$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-') || 'products';
  return c.body(text, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${base}-errors.csv"`,
    'Cache-Control': 'no-store',
  });
});
