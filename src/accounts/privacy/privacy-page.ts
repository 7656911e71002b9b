import type { Context } from 'hono';
import { html } from 'hono/html';
import type { FieldErrors } from '#src/lib/errors.ts';
import type { AppEnv } from '#src/web/context.ts';
import { csrfField, errorSummary, textField } from '#src/web/forms.ts';

/** What the store keeps, a copy of it on request, and the deletion of the account. */
export function privacyBody(c: Context<AppEnv>, o: { errors?: FieldErrors }) {
  return html`<h1>Privacy</h1>
    <section class="account-card">
      <h2>Download your data</h2>
      <p>Get a copy of everything we hold about you as one JSON file: your profile, addresses, licences, the
        times you signed in and the emails we sent you. Passwords and the secret parts of links are never included.</p>
      <form method="post" action="/account/privacy/export">
        ${csrfField(c)}
        <button type="submit">Download my data</button>
      </form>
    </section>
    <section class="account-card danger-zone" id="delete-account">
      <h2>Delete your account</h2>
      <p>Deleting your account signs you out everywhere, removes your addresses, sign-in details and licence
        documents, and replaces your name, email and phone with placeholders. It cannot be undone.</p>
      <p>Records the law requires us to keep, such as orders and invoices, stay with their personal details anonymised.
        So do the records of licences we checked (type, number, issuing state, dates and our decision), without
        your name; a licence still waiting for review is withdrawn.</p>
      ${errorSummary(o.errors)}
      <form method="post" action="/account/privacy/delete" novalidate>
        ${csrfField(c)}
        ${textField({ name: 'password', label: 'Your password, to confirm', type: 'password', autocomplete: 'current-password', required: true, errors: o.errors })}
        <button type="submit" class="danger">Delete my account</button>
      </form>
    </section>`;
}
