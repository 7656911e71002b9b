import { Hono } from 'hono';
import { requireCustomer } from '#src/accounts/sessions/current.ts';
import { renderAccountPage } from '#src/accounts/shared/account-page.ts';
import { AppError } from '#src/lib/errors.ts';
import type { AppEnv } from '#src/web/context.ts';
import { documentHeaders, readLicenceDocument } from './documents.ts';
import { findLicenceOf, listLicencesOf } from './queries.ts';
import { submitLicence } from './service.ts';
import { readLicenceUpload } from './upload.ts';
import { LICENCE_NOTICES, renderLicencesPage } from './views/licences-page.ts';

/** The customer's licence pages under /account/licences. */
export const licencePages = new Hono<AppEnv>();

licencePages.get('/', async (c) => {
  const customer = await requireCustomer(c);
  const licences = await listLicencesOf(c.var.ctx.db, customer.id);
  return renderAccountPage(c, {
    title: 'Licences',
    section: 'licences',
    body: renderLicencesPage(c, {
      licences,
      isEmailConfirmed: customer.emailVerifiedAt !== null,
      notice: LICENCE_NOTICES[c.req.query('notice') ?? ''],
    }),
  });
});

// The customer's own copy of what they sent, for their records and their data export. Another customer's
// licence, or one whose document went with a deleted account, is "not found".
licencePages.get('/:id/document', async (c) => {
  const customer = await requireCustomer(c);
  const licence = await findLicenceOf(c.var.ctx.db, customer.id, c.req.param('id'));
  const bytes = licence?.documentFile ? await readLicenceDocument(c.var.ctx.storage, licence.documentFile) : undefined;
  if (!licence || !bytes) throw new AppError('NOT_FOUND', 'You have no licence document at this address.');
  return c.body(new Uint8Array(bytes), 200, documentHeaders(licence, 'attachment'));
});

licencePages.post('/', async (c) => {
  const customer = await requireCustomer(c);
  if (!customer.emailVerifiedAt) {
    const licences = await listLicencesOf(c.var.ctx.db, customer.id);
    return renderAccountPage(c, {
      title: 'Licences',
      section: 'licences',
      status: 403,
      body: renderLicencesPage(c, { licences, isEmailConfirmed: false }),
    });
  }
  const upload = await readLicenceUpload(c);
  if (!upload.ok) {
    const licences = await listLicencesOf(c.var.ctx.db, customer.id);
    return renderAccountPage(c, {
      title: 'Licences',
      section: 'licences',
      status: 422,
      body: renderLicencesPage(c, { licences, isEmailConfirmed: true, values: upload.values, errors: upload.errors }),
    });
  }
  try {
    await submitLicence(c.var.ctx, { customerId: customer.id, fields: upload.fields, document: upload.document });
  } catch (err) {
    if (!(err instanceof AppError) || !['CONFLICT', 'FORBIDDEN', 'VALIDATION'].includes(err.code)) throw err;
    const licences = await listLicencesOf(c.var.ctx.db, customer.id);
    const isEmailConfirmed = err.code !== 'FORBIDDEN';
    return renderAccountPage(c, {
      title: 'Licences',
      section: 'licences',
      status: err.status as 403 | 409 | 422,
      body: renderLicencesPage(c, {
        licences,
        isEmailConfirmed,
        values: upload.values,
        errors: { _: err.message, ...err.fields },
      }),
    });
  }
  return c.redirect('/account/licences?notice=submitted', 303);
});
