import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import { formatDateTime } from '#src/lib/dates.ts';
import type { FieldErrors } from '#src/lib/errors.ts';
import type { AppEnv } from '#src/web/context.ts';
import { csrfField, errorSummary, type FormValues, textField } from '#src/web/forms.ts';
import { ROLE_LABELS } from '../permissions.ts';
import { STAFF_ROLES, type StaffRole, type StaffUser } from '../schema.ts';

function roleSelect(name: string, id: string, selected: string | undefined, error?: string) {
  return html`<select id="${id}" name="${name}"${error ? raw(' aria-invalid="true"') : ''}>
    ${STAFF_ROLES.map((r) => html`<option value="${r}"${r === selected ? raw(' selected') : ''}>${ROLE_LABELS[r]}</option>`)}
  </select>`;
}

function staffRow(c: Context<AppEnv>, s: StaffUser, me: StaffUser) {
  return html`<tr>
    <td>${s.name || '-'}<br><span class="muted">${s.email}</span>${s.id === me.id ? ' (you)' : ''}</td>
    <td>${s.role}</td>
    <td>${s.isActive ? 'Active' : 'Deactivated'}</td>
    <td>${formatDateTime(s.createdAt)}</td>
    <td class="actions">
      <form method="post" action="/admin/staff/${s.id}/role" class="inline-form">
        ${csrfField(c)}
        <label class="visually-hidden" for="role-${s.id}">Role of ${s.email}</label>
        ${roleSelect('role', `role-${s.id}`, s.role)}
        <button type="submit">Change role</button>
      </form>
      <form method="post" action="/admin/staff/${s.id}/${s.isActive ? 'deactivate' : 'reactivate'}" class="inline-form">
        ${csrfField(c)}
        <button type="submit"${s.isActive ? raw(' class="danger"') : ''}>${s.isActive ? 'Deactivate' : 'Reactivate'}</button>
      </form>
    </td>
  </tr>`;
}

/** The staff list with the form that adds a staff member; owners only. */
export function renderStaffPage(
  c: Context<AppEnv>,
  o: { staff: StaffUser[]; me: StaffUser; values?: FormValues; errors?: FieldErrors },
) {
  const roleError = o.errors?.role;
  return html`<h1>Staff</h1>
    <p>Changing a role or deactivating an account signs that person out everywhere at once.</p>
    ${o.errors?._ && !o.values ? errorSummary(o.errors) : ''}
    <table class="data-table">
      <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Since</th><th scope="col">Actions</th></tr></thead>
      <tbody>${o.staff.map((s) => staffRow(c, s, o.me))}</tbody>
    </table>
    <section aria-labelledby="add-staff">
      <h2 id="add-staff">Add a staff member</h2>
      <p>Give them the password through a safe channel; they sign in at /admin/login.</p>
      ${o.values ? errorSummary(o.errors) : ''}
      <form method="post" action="/admin/staff" novalidate>
        ${csrfField(c)}
        ${textField({ name: 'email', label: 'Email', type: 'email', required: true, maxlength: 254, autocomplete: 'off', values: o.values, errors: o.errors })}
        ${textField({ name: 'name', label: 'Name', maxlength: 200, autocomplete: 'off', values: o.values, errors: o.errors })}
        ${textField({ name: 'password', label: 'Password', type: 'password', required: true, maxlength: 200, autocomplete: 'new-password', hint: 'At least 10 characters, not a common password.', errors: o.errors })}
        <div class="field${roleError ? ' has-error' : ''}">
          <label for="f-role">Role</label>
          ${roleSelect('role', 'f-role', o.values?.role ?? 'staff', roleError)}
          ${roleError ? html`<p class="field-error">${roleError}</p>` : ''}
        </div>
        <button type="submit">Add staff member</button>
      </form>
    </section>`;
}

export const STAFF_NOTICES: Record<string, string> = {
  created: 'The staff member was added.',
  role: 'The role was changed; that person was signed out.',
  deactivated: 'The account was deactivated and signed out.',
  reactivated: 'The account was reactivated.',
};

export type RoleChange = { role: StaffRole };
