import { html, raw } from 'hono/html';
import type { FieldErrors } from '#src/lib/errors.ts';
import type { FormValues } from '#src/web/forms.ts';

type State = { values: FormValues; errors?: FieldErrors | undefined };

function describedBy(id: string, hint: string | undefined, error: string | undefined) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids ? html` aria-describedby="${ids}"` : '';
}

/** A labelled <select> keeping the chosen value; `placeholder` adds an empty first choice that must be changed. */
export function selectField(
  state: State,
  o: {
    name: string;
    label: string;
    options: readonly (readonly [string, string])[];
    placeholder?: string;
    hint?: string;
    isOptional?: boolean;
  },
) {
  const id = `f-${o.name}`;
  const error = state.errors?.[o.name];
  const value = state.values[o.name] ?? '';
  return html`<div class="field${error ? ' has-error' : ''}">
    <label for="${id}">${o.label}${o.isOptional ? html` <span class="optional">(optional)</span>` : ''}</label>
    ${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : ''}
    <select id="${id}" name="${o.name}"${describedBy(id, o.hint, error)}${error ? raw(' aria-invalid="true"') : ''}>
      ${o.placeholder !== undefined ? html`<option value=""${value === '' ? raw(' selected') : ''}>${o.placeholder}</option>` : ''}
      ${o.options.map(([v, label]) => html`<option value="${v}"${v === value ? raw(' selected') : ''}>${label}</option>`)}
    </select>
    ${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : ''}
  </div>`;
}

/** A labelled <textarea> keeping what was typed. */
export function textareaField(
  state: State,
  o: { name: string; label: string; rows?: number; hint?: string; isOptional?: boolean; maxlength?: number },
) {
  const id = `f-${o.name}`;
  const error = state.errors?.[o.name];
  return html`<div class="field${error ? ' has-error' : ''}">
    <label for="${id}">${o.label}${o.isOptional ? html` <span class="optional">(optional)</span>` : ''}</label>
    ${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : ''}
    <textarea id="${id}" name="${o.name}" rows="${o.rows ?? 4}"${o.maxlength ? html` maxlength="${o.maxlength}"` : ''}${describedBy(id, o.hint, error)}${error ? raw(' aria-invalid="true"') : ''}>${state.values[o.name] ?? ''}</textarea>
    ${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : ''}
  </div>`;
}
