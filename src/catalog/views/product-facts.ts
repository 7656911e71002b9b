import { html } from 'hono/html';
import { keepUnitsTogether } from '#src/lib/typography.ts';
import {
  ACCESS_LABELS,
  FORM_LABELS,
  REGULATORY_LABELS,
  ROUTE_LABELS,
  STORAGE_LABELS,
  WARNING_TOPIC_LABELS,
} from '../labels.ts';
import type { Category, Product, ProductWarning } from '../schema.ts';

// A value this short fits any table cell on one line, so it is kept on one: "HBG-FIN1-90", "1 mg per tablet".
const SHORT_VALUE = 24;

/** A fact's value, kept on one line when it is short and never broken between a number and its unit. */
function factValue(text: string) {
  const value = keepUnitsTogether(text);
  return text.length <= SHORT_VALUE ? html`<span class="nowrap">${value}</span>` : value;
}

function renderIngredients(p: Product) {
  if (p.activeIngredients.length === 0) return html`<span class="muted">None listed</span>`;
  return html`<ul class="plain ingredient-list">
    ${p.activeIngredients.map(
      (i) =>
        html`<li>${keepUnitsTogether(i.name)}${i.amount ? html` <span class="amount">${factValue(i.amount)}</span>` : ''}</li>`,
    )}
  </ul>`;
}

/** The facts table: what the product is, how it is used and stored, and how it is regulated. */
export function renderProductFacts(p: Product, category: Category | null) {
  return html`<section class="product-facts" aria-labelledby="facts-heading">
    <h2 id="facts-heading">Product facts</h2>
    <table class="facts-table">
      <tbody>
        ${p.brand ? html`<tr><th scope="row">Brand</th><td>${factValue(p.brand)}</td></tr>` : ''}
        <tr><th scope="row">SKU</th><td>${factValue(p.sku)}</td></tr>
        ${category ? html`<tr><th scope="row">Category</th><td><a href="/categories/${category.slug}">${category.name}</a></td></tr>` : ''}
        <tr><th scope="row">Form</th><td>${factValue(FORM_LABELS[p.form])}</td></tr>
        <tr><th scope="row">Route of use</th><td>${ROUTE_LABELS[p.route]}</td></tr>
        <tr><th scope="row">Active ingredients</th><td>${renderIngredients(p)}</td></tr>
        <tr><th scope="row">Storage</th><td>${factValue(STORAGE_LABELS[p.storage])}</td></tr>
        <tr>
          <th scope="row">Regulatory status</th>
          <td><span class="badge badge-reg badge-${p.regulatoryStatus}">${REGULATORY_LABELS[p.regulatoryStatus]}</span></td>
        </tr>
        <tr>
          <th scope="row">Who can buy</th>
          <td><span class="badge badge-access badge-${p.accessClass}">${ACCESS_LABELS[p.accessClass]}</span></td>
        </tr>
      </tbody>
    </table>
  </section>`;
}

/** Known side effects, said plainly; an empty list says so rather than implying there are none. */
function renderSideEffects(p: Product) {
  return html`<section class="product-side-effects" aria-labelledby="side-effects-heading">
    <h2 id="side-effects-heading">Possible side effects</h2>
    ${
      p.sideEffects.length
        ? html`<ul>${p.sideEffects.map((s) => html`<li>${keepUnitsTogether(s)}</li>`)}</ul>`
        : html`<p>No side effects are listed for this product. Ask your healthcare provider before use.</p>`
    }
  </section>`;
}

// Warnings of one topic together, topics in the order staff first used them.
function groupByTopic(warnings: ProductWarning[]): [ProductWarning['topic'], string[]][] {
  const groups = new Map<ProductWarning['topic'], string[]>();
  for (const w of warnings) groups.set(w.topic, [...(groups.get(w.topic) ?? []), w.text]);
  return [...groups];
}

/** Who must not use or handle the product, and when to take care; nothing when there is no warning. */
function renderWarnings(p: Product) {
  if (p.warnings.length === 0) return '';
  return html`<section class="product-warnings" aria-labelledby="warnings-heading">
    <h2 id="warnings-heading">Warnings</h2>
    <dl class="warning-list">
      ${groupByTopic(p.warnings).map(
        ([topic, texts]) =>
          html`<dt>${WARNING_TOPIC_LABELS[topic]}</dt>${texts.map((t) => html`<dd>${keepUnitsTogether(t)}</dd>`)}`,
      )}
    </dl>
  </section>`;
}

/** Side effects and warnings side by side on a wide screen: what may happen, and who must take care. */
export function renderSafety(p: Product) {
  return html`<div class="product-safety${p.warnings.length ? ' has-warnings' : ''}">
    ${renderSideEffects(p)}
    ${renderWarnings(p)}
  </div>`;
}
