import { type Context, Hono } from 'hono';
import { AppError } from '#src/lib/errors.ts';
import { documentHeaders, readLicenceDocument } from '#src/licences/documents.ts';
import { findLicenceForReview, listLicencesForReview } from '#src/licences/queries.ts';
import { REVIEW_ACTIONS, type ReviewAction, reviewLicence } from '#src/licences/review.ts';
import { actorOf, requireStaff } from '#src/staff/current.ts';
import type { StaffUser } from '#src/staff/schema.ts';
import { renderAdminPage } from '#src/staff/views/admin-layout.ts';
import type { AppEnv } from '#src/web/context.ts';
import { readForm } from '#src/web/forms.ts';
import { parseQuery } from '#src/web/validation.ts';
import { ADMIN_PAGE_SIZE, licenceQueueQuerySchema, reasonFormSchema } from './validators.ts';
import { renderLicenceQueue } from './views/licence-queue.ts';
import { renderLicenceReview } from './views/licence-review.ts';

/** Licence review in the admin area: the queue, one licence, its document, and the decisions. */
export const licenceReviewPages = new Hono<AppEnv>();

const NOTICES: Record<ReviewAction, string> = {
  approve: 'Approved. The customer was emailed and may now order products that need this licence.',
  reject: 'Rejected. The customer was emailed the reason.',
  suspend: 'Suspended. The customer was emailed the reason.',
};

async function licenceOf(c: Context<AppEnv>) {
  const licence = await findLicenceForReview(c.var.ctx.db, c.req.param('id') ?? '');
  if (!licence) throw new AppError('NOT_FOUND', 'There is no licence at this address.');
  return licence;
}

licenceReviewPages.get('/', async (c) => {
  const staff = await requireStaff(c, 'licences:review');
  const query = parseQuery(c, licenceQueueQuerySchema);
  const list = await listLicencesForReview(c.var.ctx.db, {
    status: query.status,
    page: query.page,
    limit: ADMIN_PAGE_SIZE,
  });
  return renderAdminPage(c, {
    staff,
    title: 'Licences',
    section: 'licences',
    body: renderLicenceQueue({ ...list, page: query.page, limit: ADMIN_PAGE_SIZE, status: query.status }),
  });
});

licenceReviewPages.get('/:id', async (c) => {
  const staff = await requireStaff(c, 'licences:review');
  const licence = await licenceOf(c);
  const action = REVIEW_ACTIONS.find((a) => a === c.req.query('notice'));
  return renderAdminPage(c, {
    staff,
    title: `Licence ${licence.number}`,
    section: 'licences',
    notice: action ? NOTICES[action] : undefined,
    body: renderLicenceReview(c, { licence }),
  });
});

// The document is served only here, to signed-in staff, with the type sniffed at upload and nosniff, so a
// browser never takes it for a page of the store.
licenceReviewPages.get('/:id/document', async (c) => {
  await requireStaff(c, 'licences:review');
  const licence = await licenceOf(c);
  const bytes = licence.documentFile ? await readLicenceDocument(c.var.ctx.storage, licence.documentFile) : undefined;
  if (!bytes || !licence.documentType)
    throw new AppError('NOT_FOUND', 'The document of this licence is no longer stored.');
  const disposition = c.req.query('download') ? 'attachment' : 'inline';
  return c.body(new Uint8Array(bytes), 200, documentHeaders(licence, disposition));
});

async function decide(c: Context<AppEnv>, staff: StaffUser, action: ReviewAction, reason: string | undefined) {
  const licence = await licenceOf(c);
  try {
    await reviewLicence(c.var.ctx, actorOf(staff), { licenceId: licence.id, action, reason });
  } catch (err) {
    if (!(err instanceof AppError) || !err.fields || (err.code !== 'VALIDATION' && err.code !== 'CONFLICT')) throw err;
    return renderAdminPage(c, {
      staff,
      title: `Licence ${licence.number}`,
      section: 'licences',
      status: err.code === 'CONFLICT' ? 409 : 422,
      body: renderLicenceReview(c, {
        licence: await licenceOf(c),
        values: { action, reason: reason ?? '' },
        errors: err.fields,
      }),
    });
  }
  return c.redirect(`/admin/licences/${licence.id}?notice=${action}`, 303);
}

for (const action of REVIEW_ACTIONS) {
  licenceReviewPages.post(`/:id/${action}`, async (c) => {
    const staff = await requireStaff(c, 'licences:review');
    const form = await readForm(c, reasonFormSchema);
    if (!form.ok) throw new AppError('BAD_REQUEST', 'Only a reason can be sent with a decision.');
    return decide(c, staff, action, form.data.reason);
  });
}
