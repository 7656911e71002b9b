import { Hono } from 'hono';
import { AppError } from '#src/lib/errors.ts';
import type { AppEnv } from '#src/web/context.ts';
import { readForm } from '#src/web/forms.ts';
import { currentStaff, forgetCurrentStaff } from './current.ts';
import { endStaffSession, startStaffSession } from './sessions.ts';
import { checkStaffSignIn, safeAdminNext } from './sign-in.ts';
import { staffSignInSchema } from './validators.ts';
import { renderAdminPage } from './views/admin-layout.ts';
import { renderLoginForm } from './views/login-page.ts';

/** Staff sign-in and sign-out pages. */
export const staffAuthPages = new Hono<AppEnv>();

staffAuthPages.get('/login', async (c) => {
  const next = safeAdminNext(c.req.query('next'));
  if (await currentStaff(c)) return c.redirect(next, 303);
  return renderAdminPage(c, { title: 'Staff sign-in', body: renderLoginForm(c, { next }) });
});

staffAuthPages.post('/login', async (c) => {
  const form = await readForm(c, staffSignInSchema);
  const next = safeAdminNext(form.values.next);
  const values = { email: form.values.email ?? '' };
  if (!form.ok) {
    return renderAdminPage(c, {
      title: 'Staff sign-in',
      status: 422,
      body: renderLoginForm(c, { values, errors: form.errors, next }),
    });
  }
  try {
    const staff = await checkStaffSignIn(c, form.data.email, form.data.password);
    await startStaffSession(c, staff.id);
    forgetCurrentStaff(c);
    return c.redirect(next, 303);
  } catch (err) {
    if (!(err instanceof AppError) || (err.code !== 'UNAUTHORIZED' && err.code !== 'RATE_LIMITED')) throw err;
    for (const [name, value] of Object.entries(err.headers ?? {})) c.header(name, value);
    return renderAdminPage(c, {
      title: 'Staff sign-in',
      status: err.code === 'RATE_LIMITED' ? 429 : 422,
      body: renderLoginForm(c, { values, errors: { _: err.message }, next }),
    });
  }
});

staffAuthPages.post('/logout', async (c) => {
  await endStaffSession(c);
  forgetCurrentStaff(c);
  return c.redirect('/admin/login', 303);
});
