import { type Context, Hono } from 'hono';
import { deleteCookie } from 'hono/cookie';
import { todayUtc } from '#src/lib/dates.ts';
import type { AppEnv } from '#src/web/context.ts';
import { secureCookieOptions } from '#src/web/cookies.ts';
import { readForm } from '#src/web/forms.ts';
import type { Html } from '#src/web/layout.ts';
import { listAddresses } from '../addresses/address-book.ts';
import { deleteAccount, exportCustomerData } from '../privacy/privacy.ts';
import { privacyBody } from '../privacy/privacy-page.ts';
import { forgetCurrentCustomer, requireCustomer } from '../sessions/current.ts';
import { CUSTOMER_COOKIE, isSessionPersistent, startCustomerSession } from '../sessions/sessions.ts';
import { renderAccountPage } from '../shared/account-page.ts';
import { attempt, type FormStatus, invalid, keptValues } from '../shared/form-outcome.ts';
import { changeEmailSchema, changePasswordSchema, passwordOnlySchema, profileFormSchema } from '../validators.ts';
import { changePassword, requestEmailChange } from './credentials.ts';
import { overviewBody } from './overview-page.ts';
import { updateProfile } from './profile.ts';
import { profileBody, profileValues, securityBody } from './profile-pages.ts';

/** The signed-in customer's own pages: overview, profile, security (password, email) and privacy. */
export const accountHomePages = new Hono<AppEnv>();

// The password and email forms share one page; a refused change re-renders it with that form's errors.
function renderSecurityPage(c: Context<AppEnv>, status: 200 | FormStatus, body: Html) {
  return renderAccountPage(c, { title: 'Security', section: 'security', status, body });
}

accountHomePages.get('/', async (c) => {
  const customer = await requireCustomer(c);
  const addresses = await listAddresses(c.var.ctx.db, customer.id);
  return renderAccountPage(c, {
    title: 'Your account',
    section: 'overview',
    body: overviewBody(c, { customer, addresses, notice: c.req.query('done') }),
  });
});

accountHomePages.get('/profile', async (c) => {
  const customer = await requireCustomer(c);
  return renderAccountPage(c, {
    title: 'Profile',
    section: 'profile',
    body: profileBody(c, { values: profileValues(customer), notice: c.req.query('done') }),
  });
});

accountHomePages.post('/profile', async (c) => {
  const customer = await requireCustomer(c);
  const form = await readForm(c, profileFormSchema);
  const done = form.ok
    ? await attempt(c, () => updateProfile(c.var.ctx.db, { customer, patch: form.data }))
    : invalid(form.errors);
  if (!done.ok) {
    return renderAccountPage(c, {
      title: 'Profile',
      section: 'profile',
      status: done.status,
      body: profileBody(c, { values: form.values, errors: done.errors }),
    });
  }
  return c.redirect('/account/profile?done=saved', 303);
});

accountHomePages.get('/password', async (c) => {
  const customer = await requireCustomer(c);
  return renderSecurityPage(c, 200, securityBody(c, { customer, notice: c.req.query('done') }));
});

accountHomePages.post('/password', async (c) => {
  const customer = await requireCustomer(c);
  const form = await readForm(c, changePasswordSchema);
  const remember = await isSessionPersistent(c);
  const done = form.ok
    ? await attempt(c, () => changePassword(c.var.ctx, { customer, ...form.data }))
    : invalid(form.errors);
  if (!done.ok) {
    return renderSecurityPage(c, done.status, securityBody(c, { customer, password: { errors: done.errors } }));
  }
  // Every session ended with the change; this device continues with a new session id.
  await startCustomerSession(c, customer.id, { remember });
  forgetCurrentCustomer(c);
  return c.redirect('/account/password?done=password', 303);
});

accountHomePages.post('/email', async (c) => {
  const customer = await requireCustomer(c);
  const form = await readForm(c, changeEmailSchema);
  const done = form.ok
    ? await attempt(c, () => requestEmailChange(c.var.ctx, { customer, ...form.data }))
    : invalid(form.errors);
  if (!done.ok) {
    const email = { values: keptValues(form.values), errors: done.errors };
    return renderSecurityPage(c, done.status, securityBody(c, { customer, email }));
  }
  return c.redirect('/account/password?done=email-sent', 303);
});

accountHomePages.get('/privacy', async (c) => {
  await requireCustomer(c);
  return renderAccountPage(c, { title: 'Privacy', section: 'privacy', body: privacyBody(c, {}) });
});

// A POST behind the CSRF check rather than a link: the file holds everything about the customer.
accountHomePages.post('/privacy/export', async (c) => {
  const customer = await requireCustomer(c);
  const data = await exportCustomerData(c.var.ctx.db, customer);
  return c.body(JSON.stringify(data, null, 2), 200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Disposition': `attachment; filename="my-data-${todayUtc()}.json"`,
    'Cache-Control': 'no-store',
  });
});

accountHomePages.post('/privacy/delete', async (c) => {
  const customer = await requireCustomer(c);
  const form = await readForm(c, passwordOnlySchema);
  const done = form.ok
    ? await attempt(c, () => deleteAccount(c.var.ctx, { customer, password: form.data.password }))
    : invalid(form.errors);
  if (!done.ok) {
    return renderAccountPage(c, {
      title: 'Privacy',
      section: 'privacy',
      status: done.status,
      body: privacyBody(c, { errors: done.errors }),
    });
  }
  deleteCookie(c, CUSTOMER_COOKIE, secureCookieOptions(c));
  forgetCurrentCustomer(c);
  return c.redirect('/account/sign-in?done=deleted', 303);
});
