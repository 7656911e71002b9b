import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import type { StockLot } from '#src/inventory/schema.ts';
import { formatDateTime } from '#src/lib/dates.ts';
import type { AppEnv } from '#src/web/context.ts';
import { csrfField, errorSummary } from '#src/web/forms.ts';
import type { InventoryRow, LedgerLine } from '../inventory-queries.ts';
import { MAX_STOCK_REASON } from '../inventory-validators.ts';
import type { FormState } from './categories-page.ts';
import { LEDGER_KIND_LABELS, lotClass, renderExpiry, renderLotState } from './lot-labels.ts';
import { renderPager } from './pager.ts';
import { receiveForm, rulesForm } from './stock-forms.ts';

/** Which lot's form failed, so the page opens that form with its errors and what was typed. */
export type LotFormState = { lotId: string; form: 'adjust' | 'state'; state: FormState };

export type InventoryProductPage = {
  row: InventoryRow;
  today: string;
  rules: { minShelfLifeDays: number; lowStockThreshold: number };
  ledger: { items: LedgerLine[]; total: number; page: number; limit: number };
  receive: FormState;
  rulesForm: FormState;
  lotForm?: LotFormState | undefined;
};

function reasonField(state: FormState, id: string, hint: string) {
  const error = state.errors?.reason;
  return html`<div class="field${error ? ' has-error' : ''}">
    <label for="${id}">Reason</label>
    <p class="hint" id="${id}-hint">${hint}</p>
    <input id="${id}" name="reason" type="text" value="${state.values.reason ?? ''}" maxlength="${MAX_STOCK_REASON}" required
      aria-describedby="${id}-hint${error ? ` ${id}-error` : ''}"${error ? raw(' aria-invalid="true"') : ''}>
    ${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : ''}
  </div>`;
}

function adjustForm(c: Context<AppEnv>, lot: StockLot, failed: FormState | undefined) {
  const state = failed ?? { values: {} };
  const id = `adjust-${lot.id}`;
  const error = state.errors?.change;
  return html`<details class="lot-action"${failed ? raw(' open') : ''}>
    <summary>Adjust the units</summary>
    ${errorSummary(state.errors)}
    <form method="post" action="/admin/inventory/lots/${lot.id}/adjust" novalidate>
      ${csrfField(c)}
      <div class="field${error ? ' has-error' : ''}">
        <label for="${id}-change">Change</label>
        <p class="hint" id="${id}-change-hint">Units to add, or to take away with a minus sign: -2 for two damaged.</p>
        <input id="${id}-change" name="change" type="text" inputmode="numeric" value="${state.values.change ?? ''}" required
          aria-describedby="${id}-change-hint${error ? ` ${id}-change-error` : ''}"${error ? raw(' aria-invalid="true"') : ''}>
        ${error ? html`<p class="field-error" id="${id}-change-error">${error}</p>` : ''}
      </div>
      ${reasonField(state, `${id}-reason`, 'A count, damage, a sample: the ledger keeps it.')}
      <button type="submit">Adjust lot ${lot.lotNumber}</button>
    </form>
  </details>`;
}

function stateForm(c: Context<AppEnv>, lot: StockLot, failed: FormState | undefined) {
  const state = failed ?? { values: {} };
  const isQuarantined = lot.state === 'quarantined';
  const action = isQuarantined ? 'release' : 'quarantine';
  return html`<details class="lot-action"${failed ? raw(' open') : ''}>
    <summary>${isQuarantined ? 'Release to sale' : 'Quarantine'}</summary>
    ${errorSummary(state.errors)}
    <form method="post" action="/admin/inventory/lots/${lot.id}/${action}" novalidate>
      ${csrfField(c)}
      ${reasonField(
        state,
        `${action}-${lot.id}-reason`,
        isQuarantined
          ? 'Why the lot may be sold again, like "Supplier confirmed the batch".'
          : 'Nothing of the lot is sold until it is released: a recall, damage, a check.',
      )}
      <button type="submit"${isQuarantined ? '' : raw(' class="danger"')}>${isQuarantined ? 'Release' : 'Quarantine'} lot ${lot.lotNumber}</button>
    </form>
  </details>`;
}

function lotCard(c: Context<AppEnv>, lot: StockLot, o: InventoryProductPage) {
  const failed = o.lotForm?.lotId === lot.id ? o.lotForm : undefined;
  return html`<li class="lot-card ${lotClass(lot, o.today)}" id="lot-${lot.id}">
    <h3><span class="lot-number">Lot ${lot.lotNumber}</span> ${renderLotState(lot)}</h3>
    <dl class="lot-facts">
      <div><dt>Expires</dt><dd>${renderExpiry(lot, o.today)}</dd></div>
      <div><dt>Received</dt><dd>${lot.receivedOn}</dd></div>
      <div><dt>Received units</dt><dd>${lot.quantityReceived}</dd></div>
      <div><dt>On hand</dt><dd><strong>${lot.quantityOnHand}</strong></dd></div>
    </dl>
    <div class="lot-actions">
      ${adjustForm(c, lot, failed?.form === 'adjust' ? failed.state : undefined)}
      ${stateForm(c, lot, failed?.form === 'state' ? failed.state : undefined)}
    </div>
  </li>`;
}

function ledgerTable(o: InventoryProductPage) {
  if (o.ledger.items.length === 0) return html`<p class="muted">Nothing has moved yet.</p>`;
  return html`<table class="data-table ledger-table">
      <thead><tr><th scope="col">When</th><th scope="col">What</th><th scope="col">Lot</th><th scope="col" class="number">Units</th><th scope="col">Reason</th><th scope="col">Who</th><th scope="col">Reference</th></tr></thead>
      <tbody>
        ${o.ledger.items.map(
          (e) => html`<tr>
            <td class="nowrap ledger-when">${formatDateTime(e.createdAt)}</td>
            <td class="ledger-kind">${LEDGER_KIND_LABELS[e.kind]}</td>
            <td class="ledger-lot" data-label="Lot">${e.lotNumber}</td>
            <td class="number ledger-units">${e.quantity > 0 ? `+${e.quantity}` : e.quantity === 0 ? '0' : `\u2212${-e.quantity}`}</td>
            <td class="ledger-reason">${e.reason}</td>
            <td class="ledger-who" data-label="By">${e.staffName ?? html`<span class="muted">the store</span>`}</td>
            <td class="ledger-reference" data-label="Reference">${e.reference ?? ''}</td>
          </tr>`,
        )}
      </tbody>
    </table>
    ${renderPager({
      path: `/admin/inventory/${o.row.productId}`,
      pageParam: 'ledgerPage',
      page: o.ledger.page,
      total: o.ledger.total,
      limit: o.ledger.limit,
    })}`;
}

/** One product's stock: its lots with their forms, receiving a lot, its stock rules, and its ledger. */
export function renderInventoryProductPage(c: Context<AppEnv>, o: InventoryProductPage) {
  const { row } = o;
  const failedSection = o.lotForm
    ? `lot-${o.lotForm.lotId}`
    : o.receive.errors
      ? 'receive'
      : o.rulesForm.errors
        ? 'rules'
        : undefined;
  return html`<p><a href="/admin/inventory">\u2190 All inventory</a></p>
    <h1>${row.name}</h1>
    <p class="inventory-sku">SKU <span class="sku">${row.sku}</span>${row.status === 'active' ? '' : html` <span class="badge">${row.status}</span>`}</p>
    ${
      // A refusal lower on the page is announced at the top, where the re-rendered page opens.
      failedSection
        ? html`<div class="notice notice-error" role="alert"><p>Nothing was saved. <a href="#${failedSection}">Correct the form</a></p></div>`
        : ''
    }
    <dl class="stock-summary">
      <div><dt>Available to sell</dt><dd>${row.available}</dd></div>
      <div><dt>On hand</dt><dd>${row.onHand}</dd></div>
      <div><dt>Low stock at</dt><dd>${o.rules.lowStockThreshold}</dd></div>
      <div><dt>Minimum shelf life</dt><dd>${o.rules.minShelfLifeDays} ${o.rules.minShelfLifeDays === 1 ? 'day' : 'days'}</dd></div>
    </dl>
    <section aria-labelledby="lots">
      <h2 id="lots">Lots</h2>
      ${
        row.lots.length
          ? html`<ul class="lot-cards plain">${row.lots.map((lot) => lotCard(c, lot, o))}</ul>`
          : html`<p class="muted">No lot of this product has been received yet.</p>`
      }
    </section>
    <section class="category-form-section" aria-labelledby="receive">
      <h2 id="receive">Receive a lot</h2>
      ${receiveForm(c, row.productId, o.receive, o.today)}
    </section>
    <section class="category-form-section" aria-labelledby="rules">
      <h2 id="rules">Stock rules</h2>
      ${rulesForm(c, row.productId, o.rulesForm)}
    </section>
    <section aria-labelledby="ledger">
      <h2 id="ledger">Ledger</h2>
      <p class="muted">Every change to this product's lots, newest first.</p>
      ${ledgerTable(o)}
    </section>`;
}
