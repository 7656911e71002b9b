import { html, raw } from 'hono/html';
import type { FieldErrors } from '#src/lib/errors.ts';
import type { FormValues } from '#src/web/forms.ts';

/** A checkbox with its label; checked when the kept value says so. */
export function checkboxField(o: {
  name: string;
  label: string;
  values?: FormValues;
  checked?: boolean;
  hint?: string;
}) {
  const id = `f-${o.name}`;
  const value = o.values?.[o.name];
  const checked = value !== undefined ? value === 'on' : (o.checked ?? false);
  return html`<div class="field field-checkbox">
    <label for="${id}"><input id="${id}" type="checkbox" name="${o.name}"${checked ? raw(' checked') : ''}> <span>${o.label}</span></label>
    ${o.hint ? html`<p class="hint">${o.hint}</p>` : ''}
  </div>`;
}

/** A select with its label and error, e.g. the country of an address. */
export function selectField(o: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  values?: FormValues;
  errors?: FieldErrors;
  fallback?: string;
  autocomplete?: string;
}) {
  const id = `f-${o.name}`;
  const error = o.errors?.[o.name];
  const selected = o.values?.[o.name] ?? o.fallback ?? '';
  return html`<div class="field${error ? ' has-error' : ''}">
    <label for="${id}">${o.label}</label>
    <select id="${id}" name="${o.name}"${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ''}
      ${error ? html`aria-invalid="true" aria-describedby="${id}-error"` : ''}>
      ${o.options.map(
        (opt) =>
          html`<option value="${opt.value}"${opt.value === selected ? raw(' selected') : ''}>${opt.label}</option>`,
      )}
    </select>
    ${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : ''}
  </div>`;
}

/** A group of radio buttons in a fieldset, e.g. the type of account. */
export function radioGroup(o: {
  name: string;
  legend: string;
  options: { value: string; label: string; hint?: string }[];
  values?: FormValues;
  errors?: FieldErrors;
  fallback: string;
}) {
  const error = o.errors?.[o.name];
  const selected = o.values?.[o.name] ?? o.fallback;
  return html`<fieldset class="field${error ? ' has-error' : ''}">
    <legend>${o.legend}</legend>
    ${o.options.map(
      (opt) => html`<div class="field-radio">
        <label for="f-${o.name}-${opt.value}"><input id="f-${o.name}-${opt.value}" type="radio" name="${o.name}" value="${opt.value}"${opt.value === selected ? raw(' checked') : ''}> <span>${opt.label}</span></label>
        ${opt.hint ? html`<p class="hint">${opt.hint}</p>` : ''}
      </div>`,
    )}
    ${error ? html`<p class="field-error">${error}</p>` : ''}
  </fieldset>`;
}

/** A notice chosen by a fixed key in the address (after a redirect), never text taken from the address. */
export function doneNotice(key: string | undefined, messages: Record<string, string>) {
  const message = key && Object.hasOwn(messages, key) ? messages[key] : undefined;
  return message ? html`<div class="notice notice-success" role="status"><p>${message}</p></div>` : '';
}
