import type { Context } from 'hono';
import { Hono } from 'hono';
import { setCreditLimit } from '#src/accounts/business/terms.ts';
import { AppError, notFound } from '#src/lib/errors.ts';
import { uuidSchema } from '#src/lib/ids.ts';
import { recordAudit } from '#src/staff/audit.ts';
import { actorOf, requireStaff } from '#src/staff/current.ts';
import { hasPermission } from '#src/staff/permissions.ts';
import type { StaffUser } from '#src/staff/schema.ts';
import { renderAdminPage } from '#src/staff/views/admin-layout.ts';
import type { AppEnv } from '#src/web/context.ts';
import { readForm } from '#src/web/forms.ts';
import { findCustomerDetail } from './customer-queries.ts';
import { creditLimitFormSchema } from './customer-validators.ts';
import { renderCustomerPage } from './views/customer-page.ts';

/** A customer's page in the admin, where staff who manage customers grant a business its invoice terms. */
export const customerPages = new Hono<AppEnv>();

const NOTICES: Record<string, string> = {
  credit: 'Credit limit saved. Checkout uses it from the next order.',
  'credit-removed': 'Invoice terms withdrawn. The business pays when it orders from now on.',
};

function customerIdOf(c: Context<AppEnv>): string {
  const id = uuidSchema.safeParse(c.req.param('id'));
  if (!id.success) throw notFound('Customer');
  return id.data;
}

async function showCustomer(
  c: Context<AppEnv>,
  staff: StaffUser,
  form?: { values: Record<string, string>; errors: Record<string, string> },
  status: 200 | 400 | 422 = 200,
) {
  const detail = await findCustomerDetail(c.var.ctx.db, customerIdOf(c));
  if (!detail) throw notFound('Customer');
  return renderAdminPage(c, {
    staff,
    title: detail.customer.name,
    section: 'customers',
    status,
    notice: status === 200 ? NOTICES[c.req.query('done') ?? ''] : undefined,
    body: renderCustomerPage(c, detail, {
      canReview: hasPermission(staff.role, 'licences:review'),
      canManage: hasPermission(staff.role, 'customers:manage'),
      form,
    }),
  });
}

customerPages.get('/:id', async (c) => {
  const staff = await requireStaff(c, 'customers:read');
  return showCustomer(c, staff);
});

customerPages.post('/:id/credit', async (c) => {
  const staff = await requireStaff(c, 'customers:manage');
  const customerId = customerIdOf(c);
  const form = await readForm(c, creditLimitFormSchema);
  if (!form.ok) return showCustomer(c, staff, form, 400);
  const { creditLimit } = form.data;
  try {
    await c.var.ctx.db.transaction(async (tx) => {
      const { before, after } = await setCreditLimit(tx, { customerId, creditLimitCents: creditLimit });
      await recordAudit(tx, {
        staff: actorOf(staff),
        action: after ? 'customer.credit-limit' : 'customer.credit-removed',
        entityType: 'customer',
        entityId: customerId,
        before: before ? { creditLimitCents: before.creditLimitCents } : null,
        after: after ? { creditLimitCents: after.creditLimitCents } : null,
      });
    });
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'VALIDATION') throw err;
    return showCustomer(c, staff, { values: form.values, errors: { _: err.message, ...err.fields } }, 422);
  }
  return c.redirect(`/admin/customers/${customerId}?done=${creditLimit === null ? 'credit-removed' : 'credit'}`, 303);
});
