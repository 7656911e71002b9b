import type { Context } from 'hono';
import { Hono } from 'hono';
import { AppError } from '#src/lib/errors.ts';
import { uuidSchema } from '#src/lib/ids.ts';
import type { AppEnv } from '#src/web/context.ts';
import { readForm } from '#src/web/forms.ts';
import { actorOf, forgetCurrentStaff, requireStaff } from './current.ts';
import type { StaffUser } from './schema.ts';
import { createStaff, findStaff, listStaff, updateStaff } from './service.ts';
import { startStaffSession } from './sessions.ts';
import { staffCreateSchema, staffRoleFormSchema } from './validators.ts';
import { renderAdminPage } from './views/admin-layout.ts';
import { renderStaffPage, STAFF_NOTICES } from './views/staff-page.ts';

/** Owners manage staff accounts here. */
export const staffPages = new Hono<AppEnv>();

staffPages.get('/', async (c) => {
  const me = await requireStaff(c, 'staff:manage');
  const staff = await listStaff(c.var.ctx.db);
  return renderAdminPage(c, {
    staff: me,
    title: 'Staff',
    section: 'staff',
    notice: STAFF_NOTICES[c.req.query('notice') ?? ''],
    body: renderStaffPage(c, { staff, me }),
  });
});

staffPages.post('/', async (c) => {
  const me = await requireStaff(c, 'staff:manage');
  const form = await readForm(c, staffCreateSchema);
  const rerender = async (errors: Record<string, string>, status: 409 | 422) =>
    renderAdminPage(c, {
      staff: me,
      title: 'Staff',
      section: 'staff',
      status,
      body: renderStaffPage(c, { staff: await listStaff(c.var.ctx.db), me, values: form.values, errors }),
    });
  if (!form.ok) return rerender(form.errors, 422);
  try {
    await createStaff(c.var.ctx.db, actorOf(me), form.data);
  } catch (err) {
    if (err instanceof AppError && err.fields && (err.code === 'VALIDATION' || err.code === 'CONFLICT')) {
      return rerender(err.fields, err.code === 'CONFLICT' ? 409 : 422);
    }
    throw err;
  }
  return c.redirect('/admin/staff?notice=created', 303);
});

async function targetOf(c: Context<AppEnv>): Promise<StaffUser> {
  const id = uuidSchema.safeParse(c.req.param('id'));
  const target = id.success ? await findStaff(c.var.ctx.db, id.data) : undefined;
  if (!target) throw new AppError('NOT_FOUND', 'No staff account has this address.');
  return target;
}

// A refused change (the last owner) is shown on the list rather than on a bare error page.
async function applyChange(
  c: Context<AppEnv>,
  me: StaffUser,
  target: StaffUser,
  change: Parameters<typeof updateStaff>[3],
  notice: string,
) {
  try {
    await updateStaff(c.var.ctx, actorOf(me), target.id, change);
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'CONFLICT') throw err;
    return renderAdminPage(c, {
      staff: me,
      title: 'Staff',
      section: 'staff',
      status: 409,
      body: renderStaffPage(c, { staff: await listStaff(c.var.ctx.db), me, errors: { _: err.message } }),
    });
  }
  // Changing one's own privileges ends one's sessions too: continue on a fresh session id.
  if (target.id === me.id) {
    forgetCurrentStaff(c);
    if (change.isActive === false) return c.redirect('/admin/login', 303);
    await startStaffSession(c, me.id);
    forgetCurrentStaff(c);
    const refreshed = await findStaff(c.var.ctx.db, me.id);
    if (refreshed?.role !== 'owner') return c.redirect('/admin', 303);
  }
  return c.redirect(`/admin/staff?notice=${notice}`, 303);
}

staffPages.post('/:id/role', async (c) => {
  const me = await requireStaff(c, 'staff:manage');
  const target = await targetOf(c);
  const form = await readForm(c, staffRoleFormSchema);
  if (!form.ok) throw new AppError('VALIDATION', form.errors.role ?? 'Choose owner, admin or staff.');
  return applyChange(c, me, target, { role: form.data.role }, 'role');
});

staffPages.post('/:id/deactivate', async (c) => {
  const me = await requireStaff(c, 'staff:manage');
  return applyChange(c, me, await targetOf(c), { isActive: false }, 'deactivated');
});

staffPages.post('/:id/reactivate', async (c) => {
  const me = await requireStaff(c, 'staff:manage');
  return applyChange(c, me, await targetOf(c), { isActive: true }, 'reactivated');
});
