import type { Context } from 'hono';
import { html } from 'hono/html';
import type { FieldErrors } from '#src/lib/errors.ts';
import type { AppEnv } from '#src/web/context.ts';
import { csrfField, errorSummary, type FormValues, textField } from '#src/web/forms.ts';

/** The staff sign-in form; separate from the customers' sign-in, with its own session. */
export function renderLoginForm(c: Context<AppEnv>, o: { values?: FormValues; errors?: FieldErrors; next: string }) {
  return html`<section class="admin-sign-in" aria-labelledby="sign-in-heading">
    <h1 id="sign-in-heading">Staff sign-in</h1>
    <p class="muted">For the store's staff. Customers sign in on the <a href="/account/sign-in">shop's sign-in page</a>.</p>
    ${errorSummary(o.errors)}
    <form method="post" action="/admin/login" novalidate>
      ${csrfField(c)}
      <input type="hidden" name="next" value="${o.next}">
      ${textField({ name: 'email', label: 'Email', type: 'email', autocomplete: 'username', required: true, maxlength: 254, values: o.values, errors: o.errors })}
      ${textField({ name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password', required: true, maxlength: 200, errors: o.errors })}
      <button type="submit" class="button-block">Sign in</button>
    </form>
  </section>`;
}
