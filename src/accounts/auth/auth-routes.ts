import { type Context, Hono } from 'hono';
import { clientAddressOf } from '#src/web/client-address.ts';
import type { AppEnv } from '#src/web/context.ts';
import { readForm } from '#src/web/forms.ts';
import { currentCustomer, forgetCurrentCustomer } from '../sessions/current.ts';
import { endCustomerSession, startCustomerSession } from '../sessions/sessions.ts';
import { runSignInHooks } from '../sessions/sign-in-hooks.ts';
import { renderAccountPage } from '../shared/account-page.ts';
import { attempt, keptValues } from '../shared/form-outcome.ts';
import { emailOnlySchema, isLocalPath, registrationFormSchema, signInFormSchema } from '../validators.ts';
import { messageBody, REGISTER_SCRIPTS, registerBody, resendBody, resetRequestBody, signInBody } from './auth-pages.ts';
import { requestPasswordReset } from './password-reset.ts';
import { registerCustomer, resendVerification } from './registration.ts';
import { signIn } from './sign-in.ts';

/** Registration, sign-in and sign-out, and the forms that mail a link: new confirmation, forgotten password. */
export const authPages = new Hono<AppEnv>();

/** A `next` address is followed only when it stays on this store. */
function safeNext(value: string | undefined): string | undefined {
  return value && isLocalPath(value) && !value.startsWith('/account/sign-') ? value : undefined;
}

authPages.get('/register', async (c) => {
  if (await currentCustomer(c)) return c.redirect('/account', 303);
  return renderAccountPage(c, { title: 'Create an account', scripts: REGISTER_SCRIPTS, body: registerBody(c, {}) });
});

authPages.post('/register', async (c) => {
  const form = await readForm(c, registrationFormSchema);
  const values = keptValues(form.values);
  if (!form.ok) {
    return renderAccountPage(c, {
      title: 'Create an account',
      scripts: REGISTER_SCRIPTS,
      status: 422,
      body: registerBody(c, { values, errors: form.errors }),
    });
  }
  const input = form.data;
  const done = await attempt(c, () => registerCustomer(c.var.ctx, { input, ip: clientAddressOf(c) }));
  if (!done.ok) {
    return renderAccountPage(c, {
      title: 'Create an account',
      scripts: REGISTER_SCRIPTS,
      status: done.status,
      body: registerBody(c, { values, errors: done.errors }),
    });
  }
  return c.redirect('/account/register/check-email', 303);
});

// The same page whether the address was new or already had an account: only its mailbox learns which.
authPages.get('/register/check-email', (c) =>
  renderAccountPage(c, {
    title: 'Check your email',
    body: messageBody({
      heading: 'Check your email',
      paragraphs: [
        'We sent a message to the address you entered. Open the link in it to confirm your address and finish setting up your account.',
        'Nothing there after a few minutes? Look in the spam folder, or ask for a new link.',
      ],
      links: [
        { href: '/account/verify-email/resend', label: 'Send the confirmation email again' },
        { href: '/account/sign-in', label: 'Sign in' },
      ],
    }),
  }),
);

authPages.get('/sign-in', async (c) => {
  const next = safeNext(c.req.query('next'));
  if (await currentCustomer(c)) return c.redirect(next ?? '/account', 303);
  return renderAccountPage(c, { title: 'Sign in', body: signInBody(c, { next, notice: c.req.query('done') }) });
});

authPages.post('/sign-in', async (c) => {
  const form = await readForm(c, signInFormSchema);
  const next = safeNext(form.values.next);
  const values = keptValues(form.values);
  if (!form.ok) {
    return renderAccountPage(c, {
      title: 'Sign in',
      status: 422,
      body: signInBody(c, { values, errors: form.errors, next }),
    });
  }
  const { email, password, remember } = form.data;
  const done = await attempt(c, () => signIn(c.var.ctx, { email, password, ip: clientAddressOf(c) }));
  if (!done.ok) {
    return renderAccountPage(c, {
      title: 'Sign in',
      status: done.status,
      body: signInBody(c, { values, errors: done.errors, next }),
    });
  }
  await startCustomerSession(c, done.value.id, { remember });
  forgetCurrentCustomer(c);
  await runSignInHooks(c, done.value.id);
  return c.redirect(next ?? '/account', 303);
});

authPages.post('/sign-out', async (c) => {
  await endCustomerSession(c);
  forgetCurrentCustomer(c);
  return c.redirect('/', 303);
});

function emailFormRoute(
  path: string,
  o: {
    title: string;
    body: typeof resendBody;
    run: (c: Context<AppEnv>, email: string) => Promise<void>;
    sent: { heading: string; paragraphs: string[] };
  },
) {
  authPages.get(path, (c) => renderAccountPage(c, { title: o.title, body: o.body(c, {}) }));
  authPages.post(path, async (c) => {
    const form = await readForm(c, emailOnlySchema);
    if (!form.ok) {
      return renderAccountPage(c, {
        title: o.title,
        status: 422,
        body: o.body(c, { values: form.values, errors: form.errors }),
      });
    }
    const email = form.data.email;
    const done = await attempt(c, () => o.run(c, email));
    if (!done.ok) {
      return renderAccountPage(c, {
        title: o.title,
        status: done.status,
        body: o.body(c, { values: form.values, errors: done.errors }),
      });
    }
    // Said the same way whether or not the address has an account.
    return renderAccountPage(c, {
      title: o.sent.heading,
      body: messageBody({ ...o.sent, links: [{ href: '/account/sign-in', label: 'Back to sign in' }] }),
    });
  });
}

emailFormRoute('/verify-email/resend', {
  title: 'Send the confirmation email again',
  body: resendBody,
  run: (c, email) => resendVerification(c.var.ctx, { email, ip: clientAddressOf(c) }),
  sent: {
    heading: 'Check your email',
    paragraphs: [
      'If an account with this address is waiting for confirmation, a new link is on its way. Earlier links no longer work.',
    ],
  },
});

emailFormRoute('/forgot-password', {
  title: 'Reset your password',
  body: resetRequestBody,
  run: (c, email) => requestPasswordReset(c.var.ctx, { email, ip: clientAddressOf(c) }),
  sent: {
    heading: 'Check your email',
    paragraphs: [
      'If an account uses this address, we sent it a link to choose a new password. The link works once, for one hour.',
    ],
  },
});

// Older mails and bookmarks used this address for the request form.
authPages.get('/password-reset', (c) => c.redirect('/account/forgot-password', 301));
