import { Hono } from 'hono';
import { AppError } from '#src/lib/errors.ts';
import { uuidSchema } from '#src/lib/ids.ts';
import { listAuditEntries } from '#src/staff/audit.ts';
import { requireStaff } from '#src/staff/current.ts';
import { hasPermission } from '#src/staff/permissions.ts';
import { renderAdminPage } from '#src/staff/views/admin-layout.ts';
import { settingsOf } from '#src/store/settings.ts';
import type { AppEnv } from '#src/web/context.ts';
import { parseQuery } from '#src/web/validation.ts';
import { articlePicturePages } from './article-picture-routes.ts';
import { articlePages } from './article-routes.ts';
import { categoryPages } from './category-routes.ts';
import { customerPages } from './customer-routes.ts';
import { loadDashboard } from './dashboard-panels.ts';
import { exportPages } from './exports.ts';
import { importPages } from './import-routes.ts';
import { inventoryPages } from './inventory-routes.ts';
import { licenceReviewPages } from './licence-routes.ts';
import { productPages } from './product-routes.ts';
import { findOutboxMail, listOutbox, searchCustomers } from './queries.ts';
import { settingsPages } from './settings-routes.ts';
import { shippingSettingsPages } from './shipping-routes.ts';
import { taxSettingsPages } from './tax-routes.ts';
import {
  ADMIN_PAGE_SIZE,
  auditQuerySchema,
  customerQuerySchema,
  dashboardQuerySchema,
  outboxQuerySchema,
} from './validators.ts';
import { renderAuditPage } from './views/audit-page.ts';
import { renderCustomersPage } from './views/customers-page.ts';
import { renderDashboard } from './views/dashboard.ts';
import { renderOutboxList, renderOutboxMail } from './views/outbox-pages.ts';

/** The admin console: dashboard, licence review, outbox, store texts and audit log; staff pages are mounted beside it. */
export const adminPages = new Hono<AppEnv>();

adminPages.get('/', async (c) => {
  const staff = await requireStaff(c);
  const { days } = parseQuery(c, dashboardQuerySchema);
  const { ctx } = c.var;
  const store = await settingsOf(ctx);
  const panels = await loadDashboard(ctx, { staff, timeZone: store.timeZone, currency: store.currency, days });
  return renderAdminPage(c, {
    staff,
    title: 'Dashboard',
    section: 'dashboard',
    body: renderDashboard({ staff, panels, days }),
  });
});

adminPages.route('/licences', licenceReviewPages);
adminPages.route('/settings/shipping', shippingSettingsPages);
adminPages.route('/settings/tax', taxSettingsPages);
adminPages.route('/settings', settingsPages);
adminPages.route('/categories', categoryPages);
adminPages.route('/products', productPages);
adminPages.route('/customers', customerPages);
adminPages.route('/inventory', inventoryPages);
adminPages.route('/articles', articlePicturePages);
adminPages.route('/articles', articlePages);
adminPages.route('/exports', exportPages);
adminPages.route('/import', importPages);

adminPages.get('/outbox', async (c) => {
  const staff = await requireStaff(c, 'outbox:read');
  const { page } = parseQuery(c, outboxQuerySchema);
  const list = await listOutbox(c.var.ctx.db, { page, limit: ADMIN_PAGE_SIZE });
  return renderAdminPage(c, {
    staff,
    title: 'Outbox',
    section: 'outbox',
    body: renderOutboxList({ ...list, page, limit: ADMIN_PAGE_SIZE }),
  });
});

adminPages.get('/outbox/:id', async (c) => {
  const staff = await requireStaff(c, 'outbox:read');
  const id = uuidSchema.safeParse(c.req.param('id'));
  const mail = id.success ? await findOutboxMail(c.var.ctx.db, id.data) : undefined;
  if (!mail) throw new AppError('NOT_FOUND', 'There is no mail at this address.');
  return renderAdminPage(c, {
    staff,
    title: mail.subject,
    section: 'outbox',
    body: renderOutboxMail(mail, {
      linksHidden:
        c.var.ctx.config.smtpUrl !== undefined
          ? 'sent-by-smtp'
          : hasPermission(staff.role, 'outbox:read-links')
            ? undefined
            : 'owners-only',
    }),
  });
});

adminPages.get('/audit', async (c) => {
  const staff = await requireStaff(c, 'audit:read');
  const query = parseQuery(c, auditQuerySchema);
  const list = await listAuditEntries(c.var.ctx.db, {
    entityType: query.entity,
    page: query.page,
    limit: ADMIN_PAGE_SIZE,
  });
  return renderAdminPage(c, {
    staff,
    title: 'Audit log',
    section: 'audit',
    body: renderAuditPage({ ...list, page: query.page, limit: ADMIN_PAGE_SIZE, entity: query.entity }),
  });
});

adminPages.get('/customers', async (c) => {
  const staff = await requireStaff(c, 'customers:read');
  const query = parseQuery(c, customerQuerySchema);
  const q = query.q || undefined;
  const list = await searchCustomers(c.var.ctx.db, { q, page: query.page, limit: ADMIN_PAGE_SIZE });
  return renderAdminPage(c, {
    staff,
    title: 'Customers',
    section: 'customers',
    body: renderCustomersPage({
      ...list,
      page: query.page,
      limit: ADMIN_PAGE_SIZE,
      q,
      canReview: hasPermission(staff.role, 'licences:review'),
    }),
  });
});
