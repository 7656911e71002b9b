import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '#src/lib/errors.ts';
import { actorOf, requireStaff } from '#src/staff/current.ts';
import { hasPermission } from '#src/staff/permissions.ts';
import type { StaffUser } from '#src/staff/schema.ts';
import { renderAdminPage } from '#src/staff/views/admin-layout.ts';
import { settingsOf } from '#src/store/settings.ts';
import type { AppEnv } from '#src/web/context.ts';
import { readForm } from '#src/web/forms.ts';
import { fieldErrorsOf } from '#src/web/validation.ts';
import { listAdminOrders } from './admin-queries.ts';
import { AdminOrderListQuerySchema, decodeOrderCursor, encodeOrderCursor } from './api-schemas.ts';
import { findOrder, findOrderCustomer, type OrderDetail } from './queries.ts';
import { cancelOrder, deliverOrder, markOrderPaid, type OrderWrite, shipOrder } from './transitions.ts';
import { type AdminOrderListFilters, renderAdminOrderList } from './views/admin-order-list.ts';
import { type ActionFormState, renderAdminOrder } from './views/admin-order-page.ts';
import { renderPackingSlip } from './views/packing-slip.ts';

const PAGE_SIZE = 25;

/** Orders for staff under /admin/orders: the list, one order with its actions, and its packing slip. */
export const adminOrderPages = new Hono<AppEnv>();

const NOTICES: Record<string, string> = {
  'mark-paid': 'Marked paid. The customer was told.',
  ship: 'Marked shipped. The customer was sent the tracking number.',
  deliver: 'Marked delivered. The customer was told.',
  cancel: 'Order cancelled and its stock put back. The customer was told why.',
};

const shipForm = z.object({
  carrier: z.string().trim().min(1, 'Name the carrier.').max(60),
  trackingNumber: z.string().trim().min(1, 'Give the tracking number.').max(80),
});
const cancelForm = z.object({ reason: z.string().trim().min(3, 'Say why, in a few words.').max(500) });

adminOrderPages.get('/', async (c) => {
  const staff = await requireStaff(c, 'orders:read');
  const raw = c.req.query();
  const filters: AdminOrderListFilters = {
    status: raw.status || undefined,
    paymentMethod: raw.paymentMethod || undefined,
    from: raw.from || undefined,
    to: raw.to || undefined,
    q: raw.q?.trim() || undefined,
  };
  const parsed = AdminOrderListQuerySchema.safeParse({ ...filters, cursor: raw.cursor || undefined });
  const { ctx } = c.var;
  const store = await settingsOf(ctx);
  if (!parsed.success) {
    return renderAdminPage(c, {
      staff,
      title: 'Orders',
      section: 'orders',
      status: 400,
      body: renderAdminOrderList({
        items: [],
        filters,
        errors: fieldErrorsOf(parsed.error),
        nextHref: undefined,
        firstHref: '/admin/orders',
      }),
    });
  }
  const { cursor, limit: _limit, ...query } = parsed.data;
  const page = await listAdminOrders(ctx.db, {
    ...query,
    timeZone: store.timeZone,
    limit: PAGE_SIZE,
    before: decodeOrderCursor(cursor),
  });
  const params = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1])));
  const href = (next?: string | null) => {
    const p = new URLSearchParams(params);
    if (next) p.set('cursor', next);
    const s = p.toString();
    return s ? `/admin/orders?${s}` : '/admin/orders';
  };
  const next = encodeOrderCursor(page.nextBefore);
  return renderAdminPage(c, {
    staff,
    title: 'Orders',
    section: 'orders',
    body: renderAdminOrderList({
      items: page.items,
      filters,
      nextHref: next ? href(next) : undefined,
      firstHref: cursor ? href() : undefined,
    }),
  });
});

async function loadOrder(c: Context<AppEnv>): Promise<OrderDetail> {
  const order = await findOrder(c.var.ctx.db, c.req.param('number') ?? '');
  if (!order) throw new AppError('NOT_FOUND', 'There is no order with this number.');
  return order;
}

async function showOrder(
  c: Context<AppEnv>,
  staff: StaffUser,
  order: OrderDetail,
  o: { failed?: ActionFormState; status?: 200 | 400 | 409 } = {},
) {
  const customer = order.customerId ? await findOrderCustomer(c.var.ctx.db, order.customerId) : undefined;
  const status = o.status ?? 200;
  return renderAdminPage(c, {
    staff,
    title: `Order ${order.number}`,
    section: 'orders',
    status,
    notice: status === 200 ? NOTICES[c.req.query('done') ?? ''] : undefined,
    body: renderAdminOrder(c, {
      order,
      customer,
      canManage: hasPermission(staff.role, 'orders:manage'),
      canSeeCustomers: hasPermission(staff.role, 'customers:read'),
      failed: o.failed,
    }),
  });
}

adminOrderPages.get('/:number', async (c) => {
  const staff = await requireStaff(c, 'orders:read');
  return showOrder(c, staff, await loadOrder(c));
});

adminOrderPages.get('/:number/packing-slip', async (c) => {
  await requireStaff(c, 'orders:read');
  const order = await loadOrder(c);
  c.header('Cache-Control', 'no-store');
  return c.html(renderPackingSlip({ order, store: await settingsOf(c.var.ctx) }));
});

// An action runs in one transaction with its audit entry and mail; a refusal (409) shows the order again with why.
async function act(
  c: Context<AppEnv>,
  name: keyof typeof NOTICES,
  form: ActionFormState['form'],
  values: Record<string, string>,
  action: (w: OrderWrite, number: string) => Promise<unknown>,
) {
  const staff = await requireStaff(c, 'orders:manage');
  const order = await loadOrder(c);
  const { ctx } = c.var;
  try {
    await ctx.db.transaction((tx) =>
      action({ tx, cache: ctx.cache, config: ctx.config, by: { kind: 'staff', ...actorOf(staff) } }, order.number),
    );
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'CONFLICT') throw err;
    const fresh = await loadOrder(c);
    return showOrder(c, staff, fresh, { failed: { form, values, errors: { _: err.message } }, status: 409 });
  }
  return c.redirect(`/admin/orders/${order.number}?done=${name}`, 303);
}

adminOrderPages.post('/:number/mark-paid', (c) =>
  act(c, 'mark-paid', 'other', {}, (w, number) => markOrderPaid(w, { number })),
);

adminOrderPages.post('/:number/deliver', (c) =>
  act(c, 'deliver', 'other', {}, (w, number) => deliverOrder(w, { number })),
);

adminOrderPages.post('/:number/ship', async (c) => {
  const staff = await requireStaff(c, 'orders:manage');
  const form = await readForm(c, shipForm);
  if (!form.ok) {
    return showOrder(c, staff, await loadOrder(c), {
      failed: { form: 'ship', values: form.values, errors: form.errors },
      status: 400,
    });
  }
  return act(c, 'ship', 'ship', form.values, (w, number) => shipOrder(w, { number, ...form.data }));
});

adminOrderPages.post('/:number/cancel', async (c) => {
  const staff = await requireStaff(c, 'orders:manage');
  const form = await readForm(c, cancelForm);
  if (!form.ok) {
    return showOrder(c, staff, await loadOrder(c), {
      failed: { form: 'cancel', values: form.values, errors: form.errors },
      status: 400,
    });
  }
  return act(c, 'cancel', 'cancel', form.values, (w, number) => cancelOrder(w, { number, ...form.data }));
});
