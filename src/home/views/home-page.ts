import { html } from 'hono/html';
import type { ProductCardData } from '#src/catalog/card-columns.ts';
import type { CategoryNode } from '#src/catalog/category-queries.ts';
import { renderProductCard } from '#src/catalog/views/product-card.ts';
import { renderDate } from '#src/lib/dates.ts';
import { formatMoney } from '#src/lib/money.ts';
import { renderPicture } from '#src/media/views/picture.ts';
import type { StoreSettings } from '#src/store/schema.ts';
import { telHref } from '#src/web/layout.ts';
import type { ArticleTeaser } from '../queries.ts';

export type HomePageData = {
  store: StoreSettings;
  products: ProductCardData[];
  /** True when `products` are the newest rather than hand-picked. */
  isFallback: boolean;
  categories: CategoryNode[];
  articles: ArticleTeaser[];
  /** The product the hero shows, if the store has one to show. */
  spotlight?: ProductCardData | undefined;
};

// The hero sells: a headline and a reason to trust the store, one product anybody may buy, and the newest
// guide. The store's name is already in the header; repeating it here would waste the best place on the page.
function renderHero(d: HomePageData) {
  const { store, spotlight } = d;
  const heading = store.heroHeading || store.tagline || 'Medical and aesthetic supplies';
  const text = store.heroHeading ? store.heroText || store.tagline : store.heroText;
  const guide = d.articles[0];
  return html`<section class="hero hero-sell" aria-labelledby="hero-heading">
    <div class="hero-copy">
      <h1 id="hero-heading">${heading}</h1>
      ${text ? html`<p class="lead">${text}</p>` : ''}
      <p class="hero-actions">
        <a class="button button-large" href="/products">Shop all products</a>
        ${spotlight ? html`<a class="button button-secondary button-large" href="/products/${spotlight.slug}">See ${spotlight.name}</a>` : ''}
      </p>
      ${
        guide
          ? html`<p class="hero-guide"><span class="hero-guide-label">New guide</span>
              <a href="/blog/${guide.slug}">${guide.title}</a></p>`
          : ''
      }
    </div>
    ${spotlight ? renderSpotlight(spotlight) : ''}
  </section>`;
}

function renderSpotlight(p: ProductCardData) {
  const image = p.images[0];
  const isOnSale = p.compareAtCents !== null && p.compareAtCents > p.priceCents;
  return html`<aside class="hero-product" aria-labelledby="spotlight-name">
    ${image ? html`<img src="${image.src}" alt="${image.alt}" width="480" height="360">` : ''}
    <div class="hero-product-body">
      <p class="hero-product-kicker">In the spotlight</p>
      <h2 class="hero-product-name" id="spotlight-name"><a href="/products/${p.slug}">${p.name}</a></h2>
      <p class="hero-product-summary">${p.summary}</p>
      <p class="price">
        <span class="price-now">${formatMoney(p.priceCents, p.currency)}</span>
        ${
          isOnSale
            ? html`<s class="price-was"><span class="visually-hidden">Regular price </span>${formatMoney(p.compareAtCents!, p.currency)}</s>
              <span class="price-saving">Save ${Math.round((1 - p.priceCents / p.compareAtCents!) * 100)}%</span>`
            : ''
        }
      </p>
    </div>
  </aside>`;
}

function renderCategories(categories: CategoryNode[]) {
  if (categories.length === 0) return '';
  return html`<section class="home-section" aria-labelledby="categories-heading">
    <h2 id="categories-heading">Shop by category</h2>
    <ul class="category-grid">
      ${categories.map(
        (c) => html`<li class="category-tile">
          <a href="/categories/${c.slug}"><span class="category-name">${c.name}</span></a>
          ${c.description ? html`<p>${c.description}</p>` : ''}
          <p class="muted">${c.productCount} ${c.productCount === 1 ? 'product' : 'products'}</p>
        </li>`,
      )}
    </ul>
  </section>`;
}

function renderArticles(articles: ArticleTeaser[]) {
  if (articles.length === 0) return '';
  return html`<section class="home-section" aria-labelledby="articles-heading">
    <h2 id="articles-heading">From the blog</h2>
    <div class="article-grid">
      ${articles.map(
        (a) => html`<article class="article-card">
          ${
            a.coverImage
              ? renderPicture(a.coverImage, {
                  sizes: '(min-width: 60rem) 33vw, (min-width: 40rem) 50vw, 100vw',
                  width: 400,
                  height: 225,
                  isLazy: true,
                })
              : ''
          }
          <div class="card-body">
            <h3 class="card-title"><a href="/blog/${a.slug}">${a.title}</a></h3>
            ${a.publishedAt ? html`<p class="muted">${renderDate(a.publishedAt)}</p>` : ''}
            <p>${a.excerpt}</p>
          </div>
        </article>`,
      )}
    </div>
    <p><a href="/blog">All articles on the blog</a></p>
  </section>`;
}

// Clinics and practitioners often buy by phone from a stock list rather than browse.
function renderBusinessCallout(store: StoreSettings) {
  if (!store.phone) return '';
  return html`<section class="callout callout-business" aria-labelledby="business-heading">
    <h2 id="business-heading">Buying for a clinic, med-spa or practice?</h2>
    <p>We supply businesses and individual clients alike. Contact us to see our stock list, ask about
      professional products, or order in bulk.</p>
    <p><a class="button" href="${telHref(store.phone)}">Call ${store.phone}</a></p>
  </section>`;
}

/** The home page: what the store sells, why to trust it, and what it has written lately. */
export function renderHomePage(d: HomePageData) {
  return html`${renderHero(d)}
    ${
      d.products.length
        ? html`<section class="home-section" aria-labelledby="featured-heading">
          <h2 id="featured-heading">${d.isFallback ? 'New in the store' : 'Featured products'}</h2>
          <div class="product-grid">${d.products.map((p) => renderProductCard(p))}</div>
          <p><a href="/products">See all products</a></p>
        </section>`
        : ''
    }
    ${renderCategories(d.categories)}
    ${renderBusinessCallout(d.store)}
    ${renderArticles(d.articles)}`;
}
