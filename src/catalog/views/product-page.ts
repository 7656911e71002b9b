import { html, raw } from 'hono/html';
import { getStockStatus } from '#src/inventory/stock-status.ts';
import { renderMarkdown } from '#src/lib/markdown.ts';
import { formatMoney } from '#src/lib/money.ts';
import { keepUnitsTogether } from '#src/lib/typography.ts';
import { renderPicture } from '#src/media/views/picture.ts';
import type { StoreSettings } from '#src/store/schema.ts';
import { telHref } from '#src/web/layout.ts';
import { personalPart } from '#src/web/personal-parts.ts';
import { ACCESS_LABELS, DSHEA_STATEMENT, REFRIGERATED_NOTE, REGULATORY_LABELS, STOCK_LABELS } from '../labels.ts';
import type { ProductListItem, ProductWithStock } from '../queries.ts';
import type { Category, Product } from '../schema.ts';
import { renderAddToCart } from './add-to-cart.ts';
import { type Crumb, renderBreadcrumbs } from './breadcrumbs.ts';
import { renderProductCard } from './product-card.ts';
import { renderProductFacts, renderSafety } from './product-facts.ts';

function renderGallery(p: Product) {
  const [main, ...rest] = p.images;
  if (!main) return html`<div class="product-gallery no-image" aria-hidden="true"></div>`;
  return html`<div class="product-gallery">
    ${renderPicture(main, { sizes: '(min-width: 48em) 50vw, 100vw', width: 640, height: 480, className: 'gallery-main' })}
    ${
      rest.length
        ? html`<ul class="gallery-thumbs">
          ${rest.map((i) => html`<li>${renderPicture(i, { sizes: '160px', width: 160, height: 120, isLazy: true })}</li>`)}
        </ul>`
        : ''
    }
  </div>`;
}

function renderPrice(p: Product) {
  const hasSaving = p.compareAtCents !== null && p.compareAtCents > p.priceCents;
  return html`<p class="price price-large">
    <span class="price-now">${formatMoney(p.priceCents, p.currency)}</span>
    ${
      hasSaving
        ? html`<s class="price-was"><span class="visually-hidden">Regular price </span>${formatMoney(p.compareAtCents!, p.currency)}</s>
          <span class="price-saving">Save ${Math.round((1 - p.priceCents / p.compareAtCents!) * 100)}%</span>`
        : ''
    }
  </p>`;
}

function renderStock(p: ProductWithStock, store: StoreSettings) {
  const status = getStockStatus(p.available);
  const detail =
    status === 'low-stock'
      ? html`: only ${p.available} left`
      : status === 'out-of-stock' && store.phone
        ? html`. Call <a href="${telHref(store.phone)}">${store.phone}</a> for restock dates`
        : '';
  return html`<p class="stock-status stock-${status}">${STOCK_LABELS[status]}${detail}</p>`;
}

function renderRelated(related: ProductListItem[]) {
  if (related.length === 0) return '';
  return html`<section class="related-products" aria-labelledby="related-heading">
    <h2 id="related-heading">Related products</h2>
    <div class="product-grid">${related.map((p) => renderProductCard(p))}</div>
  </section>`;
}

/** The product page body: gallery, price, compliance notices, description, facts, safety and related products. */
export function renderProductPage(o: {
  product: ProductWithStock;
  category: Category | null;
  crumbs: Crumb[];
  store: StoreSettings;
  related: ProductListItem[];
}) {
  const p = o.product;
  const isSupplement = p.regulatoryStatus === 'dietary-supplement';
  return html`${renderBreadcrumbs(o.crumbs)}
  <article class="product-detail">
    <div class="product-hero">
      ${renderGallery(p)}
      <div class="product-info">
        ${p.brand ? html`<p class="product-brand">${p.brand}</p>` : ''}
        <h1>${p.name}</h1>
        ${p.summary ? html`<p class="lead">${keepUnitsTogether(p.summary)}${isSupplement ? '*' : ''}</p>` : ''}
        <p class="badges">
          <span class="badge badge-reg badge-${p.regulatoryStatus}">${REGULATORY_LABELS[p.regulatoryStatus]}</span>
          <span class="badge badge-access badge-${p.accessClass}">${ACCESS_LABELS[p.accessClass]}</span>
        </p>
        ${renderPrice(p)}
        ${renderStock(p, o.store)}
        ${renderAddToCart(p, { withQuantity: true })}
        ${
          // Whether this visitor may order it, and if not the next step: each visitor's own.
          p.accessClass !== 'open' ? personalPart('purchase-access', `${p.accessClass} ${p.slug}`) : ''
        }
        ${
          p.storage === 'refrigerated'
            ? html`<div class="callout callout-cold" role="note"><p><strong>Cold shipping.</strong> ${REFRIGERATED_NOTE}</p></div>`
            : ''
        }
        ${
          o.store.phone
            ? html`<p class="contact-line">Questions, or ordering for a clinic?
              Call <a href="${telHref(o.store.phone)}">${o.store.phone}</a>.</p>`
            : ''
        }
      </div>
    </div>
    ${
      p.description
        ? html`<section class="product-description" aria-labelledby="about-heading">
          <h2 id="about-heading">About this product</h2>
          <div class="prose">${raw(renderMarkdown(keepUnitsTogether(p.description)))}</div>
        </section>`
        : ''
    }
    ${renderProductFacts(p, o.category)}
    ${
      p.directions
        ? html`<section class="product-directions" aria-labelledby="directions-heading">
          <h2 id="directions-heading">Directions</h2>
          <div class="prose">${raw(renderMarkdown(keepUnitsTogether(p.directions)))}</div>
        </section>`
        : ''
    }
    ${renderSafety(p)}
    ${isSupplement ? html`<p class="dshea-statement disclaimer-box">* ${DSHEA_STATEMENT}</p>` : ''}
  </article>
  ${renderRelated(o.related)}`;
}
