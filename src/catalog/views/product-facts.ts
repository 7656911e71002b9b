import { html } from 'hono/html';
import { ACCESS_LABELS, FORM_LABELS, REGULATORY_LABELS, ROUTE_LABELS, STORAGE_LABELS } from '../labels.ts';
import type { Category, Product } from '../schema.ts';

function renderIngredients(p: Product) {
  if (p.activeIngredients.length === 0) return html`<span class="muted">None listed</span>`;
  return html`<ul class="plain ingredient-list">
    ${p.activeIngredients.map(
      (i) => html`<li>${i.name}${i.amount ? html` <span class="amount">${i.amount}</span>` : ''}</li>`,
    )}
  </ul>`;
}

/** The facts table: what the product is, how it is used and stored, and how it is regulated. */
export function renderProductFacts(p: Product, category: Category | null) {
  return html`<section class="product-facts" aria-labelledby="facts-heading">
    <h2 id="facts-heading">Product facts</h2>
    <table class="facts-table">
      <tbody>
        ${p.brand ? html`<tr><th scope="row">Brand</th><td>${p.brand}</td></tr>` : ''}
        <tr><th scope="row">SKU</th><td>${p.sku}</td></tr>
        ${category ? html`<tr><th scope="row">Category</th><td><a href="/categories/${category.slug}">${category.name}</a></td></tr>` : ''}
        <tr><th scope="row">Form</th><td>${FORM_LABELS[p.form]}</td></tr>
        <tr><th scope="row">Route of use</th><td>${ROUTE_LABELS[p.route]}</td></tr>
        <tr><th scope="row">Active ingredients</th><td>${renderIngredients(p)}</td></tr>
        <tr><th scope="row">Storage</th><td>${STORAGE_LABELS[p.storage]}</td></tr>
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
export function renderSideEffects(p: Product) {
  return html`<section class="product-side-effects" aria-labelledby="side-effects-heading">
    <h2 id="side-effects-heading">Possible side effects</h2>
    ${
      p.sideEffects.length
        ? html`<ul>${p.sideEffects.map((s) => html`<li>${s}</li>`)}</ul>`
        : html`<p>No side effects are listed for this product. Ask your healthcare provider before use.</p>`
    }
  </section>`;
}
