import { html } from 'hono/html';
import { formatMoney } from '#src/lib/money.ts';
import type { ProductCardData } from '../card-columns.ts';
import { ACCESS_LABELS, getStockStatus, REGULATORY_LABELS, STOCK_LABELS } from '../labels.ts';

/** A product tile for lists, the home page, search results and articles. */
export function renderProductCard(p: ProductCardData, options: { headingLevel?: 2 | 3 } = {}) {
  const image = p.images[0];
  const heading =
    options.headingLevel === 2
      ? html`<h2 class="card-title"><a href="/products/${p.slug}">${p.name}</a></h2>`
      : html`<h3 class="card-title"><a href="/products/${p.slug}">${p.name}</a></h3>`;
  return html`<article class="product-card">
    ${image ? html`<img src="${image.src}" alt="${image.alt}" width="320" height="240" loading="lazy">` : ''}
    <div class="card-body">
      ${heading}
      <p class="card-summary">${p.summary}</p>
      <p class="price">
        <span class="price-now">${formatMoney(p.priceCents, p.currency)}</span>
        ${
          p.compareAtCents && p.compareAtCents > p.priceCents
            ? html`<s class="price-was" aria-label="was">${formatMoney(p.compareAtCents, p.currency)}</s>`
            : ''
        }
      </p>
      <p class="badges">
        <span class="badge badge-reg badge-${p.regulatoryStatus}">${REGULATORY_LABELS[p.regulatoryStatus]}</span>
        ${
          p.accessClass !== 'open'
            ? html`<span class="badge badge-access badge-${p.accessClass}">${ACCESS_LABELS[p.accessClass]}</span>`
            : ''
        }
        ${renderStockBadge(p.stockOnHand)}
      </p>
    </div>
  </article>`;
}

// In-stock is the normal case and stays quiet on a card; low and out of stock are worth a badge.
function renderStockBadge(stockOnHand: number) {
  const status = getStockStatus(stockOnHand);
  if (status === 'in-stock') return '';
  return html`<span class="badge badge-stock badge-${status}">${STOCK_LABELS[status]}</span>`;
}
