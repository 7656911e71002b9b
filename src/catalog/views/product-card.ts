import { html } from 'hono/html';
import { getStockStatus } from '#src/inventory/stock-status.ts';
import { formatMoney } from '#src/lib/money.ts';
import { keepUnitsTogether } from '#src/lib/typography.ts';
import { renderPicture } from '#src/media/views/picture.ts';
import type { ProductCardData } from '../card-columns.ts';
import { ACCESS_LABELS, REGULATORY_LABELS, STOCK_LABELS } from '../labels.ts';
import { renderAddToCart } from './add-to-cart.ts';

/**
 * A product tile for lists, the home page, search results and articles. The whole tile opens the product: its
 * one link, on the name, stretches over the card (style.css, .card-link), so the picture and the price are
 * clickable too while a screen reader hears one link named after the product, not a second one for the image.
 */
export function renderProductCard(p: ProductCardData, options: { headingLevel?: 2 | 3 } = {}) {
  const image = p.images[0];
  const link = html`<a href="/products/${p.slug}" class="card-link">${p.name}</a>`;
  const heading =
    options.headingLevel === 2 ? html`<h2 class="card-title">${link}</h2>` : html`<h3 class="card-title">${link}</h3>`;
  return html`<article class="product-card">
    ${
      image
        ? renderPicture(image, {
            sizes: '(min-width: 64em) 20vw, (min-width: 40em) 33vw, 50vw',
            width: 320,
            height: 240,
            isLazy: true,
          })
        : ''
    }
    <div class="card-body">
      ${heading}
      <p class="card-summary">${keepUnitsTogether(p.summary)}</p>
      <p class="price">
        <span class="price-now">${formatMoney(p.priceCents, p.currency)}</span>
        ${
          p.compareAtCents && p.compareAtCents > p.priceCents
            ? html`<s class="price-was"><span class="visually-hidden">Regular price </span>${formatMoney(p.compareAtCents, p.currency)}</s>`
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
        ${renderStockBadge(p.available)}
      </p>
      ${renderAddToCart(p)}
    </div>
  </article>`;
}

// In-stock is the normal case and stays quiet on a card; low and out of stock are worth a badge.
function renderStockBadge(available: number) {
  const status = getStockStatus(available);
  if (status === 'in-stock') return '';
  return html`<span class="badge badge-stock badge-${status}">${STOCK_LABELS[status]}</span>`;
}
