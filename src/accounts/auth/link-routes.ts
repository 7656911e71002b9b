import { type Context, Hono } from 'hono';
import { deleteCookie } from 'hono/cookie';
import type { AppEnv } from '#src/web/context.ts';
import { secureCookieOptions } from '#src/web/cookies.ts';
import { readForm } from '#src/web/forms.ts';
import { confirmEmailChange } from '../profile/credentials.ts';
import { currentCustomer, forgetCurrentCustomer } from '../sessions/current.ts';
import { CUSTOMER_COOKIE } from '../sessions/sessions.ts';
import { renderAccountPage } from '../shared/account-page.ts';
import { attempt, type FormStatus } from '../shared/form-outcome.ts';
import { resetConfirmSchema, tokenBodySchema, tokenQuerySchema } from '../validators.ts';
import { confirmLinkBody, messageBody, resetConfirmBody } from './auth-pages.ts';
import { checkLinkToken, type LinkPurpose } from './emailed-links.ts';
import { resetPassword } from './password-reset.ts';
import { verifyEmail } from './registration.ts';

/** The pages behind emailed links: confirm an email address, choose a new password, confirm a new address. */
export const linkPages = new Hono<AppEnv>();

// Where to ask for a fresh link when one cannot be used.
const RETRY: Record<LinkPurpose, { href: string; label: string }> = {
  'verify-email': { href: '/account/verify-email/resend', label: 'Send a new confirmation link' },
  'reset-password': { href: '/account/forgot-password', label: 'Ask for a new password reset link' },
  'change-email': { href: '/account/password', label: 'Ask again from your account' },
};

/** A link that cannot be used: why, and how to get a new one. Nothing was changed. */
function linkFailed(c: Context<AppEnv>, purpose: LinkPurpose, status: FormStatus, reason: string) {
  return renderAccountPage(c, {
    title: 'This link cannot be used',
    status,
    body: messageBody({
      heading: 'This link cannot be used',
      paragraphs: [reason],
      links: [RETRY[purpose], { href: '/', label: 'Go to the home page' }],
      isError: true,
    }),
  });
}

/** Reads and checks the token of a link page; a usable token, or the page saying why it is not. */
async function usableToken(c: Context<AppEnv>, purpose: LinkPurpose): Promise<{ token: string } | { page: Response }> {
  const query = tokenQuerySchema.safeParse(c.req.query());
  if (!query.success) {
    return { page: await linkFailed(c, purpose, 400, query.error.issues[0]?.message ?? 'This link is not valid.') };
  }
  const checked = await attempt(c, () => checkLinkToken(c.var.ctx.db, query.data.token, purpose));
  if (!checked.ok) return { page: await linkFailed(c, purpose, checked.status, checked.errors._ ?? '') };
  return { token: query.data.token };
}

function confirmRoute(
  path: string,
  o: {
    purpose: LinkPurpose;
    heading: string;
    text: string;
    button: string;
    run: (c: Context<AppEnv>, token: string) => Promise<unknown>;
    done: string;
  },
) {
  linkPages.get(path, async (c) => {
    const link = await usableToken(c, o.purpose);
    if ('page' in link) return link.page;
    return renderAccountPage(c, {
      title: o.heading,
      body: confirmLinkBody(c, {
        heading: o.heading,
        text: o.text,
        action: `/account${path}`,
        token: link.token,
        button: o.button,
      }),
    });
  });
  linkPages.post(path, async (c) => {
    const form = await readForm(c, tokenBodySchema);
    if (!form.ok) return linkFailed(c, o.purpose, 400, form.errors.token ?? 'This link is not valid.');
    const token = form.data.token;
    const done = await attempt(c, () => o.run(c, token));
    if (!done.ok) return linkFailed(c, o.purpose, done.status, done.errors._ ?? '');
    const signedIn = await currentCustomer(c);
    forgetCurrentCustomer(c);
    return c.redirect(signedIn ? `/account?done=${o.done}` : `/account/sign-in?done=${o.done}`, 303);
  });
}

confirmRoute('/verify-email', {
  purpose: 'verify-email',
  heading: 'Confirm your email address',
  text: 'One more step: confirm that this email address belongs to you.',
  button: 'Confirm my email address',
  run: (c, token) => verifyEmail(c.var.ctx, token),
  done: 'verified',
});

confirmRoute('/email/confirm', {
  purpose: 'change-email',
  heading: 'Confirm your new email address',
  text: 'Confirm to make this address the one your account uses. The previous address will be told of the change.',
  button: 'Use this email address',
  run: (c, token) => confirmEmailChange(c.var.ctx, token),
  done: 'email-changed',
});

const RESET_TITLE = 'Choose a new password';

linkPages.get('/password-reset/confirm', async (c) => {
  const link = await usableToken(c, 'reset-password');
  if ('page' in link) return link.page;
  return renderAccountPage(c, { title: RESET_TITLE, body: resetConfirmBody(c, { token: link.token }) });
});

linkPages.post('/password-reset/confirm', async (c) => {
  const form = await readForm(c, resetConfirmSchema);
  const token = form.values.token ?? '';
  if (!form.ok) {
    if (form.errors.token) return linkFailed(c, 'reset-password', 400, form.errors.token);
    return renderAccountPage(c, {
      title: RESET_TITLE,
      status: 422,
      body: resetConfirmBody(c, { token, errors: form.errors }),
    });
  }
  const data = form.data;
  const done = await attempt(c, () => resetPassword(c.var.ctx, data));
  if (!done.ok) {
    if (done.errors.password) {
      return renderAccountPage(c, {
        title: RESET_TITLE,
        status: done.status,
        body: resetConfirmBody(c, { token, errors: done.errors }),
      });
    }
    return linkFailed(c, 'reset-password', done.status, done.errors._ ?? '');
  }
  // Every session of the account ended with the reset; this browser's cookie goes too.
  deleteCookie(c, CUSTOMER_COOKIE, secureCookieOptions(c));
  forgetCurrentCustomer(c);
  return c.redirect('/account/sign-in?done=password-reset', 303);
});
