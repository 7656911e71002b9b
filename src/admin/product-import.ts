import { and, desc, eq, getTableColumns } from 'drizzle-orm';
import { z } from 'zod';
import { CsvFileError, CsvRowsError, type ImportProgress, importProductsCsvBytes } from '#src/catalog/csv-import.ts';
import type { Db } from '#src/db/client.ts';
import { loggableError } from '#src/db/errors.ts';
import { defineJob } from '#src/jobs/definition.ts';
import { enqueueJob } from '#src/jobs/queue.ts';
import { recordAudit } from '#src/staff/audit.ts';
import { staffUsers } from '#src/staff/schema.ts';
import type { AppContext } from '#src/web/context.ts';
import { type ProductImport, productImports } from './schema.ts';

/** How often, at most, a running import writes its progress for the page to read. */
const PROGRESS_EVERY_MS = 300;
// A file with very many bad rows keeps the first ones; the page says how many there were in all.
const KEPT_ERRORS = 5000;

/** An import as its page shows it: everything but the file's bytes. */
export type ImportRun = Omit<ProductImport, 'content'> & { staffEmail: string | null };

const { content: _content, ...listed } = getTableColumns(productImports);

/** Runs an uploaded products file through the same import as `medstore import products`. */
export const productImportJob = defineJob({
  kind: 'admin.product-import',
  payload: z.object({ importId: z.uuid() }),
  // A 100,000-row file takes about a minute; the lock outlasts the longest run by far.
  lockSeconds: 30 * 60,
  // A run either finishes or records why not; running a file twice is never the answer.
  maxAttempts: 1,
  async run(ctx: AppContext, { importId }) {
    await runProductImport(ctx, importId);
  },
});

/** Keeps the upload and queues its run, in one transaction, with the audit entry of who started it. */
export async function startProductImport(
  db: Db,
  o: { staff: { id: string; email: string }; fileName: string; bytes: Uint8Array; isDryRun: boolean },
): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(productImports)
      .values({
        staffId: o.staff.id,
        fileName: o.fileName,
        fileSize: o.bytes.byteLength,
        content: o.bytes,
        isDryRun: o.isDryRun,
      })
      .returning({ id: productImports.id });
    await enqueueJob(tx, productImportJob, { importId: row!.id });
    await recordAudit(tx, {
      staff: o.staff,
      action: o.isDryRun ? 'product-import.dry-run' : 'product-import.start',
      entityType: 'product-import',
      entityId: row!.id,
      before: null,
      after: { fileName: o.fileName, fileSize: o.bytes.byteLength, isDryRun: o.isDryRun },
    });
    return row!.id;
  });
}

/**
 * Progress written in order, never awaited by the import itself: on PGlite a write outside the import's
 * transaction waits for it to end, and awaiting one inside it would wait forever.
 */
function progressWriter(ctx: Pick<AppContext, 'db' | 'log'>, importId: string) {
  let chain: Promise<unknown> = Promise.resolve();
  let writtenAt = 0;
  let phase: ImportProgress['phase'] | undefined;
  const write = (values: Partial<ProductImport>) => {
    // A lost progress write only makes the page lag; the import goes on.
    chain = chain
      .then(() => ctx.db.update(productImports).set(values).where(eq(productImports.id, importId)))
      .catch((err) => ctx.log.warn({ err: loggableError(err), importId }, 'import progress not written'));
  };
  return {
    report(progress: ImportProgress) {
      const now = Date.now();
      const isNewPhase = progress.phase !== phase;
      if (!isNewPhase && progress.done < progress.total && now - writtenAt < PROGRESS_EVERY_MS) return;
      writtenAt = now;
      phase = progress.phase;
      write({
        phase: progress.phase,
        rowsDone: progress.done,
        rowsTotal: progress.total,
        ...(isNewPhase ? { phaseStartedAt: new Date(now) } : {}),
      });
    },
    settled: () => chain,
  };
}

/** Runs one queued import to its end, recording the summary or every problem found; the file is then dropped. */
export async function runProductImport(ctx: AppContext, importId: string): Promise<void> {
  const [claimed] = await ctx.db
    .update(productImports)
    .set({ status: 'running', startedAt: new Date() })
    .where(and(eq(productImports.id, importId), eq(productImports.status, 'queued')))
    .returning();
  if (!claimed?.content) {
    // Claimed again after its lock ran out: the worker that ran it stopped (its transaction, if any, rolled back).
    await ctx.db
      .update(productImports)
      .set({
        status: 'failed',
        message: 'The import was interrupted (the store restarted); nothing was changed. Upload the file again.',
        content: null,
        finishedAt: new Date(),
      })
      .where(and(eq(productImports.id, importId), eq(productImports.status, 'running')));
    return;
  }
  const progress = progressWriter(ctx, importId);
  let outcome: Partial<ProductImport>;
  try {
    const summary = await importProductsCsvBytes(
      { db: ctx.db, cache: ctx.cache },
      { name: claimed.fileName, bytes: claimed.content },
      { dryRun: claimed.isDryRun, onProgress: progress.report },
    );
    outcome = { status: 'succeeded', summary, rowsDone: summary.rows, rowsTotal: summary.rows };
  } catch (err) {
    if (err instanceof CsvRowsError) {
      outcome = { status: 'failed', message: err.message, errors: err.errors.slice(0, KEPT_ERRORS) };
    } else if (err instanceof CsvFileError) {
      outcome = { status: 'failed', message: err.message };
    } else {
      ctx.log.error({ err: loggableError(err), importId }, 'product import failed');
      outcome = { status: 'failed', message: 'The import stopped on an unexpected error; nothing was changed.' };
    }
  }
  await progress.settled();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(productImports)
      .set({ ...outcome, content: null, finishedAt: new Date() })
      .where(eq(productImports.id, importId));
    if (!claimed.isDryRun && outcome.status === 'succeeded') {
      const [staff] = claimed.staffId
        ? await tx.select().from(staffUsers).where(eq(staffUsers.id, claimed.staffId))
        : [];
      await recordAudit(tx, {
        staff: staff ? { id: staff.id, email: staff.email } : null,
        actorLabel: 'product import job',
        action: 'product-import.finish',
        entityType: 'product-import',
        entityId: importId,
        before: null,
        after: { ...outcome.summary },
      });
    }
  });
}

/** One import, without its file; undefined for an unknown id. */
export async function findProductImport(db: Db, id: string): Promise<ImportRun | undefined> {
  const [row] = await db
    .select({ ...listed, staffEmail: staffUsers.email })
    .from(productImports)
    .leftJoin(staffUsers, eq(staffUsers.id, productImports.staffId))
    .where(eq(productImports.id, id));
  return row;
}

/** The latest imports, newest first. */
export function listProductImports(db: Db, limit: number): Promise<ImportRun[]> {
  return db
    .select({ ...listed, staffEmail: staffUsers.email })
    .from(productImports)
    .leftJoin(staffUsers, eq(staffUsers.id, productImports.staffId))
    .orderBy(desc(productImports.createdAt), desc(productImports.id))
    .limit(limit);
}
