import { composeMail, type MailContent } from '#src/mail/compose.ts';
import type { NewMail } from '#src/mail/outbox.ts';
import type { StoreSettings } from '#src/store/schema.ts';

/** What every account mail needs: the store that signs it and the address links point to. */
export type MailSender = { store: StoreSettings; baseUrl: string };

type Recipient = { to: string; name: string };

async function build(
  s: MailSender,
  r: Recipient,
  kind: string,
  subject: string,
  content: Omit<MailContent, 'greeting'>,
): Promise<NewMail> {
  const { text, html } = await composeMail(s.store, { greeting: `Hello ${r.name},`, ...content });
  return { to: r.to, subject: `${subject} | ${s.store.name}`, text, html, kind };
}

function link(s: MailSender, path: string, token: string): string {
  return `${s.baseUrl}${path}?token=${encodeURIComponent(token)}`;
}

function contactLine(s: MailSender): string {
  return s.store.phone
    ? `If this was not you, please call us at ${s.store.phone}.`
    : 'If this was not you, please reply to this email.';
}

export function composeVerifyEmail(s: MailSender, r: Recipient & { token: string }): Promise<NewMail> {
  return build(s, r, 'verify-email', 'Confirm your email address', {
    paragraphs: [
      `Thank you for creating an account at ${s.store.name}.`,
      'Please confirm that this email address is yours so we can send you order and account updates.',
    ],
    action: { label: 'Confirm my email address', url: link(s, '/account/verify-email', r.token) },
    note: 'This link works once and expires in 48 hours. If you did not create an account, you can ignore this email.',
  });
}

/** Sent instead of a second account when someone registers with an address that already has one. */
export function composeAccountExists(s: MailSender, r: Recipient): Promise<NewMail> {
  return build(s, r, 'account-exists', 'Someone tried to register with your email', {
    paragraphs: [
      `Someone, perhaps you, tried to create a new account at ${s.store.name} with this email address. ` +
        'You already have an account, so no new one was created.',
      `To use your account, sign in at ${s.baseUrl}/account/sign-in. If you forgot your password, you can set a new one.`,
    ],
    action: { label: 'Reset my password', url: `${s.baseUrl}/account/forgot-password` },
    note: 'If this was not you, you can ignore this email: your account has not changed.',
  });
}

export function composePasswordReset(s: MailSender, r: Recipient & { token: string }): Promise<NewMail> {
  return build(s, r, 'password-reset', 'Reset your password', {
    paragraphs: [
      'We received a request to reset the password of your account. Choose a new password with the link below.',
    ],
    action: { label: 'Choose a new password', url: link(s, '/account/password-reset/confirm', r.token) },
    note: 'This link works once and expires in 1 hour. If you did not ask for it, ignore this email: your password stays as it is.',
  });
}

export function composePasswordChanged(s: MailSender, r: Recipient): Promise<NewMail> {
  return build(s, r, 'password-changed', 'Your password was changed', {
    paragraphs: [
      `The password of your account at ${s.store.name} was just changed, and every other device was signed out.`,
      contactLine(s),
    ],
  });
}

export function composeChangeEmail(s: MailSender, r: Recipient & { token: string }): Promise<NewMail> {
  return build(s, r, 'change-email', 'Confirm your new email address', {
    paragraphs: [`You asked to use this address for your account at ${s.store.name}. Please confirm it.`],
    action: { label: 'Use this email address', url: link(s, '/account/email/confirm', r.token) },
    note: 'This link works once and expires in 24 hours. Until you open it, your account keeps its current address.',
  });
}

/** To an address that already has an account, when another account asks to move to it. */
export function composeEmailTaken(s: MailSender, r: Recipient): Promise<NewMail> {
  return build(s, r, 'change-email', 'Someone tried to use your email address', {
    paragraphs: [
      `Someone asked to move another account at ${s.store.name} to this email address. This address already belongs ` +
        'to your account, so nothing was changed.',
    ],
    note: 'You do not need to do anything.',
  });
}

export function composeEmailChanged(s: MailSender, r: Recipient & { newEmail: string }): Promise<NewMail> {
  return build(s, r, 'change-email', 'Your email address was changed', {
    paragraphs: [
      `The email address of your account at ${s.store.name} was changed to ${r.newEmail}. ` +
        'Mail about your account and orders now goes there.',
      contactLine(s),
    ],
  });
}

export function composeAccountDeleted(s: MailSender, r: Recipient): Promise<NewMail> {
  return build(s, r, 'account-deleted', 'Your account was deleted', {
    paragraphs: [
      `Your account at ${s.store.name} has been deleted. We removed your addresses and sign-in details and ` +
        'anonymised your profile.',
      'Records the law requires us to keep, such as past orders and invoices, stay with their personal details ' +
        'anonymised. You are welcome to create a new account at any time.',
      contactLine(s),
    ],
  });
}
