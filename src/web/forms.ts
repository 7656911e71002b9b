import type { Context } from 'hono';
import { html } from 'hono/html';
import type { z } from 'zod';
import type { FieldErrors } from '#src/lib/errors.ts';
import type { AppEnv } from './context.ts';
import { CSRF_FIELD } from './csrf.ts';
import { readFormBody } from './form-body.ts';
import { personalPart } from './personal-parts.ts';
import { fieldErrorsOf } from './validation.ts';

export type FormValues = Record<string, string>;

export type FormResult<T> =
  | { ok: true; data: T; values: FormValues }
  | { ok: false; errors: FieldErrors; values: FormValues };

/**
 * Reads a posted form and validates it. On failure the caller re-renders the form with `errors` and the
 * `values` the user typed (never passwords: callers leave those fields empty).
 */
export async function readForm<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<FormResult<z.infer<S>>> {
  const body = await readFormBody(c);
  const values: FormValues = {};
  for (const [key, value] of Object.entries(body)) {
    if (key !== CSRF_FIELD && typeof value === 'string') values[key] = value;
  }
  const withNul = Object.keys(values).filter((key) => values[key]!.includes('\u0000'));
  if (withNul.length > 0) {
    // PostgreSQL text cannot hold NUL; no one types it, so say so rather than fail at the database.
    const errors = Object.fromEntries(
      withNul.map((key) => [key, 'This field contains a null character. Remove it and try again.']),
    );
    return { ok: false, errors, values };
  }
  const result = schema.safeParse(values);
  if (!result.success) return { ok: false, errors: fieldErrorsOf(result.error), values };
  return { ok: true, data: result.data, values };
}

/** The hidden CSRF field every state-changing form carries; the token is a personal part of the page. */
export function csrfField(c: Context<AppEnv>) {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${personalPart('csrf-token', '', c)}">`;
}

/** A labelled input with its error message tied to it for screen readers. */
export function textField(o: {
  name: string;
  label: string;
  values?: FormValues;
  errors?: FieldErrors;
  type?: string;
  autocomplete?: string;
  required?: boolean;
  maxlength?: number;
  /** Id of a <datalist> of suggestions. */
  list?: string;
  hint?: string;
  /** False for a field that only some answers make required, whose hint says when. */
  isMarkedOptional?: boolean;
}) {
  const id = `f-${o.name}`;
  const isMarkedOptional = !o.required && o.isMarkedOptional !== false;
  const error = o.errors?.[o.name];
  const value = o.type === 'password' ? '' : (o.values?.[o.name] ?? '');
  const describedBy = [o.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field${error ? ' has-error' : ''}">
    <label for="${id}">${o.label}${isMarkedOptional ? html` <span class="optional">(optional)</span>` : ''}</label>
    ${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : ''}
    <input id="${id}" name="${o.name}" type="${o.type ?? 'text'}" value="${value}"
      ${o.autocomplete ? html`autocomplete="${o.autocomplete}"` : ''} ${o.required ? 'required' : ''}
      ${o.maxlength ? html`maxlength="${o.maxlength}"` : ''} ${o.list ? html`list="${o.list}"` : ''}
      ${describedBy ? html`aria-describedby="${describedBy}"` : ''} ${error ? html`aria-invalid="true"` : ''}>
    ${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : ''}
  </div>`;
}

/** A summary at the top of a failed form, so the user knows something needs fixing before scrolling. */
export function errorSummary(errors?: FieldErrors) {
  if (!errors || Object.keys(errors).length === 0) return '';
  const general = errors._;
  return html`<div class="notice notice-error" role="alert">
    <p>${general ?? 'Please correct the highlighted fields.'}</p>
  </div>`;
}
