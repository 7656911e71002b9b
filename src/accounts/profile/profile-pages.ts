import type { Context } from 'hono';
import { html } from 'hono/html';
import type { FieldErrors } from '#src/lib/errors.ts';
import { MIN_PASSWORD_LENGTH } from '#src/security/passwords.ts';
import type { AppEnv } from '#src/web/context.ts';
import { csrfField, errorSummary, type FormValues, textField } from '#src/web/forms.ts';
import type { Customer } from '../schema.ts';
import { doneNotice, radioGroup } from '../shared/fields.ts';
import { MAX_COMPANY_LENGTH, MAX_EMAIL_LENGTH, MAX_NAME_LENGTH } from '../validators.ts';

type FormState = { values?: FormValues; errors?: FieldErrors };

/** What a profile form shows first: the stored profile. */
export function profileValues(customer: Customer): FormValues {
  return {
    name: customer.name,
    accountType: customer.accountType,
    companyName: customer.companyName,
    phone: customer.phone,
  };
}

export function profileBody(c: Context<AppEnv>, s: FormState & { notice?: string }) {
  const f = { values: s.values, errors: s.errors };
  return html`<h1>Profile</h1>
    ${doneNotice(s.notice, { saved: 'Your profile is saved.' })}
    ${errorSummary(s.errors)}
    <form method="post" action="/account/profile" novalidate>
      ${csrfField(c)}
      ${textField({ name: 'name', label: 'Your name', autocomplete: 'name', required: true, maxlength: MAX_NAME_LENGTH, ...f })}
      ${radioGroup({
        name: 'accountType',
        legend: 'Account type',
        fallback: 'client',
        options: [
          { value: 'client', label: 'Client', hint: 'For personal purchases.' },
          { value: 'business', label: 'Business', hint: 'For clinics, med-spas and practitioners.' },
        ],
        ...f,
      })}
      ${textField({ name: 'companyName', label: 'Company name', autocomplete: 'organization', maxlength: MAX_COMPANY_LENGTH, hint: 'Required for a business account.', isMarkedOptional: false, ...f })}
      ${textField({ name: 'phone', label: 'Phone', type: 'tel', autocomplete: 'tel', maxlength: 25, hint: 'Required for a business account.', isMarkedOptional: false, ...f })}
      <button type="submit">Save the profile</button>
    </form>
    <p>To change your email address or password, go to <a href="/account/password">Security</a>.</p>`;
}

const SECURITY_NOTICES = {
  password: 'Your new password is saved. Every other device was signed out.',
  'email-sent': 'We sent a link to the new address. Your account keeps its current address until you open that link.',
};

/** Change of password and change of email address, each its own form with its own errors. */
export function securityBody(
  c: Context<AppEnv>,
  o: { customer: Customer; notice?: string; password?: FormState; email?: FormState },
) {
  const pw = { values: o.password?.values, errors: o.password?.errors };
  const em = { values: o.email?.values, errors: o.email?.errors };
  return html`<h1>Security</h1>
    ${doneNotice(o.notice, SECURITY_NOTICES)}
    <section class="account-card" id="change-password">
      <h2>Change your password</h2>
      ${errorSummary(o.password?.errors)}
      <form method="post" action="/account/password" novalidate>
        ${csrfField(c)}
        ${textField({ name: 'currentPassword', label: 'Current password', type: 'password', autocomplete: 'current-password', required: true, ...pw })}
        ${textField({ name: 'newPassword', label: 'New password', type: 'password', autocomplete: 'new-password', required: true, hint: `At least ${MIN_PASSWORD_LENGTH} characters, not a common password.`, ...pw })}
        <button type="submit">Change the password</button>
      </form>
    </section>
    <section class="account-card" id="change-email">
      <h2>Change your email address</h2>
      <p>Your account uses <strong>${o.customer.email}</strong>. We send a link to the new address; the change takes effect when you open it.</p>
      ${errorSummary(o.email?.errors)}
      <form method="post" action="/account/email" novalidate>
        ${csrfField(c)}
        ${textField({ name: 'email', label: 'New email address', type: 'email', autocomplete: 'email', required: true, maxlength: MAX_EMAIL_LENGTH, ...em })}
        ${textField({ name: 'password', label: 'Current password', type: 'password', autocomplete: 'current-password', required: true, ...em })}
        <button type="submit">Send the confirmation link</button>
      </form>
    </section>`;
}
