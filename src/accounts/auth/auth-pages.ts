import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import type { FieldErrors } from '#src/lib/errors.ts';
import { MIN_PASSWORD_LENGTH } from '#src/security/passwords.ts';
import type { AppEnv } from '#src/web/context.ts';
import { csrfField, errorSummary, type FormValues, textField } from '#src/web/forms.ts';
import { checkboxField, doneNotice, radioGroup } from '../shared/fields.ts';
import { CONSENT_FIELD, MAX_COMPANY_LENGTH, MAX_EMAIL_LENGTH, MAX_NAME_LENGTH } from '../validators.ts';

const SIGN_IN_NOTICES = {
  verified: 'Thank you: your email address is confirmed. Sign in to continue.',
  'password-reset': 'Your new password is saved and every device was signed out. Sign in with the new password.',
  'email-changed': 'Your new email address is confirmed. Sign in with it from now on.',
  deleted: 'Your account has been deleted.',
};

type FormState = { values?: FormValues; errors?: FieldErrors };

const PASSWORD_HINT = `At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words are easy to remember and hard to guess.`;

/** The script that shows the business fields only for a business account; the form works without it. */
export const REGISTER_SCRIPTS = ['account-type.js'];

// Links open in a new tab so that what was typed into the form is not lost.
function consentField(s: FormState) {
  const id = `f-${CONSENT_FIELD}`;
  const error = s.errors?.[CONSENT_FIELD];
  const isTicked = s.values?.[CONSENT_FIELD] === 'on';
  const newTab = html`<span class="visually-hidden"> (opens in a new tab)</span>`;
  return html`<div class="field field-checkbox field-consent${error ? ' has-error' : ''}">
    <label for="${id}"><input id="${id}" type="checkbox" name="${CONSENT_FIELD}" required${isTicked ? raw(' checked') : ''}${error ? raw(` aria-invalid="true" aria-describedby="${id}-error"`) : ''}>
      <span>I agree to the <a href="/terms" target="_blank" rel="noopener">terms of sale</a>${newTab} and have read the
        <a href="/privacy" target="_blank" rel="noopener">privacy notice</a>${newTab}.</span></label>
    ${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : ''}
  </div>`;
}

export function registerBody(c: Context<AppEnv>, s: FormState) {
  const f = { values: s.values, errors: s.errors };
  return html`<section class="auth-page">
    <h1>Create an account</h1>
    <p>Already have one? <a href="/account/sign-in">Sign in</a>.</p>
    ${errorSummary(s.errors)}
    <form method="post" action="/account/register" novalidate data-account-type-form>
      ${csrfField(c)}
      ${radioGroup({
        name: 'accountType',
        legend: 'Account type',
        fallback: 'client',
        options: [
          { value: 'client', label: 'Client', hint: 'For personal purchases.' },
          {
            value: 'business',
            label: 'Business',
            hint: 'For clinics, med-spas and practitioners: business pricing, quotes and licences.',
          },
        ],
        ...f,
      })}
      <fieldset class="business-fields" data-business-only>
        <legend>Your business</legend>
        <p class="hint business-note">Only for a business account; a client account leaves these empty.</p>
        ${textField({ name: 'companyName', label: 'Company name', autocomplete: 'organization', maxlength: MAX_COMPANY_LENGTH, hint: 'Required for a business account.', isMarkedOptional: false, ...f })}
        ${textField({ name: 'phone', label: 'Business phone', type: 'tel', autocomplete: 'tel', maxlength: 25, hint: 'Required for a business account, so that we can reach you about orders and licences.', isMarkedOptional: false, ...f })}
      </fieldset>
      ${textField({ name: 'name', label: 'Your name', autocomplete: 'name', required: true, maxlength: MAX_NAME_LENGTH, ...f })}
      ${textField({ name: 'email', label: 'Email', type: 'email', autocomplete: 'email', required: true, maxlength: MAX_EMAIL_LENGTH, ...f })}
      ${textField({ name: 'password', label: 'Password', type: 'password', autocomplete: 'new-password', required: true, hint: PASSWORD_HINT, ...f })}
      ${consentField(s)}
      <button type="submit" class="button-block">Create account</button>
    </form>
  </section>`;
}

export function signInBody(c: Context<AppEnv>, s: FormState & { next?: string; notice?: string }) {
  const f = { values: s.values, errors: s.errors };
  return html`<section class="auth-page">
    <h1>Sign in</h1>
    ${doneNotice(s.notice, SIGN_IN_NOTICES)}
    ${errorSummary(s.errors)}
    <form method="post" action="/account/sign-in" novalidate>
      ${csrfField(c)}
      ${s.next ? html`<input type="hidden" name="next" value="${s.next}">` : ''}
      ${textField({ name: 'email', label: 'Email', type: 'email', autocomplete: 'email', required: true, maxlength: MAX_EMAIL_LENGTH, ...f })}
      ${textField({ name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password', required: true, ...f })}
      ${checkboxField({ name: 'remember', label: 'Remember me on this device for 30 days', values: s.values })}
      <button type="submit">Sign in</button>
    </form>
    <p><a href="/account/forgot-password">Forgot your password?</a></p>
    <p><a href="/account/verify-email/resend">Did not get the confirmation email?</a></p>
    <p>New here? <a href="/account/register">Create an account</a>.</p>
  </section>`;
}

export function resetRequestBody(c: Context<AppEnv>, s: FormState) {
  return html`<section class="auth-page">
    <h1>Reset your password</h1>
    <p>Enter the email address of your account. We will send you a link to choose a new password.</p>
    ${errorSummary(s.errors)}
    <form method="post" action="/account/forgot-password" novalidate>
      ${csrfField(c)}
      ${textField({ name: 'email', label: 'Email', type: 'email', autocomplete: 'email', required: true, maxlength: MAX_EMAIL_LENGTH, values: s.values, errors: s.errors })}
      <button type="submit">Send the link</button>
    </form>
    <p><a href="/account/sign-in">Back to sign in</a></p>
  </section>`;
}

export function resetConfirmBody(c: Context<AppEnv>, s: FormState & { token: string }) {
  return html`<section class="auth-page">
    <h1>Choose a new password</h1>
    ${errorSummary(s.errors)}
    <form method="post" action="/account/password-reset/confirm" novalidate>
      ${csrfField(c)}
      <input type="hidden" name="token" value="${s.token}">
      ${textField({ name: 'password', label: 'New password', type: 'password', autocomplete: 'new-password', required: true, hint: PASSWORD_HINT, errors: s.errors })}
      <button type="submit">Save the new password</button>
    </form>
    <p>Saving signs you out on every device; then sign in with the new password.</p>
  </section>`;
}

export function resendBody(c: Context<AppEnv>, s: FormState) {
  return html`<section class="auth-page">
    <h1>Send the confirmation email again</h1>
    <p>Enter the email address you registered with. If its account is not confirmed yet, we send a new link.</p>
    ${errorSummary(s.errors)}
    <form method="post" action="/account/verify-email/resend" novalidate>
      ${csrfField(c)}
      ${textField({ name: 'email', label: 'Email', type: 'email', autocomplete: 'email', required: true, maxlength: MAX_EMAIL_LENGTH, values: s.values, errors: s.errors })}
      <button type="submit">Send the link</button>
    </form>
  </section>`;
}

/** A short page with a heading, a few sentences and the ways on. */
export function messageBody(o: {
  heading: string;
  paragraphs: string[];
  links?: { href: string; label: string }[];
  isError?: boolean;
}) {
  return html`<section class="auth-page${o.isError ? ' is-error' : ''}"${o.isError ? html` role="alert"` : ''}>
    <h1>${o.heading}</h1>
    ${o.paragraphs.map((p) => html`<p>${p}</p>`)}
    ${o.links?.length ? html`<ul class="plain">${o.links.map((l) => html`<li><a href="${l.href}">${l.label}</a></li>`)}</ul>` : ''}
  </section>`;
}

/** The page behind an emailed link: one button, so that mail scanners opening the link change nothing. */
export function confirmLinkBody(
  c: Context<AppEnv>,
  o: { heading: string; text: string; action: string; token: string; button: string },
) {
  return html`<section class="auth-page">
    <h1>${o.heading}</h1>
    <p>${o.text}</p>
    <form method="post" action="${o.action}">
      ${csrfField(c)}
      <input type="hidden" name="token" value="${o.token}">
      <button type="submit">${o.button}</button>
    </form>
  </section>`;
}
