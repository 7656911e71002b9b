import { html, raw } from 'hono/html';
import type { FieldErrors } from '#src/lib/errors.ts';
import type { FormValues } from '#src/web/forms.ts';

/** A labelled select with its error tied to it, in the style of textField. */
export function selectField(o: {
  name: string;
  label: string;
  options: [value: string, label: string][];
  placeholder?: string;
  values?: FormValues | undefined;
  errors?: FieldErrors | undefined;
}) {
  const id = `f-${o.name}`;
  const error = o.errors?.[o.name];
  const selected = o.values?.[o.name] ?? '';
  return html`<div class="field${error ? ' has-error' : ''}">
    <label for="${id}">${o.label}</label>
    <select id="${id}" name="${o.name}" required${error ? raw(` aria-invalid="true" aria-describedby="${id}-error"`) : ''}>
      ${o.placeholder ? html`<option value="">${o.placeholder}</option>` : ''}
      ${o.options.map(([value, label]) => html`<option value="${value}"${value === selected ? raw(' selected') : ''}>${label}</option>`)}
    </select>
    ${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : ''}
  </div>`;
}

/** A file input for the licence document; a browser never keeps a chosen file across a failed post. */
export function documentField(errors?: FieldErrors) {
  const error = errors?.document;
  return html`<div class="field${error ? ' has-error' : ''}">
    <label for="f-document">Licence document</label>
    <p class="hint" id="f-document-hint">A scan or photo of the licence: PDF, JPEG or PNG, at most 10 MB.
      Only you and our staff can see it.${errors && Object.keys(errors).length ? ' Please choose the file again.' : ''}</p>
    <input id="f-document" name="document" type="file" accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png" required
      aria-describedby="f-document-hint${error ? ' f-document-error' : ''}"${error ? raw(' aria-invalid="true"') : ''}>
    ${error ? html`<p class="field-error" id="f-document-error">${error}</p>` : ''}
  </div>`;
}
