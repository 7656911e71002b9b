import { html } from 'hono/html';
import type { ProductCardData } from '#src/catalog/card-columns.ts';
import type { CategoryNode } from '#src/catalog/category-queries.ts';
import { renderProductCard } from '#src/catalog/views/product-card.ts';
import { renderDate } from '#src/lib/dates.ts';
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
};

function renderHero(store: StoreSettings) {
  return html`<section class="hero" aria-labelledby="hero-heading">
    <h1 id="hero-heading">${store.name}</h1>
    ${store.tagline ? html`<p class="lead">${store.tagline}</p>` : ''}
    <p class="hero-actions">
      <a class="button" href="/products">Shop all products</a>
      <a class="button button-secondary" href="/blog">Read the blog</a>
    </p>
  </section>`;
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
          ${a.coverImage ? html`<img src="${a.coverImage.src}" alt="${a.coverImage.alt}" width="400" height="225" loading="lazy">` : ''}
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

/** The home page: who the store is, what it sells, and what it has written lately. */
export function renderHomePage(d: HomePageData) {
  return html`${renderHero(d.store)}
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
