import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import type { AppEnv } from '#src/web/context.ts';
import { csrfField, errorSummary, textField } from '#src/web/forms.ts';
import { MAX_LOT_NUMBER } from '../inventory-validators.ts';
import type { FormState } from './categories-page.ts';

function dateField(o: { name: string; label: string; hint: string; state: FormState; isOptional?: boolean }) {
  const id = `f-${o.name}`;
  const error = o.state.errors?.[o.name];
  return html`<div class="field${error ? ' has-error' : ''}">
    <label for="${id}">${o.label}${o.isOptional ? html` <span class="optional">(optional)</span>` : ''}</label>
    <p class="hint" id="${id}-hint">${o.hint}</p>
    <input id="${id}" name="${o.name}" type="date" value="${o.state.values[o.name] ?? ''}"
      aria-describedby="${id}-hint${error ? ` ${id}-error` : ''}"${error ? raw(' aria-invalid="true"') : ''}>
    ${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : ''}
  </div>`;
}

/** The form that records a received batch: its lot number, expiry (or none), units and the day it arrived. */
export function receiveForm(c: Context<AppEnv>, productId: string, state: FormState, today: string) {
  const f = (field: Omit<Parameters<typeof textField>[0], 'values' | 'errors'>) => textField({ ...field, ...state });
  const doesNotExpire = state.values.doesNotExpire === 'on';
  return html`${errorSummary(state.errors)}
    <form method="post" action="/admin/inventory/${productId}/lots" novalidate class="stock-form">
      ${csrfField(c)}
      ${f({ name: 'lotNumber', label: 'Lot number', required: true, maxlength: MAX_LOT_NUMBER, autocomplete: 'off', hint: 'As printed on the pack, like L2026-0412.' })}
      <fieldset class="stock-form-expiry">
        <legend class="visually-hidden">Expiry</legend>
        ${dateField({ name: 'expiresOn', label: 'Expiry date', hint: 'As printed on the pack.', state })}
        <div class="field field-checkbox">
          <label><input type="checkbox" name="doesNotExpire" value="on"${doesNotExpire ? raw(' checked') : ''}> Does not expire</label>
          <p class="hint">For devices and other goods without an expiry date: leave the date empty.</p>
        </div>
      </fieldset>
      <div class="stock-form-row">
        ${f({ name: 'quantity', label: 'Units received', required: true, maxlength: 9, autocomplete: 'off', hint: 'Whole units, as counted on arrival.' })}
        ${dateField({ name: 'receivedOn', label: 'Received on', hint: `Left empty: today, ${today}.`, state, isOptional: true })}
      </div>
      <button type="submit">Receive the lot</button>
    </form>`;
}

/** The form of a product's stock rules: the shelf life a sale must leave, and the low-stock threshold. */
export function rulesForm(c: Context<AppEnv>, productId: string, state: FormState) {
  const f = (field: Omit<Parameters<typeof textField>[0], 'values' | 'errors'>) => textField({ ...field, ...state });
  return html`${errorSummary(state.errors)}
    <form method="post" action="/admin/inventory/${productId}/rules" novalidate class="stock-form">
      ${csrfField(c)}
      <div class="stock-form-row">
        ${f({ name: 'minShelfLifeDays', label: 'Minimum shelf life (days)', required: true, maxlength: 4, autocomplete: 'off', hint: 'A lot is sold only while at least this many days remain before it expires.' })}
        ${f({ name: 'lowStockThreshold', label: 'Low stock at (units)', required: true, maxlength: 6, autocomplete: 'off', hint: 'Staff who keep stock get one mail when available units fall to this number.' })}
      </div>
      <button type="submit">Save the rules</button>
    </form>`;
}
