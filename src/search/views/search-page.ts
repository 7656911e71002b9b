import { html } from 'hono/html';
import type { CategoryNode } from '#src/catalog/category-queries.ts';
import { ACCESS_LABELS, REGULATORY_LABELS } from '#src/catalog/labels.ts';
import { renderDate } from '#src/lib/dates.ts';
import { formatMoney } from '#src/lib/money.ts';
import type { StoreSettings } from '#src/store/schema.ts';
import { telHref } from '#src/web/layout.ts';
import { renderHighlighted } from '../highlight.ts';
import type { ArticleHit, ProductHit } from '../queries.ts';

export type SearchPageData =
  | { kind: 'start'; categories: CategoryNode[]; suggestions: string[] }
  | { kind: 'none'; q: string; categories: CategoryNode[]; suggestions: string[]; spelling: string | null }
  | {
      kind: 'results';
      q: string;
      products: ProductHit[];
      productTotal: number;
      articles: ArticleHit[];
      articleTotal: number;
    };

const searchHref = (term: string) => `/search?q=${encodeURIComponent(term)}`;
function renderSuggestions(suggestions: string[]) {
  if (suggestions.length === 0) return '';
  return html`<section aria-labelledby="suggestions-heading">
    <h2 id="suggestions-heading">Try searching for</h2>
    <ul class="chip-list">${suggestions.map((s) => html`<li><a class="chip" href="${searchHref(s)}">${s}</a></li>`)}</ul>
  </section>`;
}

function renderCategories(categories: CategoryNode[]) {
  if (categories.length === 0) return '';
  return html`<section aria-labelledby="categories-heading">
    <h2 id="categories-heading">Popular categories</h2>
    <ul class="category-list">
      ${categories.map(
        (c) => html`<li><a href="/categories/${c.slug}">${c.name}</a>
          <span class="muted">(${c.productCount} ${c.productCount === 1 ? 'product' : 'products'})</span></li>`,
      )}
    </ul>
  </section>`;
}

// The picture repeats the title's link for pointer users; screen readers and keyboards get the title alone.
const renderThumbnail = (href: string, src: string) =>
  html`<a class="hit-thumb" href="${href}" tabindex="-1" aria-hidden="true"><img src="${src}" alt="" width="120" height="90" loading="lazy"></a>`;

const renderSnippet = (snippet: string) => (snippet ? html`<p class="snippet">${renderHighlighted(snippet)}</p>` : '');

function renderProductHit(p: ProductHit) {
  const image = p.images[0];
  return html`<li class="search-hit">
    ${image ? renderThumbnail(`/products/${p.slug}`, image.src) : ''}
    <div class="hit-text">
      <h3><a href="/products/${p.slug}">${p.name}</a></h3>
      ${renderSnippet(p.snippet)}
      <p class="hit-meta">
        <span class="price-now">${formatMoney(p.priceCents, p.currency)}</span>
        <span class="badge badge-reg badge-${p.regulatoryStatus}">${REGULATORY_LABELS[p.regulatoryStatus]}</span>
        ${
          p.accessClass !== 'open'
            ? html`<span class="badge badge-access badge-${p.accessClass}">${ACCESS_LABELS[p.accessClass]}</span>`
            : ''
        }
      </p>
    </div>
  </li>`;
}

function renderArticleHit(a: ArticleHit) {
  return html`<li class="search-hit">
    ${a.coverImage ? renderThumbnail(`/blog/${a.slug}`, a.coverImage.src) : ''}
    <div class="hit-text">
      <h3><a href="/blog/${a.slug}">${a.title}</a></h3>
      ${renderSnippet(a.snippet)}
      ${a.publishedAt ? html`<p class="hit-meta">${renderDate(a.publishedAt)}</p>` : ''}
    </div>
  </li>`;
}

function renderResults(d: Extract<SearchPageData, { kind: 'results' }>) {
  const noun = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  // Near spellings rank below 0 and after every match of the words as typed: when even the first hit of each
  // list is one, nothing matched as typed, and the shopper should know why these were shown.
  const onlyNear = [...d.products.slice(0, 1), ...d.articles.slice(0, 1)].every((hit) => Number(hit.rank) < 0);
  return html`<p class="result-count" role="status">
      Found ${noun(d.productTotal, 'product', 'products')} and ${noun(d.articleTotal, 'article', 'articles')}.
      ${onlyNear ? html`Nothing matched &ldquo;${d.q}&rdquo; as typed; these names are spelled close to it.` : ''}
    </p>
    ${
      d.products.length
        ? html`<section aria-labelledby="product-results"><h2 id="product-results">Products</h2>
          <ol class="search-results">${d.products.map(renderProductHit)}</ol>
          ${
            d.productTotal > d.products.length
              ? html`<p class="muted">Showing the ${d.products.length} best matches. Add a word to narrow the search.</p>`
              : ''
          }
        </section>`
        : ''
    }
    ${
      d.articles.length
        ? html`<section aria-labelledby="article-results"><h2 id="article-results">Blog articles</h2>
          <ol class="search-results">${d.articles.map(renderArticleHit)}</ol>
        </section>`
        : ''
    }`;
}

/** The search page: a start page without a query, results in ranked sections, or help when nothing matched. */
export function renderSearchPage(d: SearchPageData, store: StoreSettings) {
  const help = store.phone
    ? html`<p>Looking for something we may stock but do not list? Call us at
        <a href="${telHref(store.phone)}">${store.phone}</a> and ask for our stock list.</p>`
    : '';
  if (d.kind === 'start') {
    return html`<header class="page-header"><h1>Search</h1>
        <p class="lead">Search product names, ingredients and articles. Partial words work too.</p></header>
      <form class="search-form search-form-large" role="search" action="/search" method="get">
        <label for="search-page-q">What are you looking for?</label>
        <input id="search-page-q" type="search" name="q" maxlength="200" required>
        <button type="submit" class="button">Search</button>
      </form>
      ${renderSuggestions(d.suggestions)} ${renderCategories(d.categories)} ${help}`;
  }
  if (d.kind === 'none') {
    return html`<header class="page-header"><h1>No results for &ldquo;${d.q}&rdquo;</h1>
        ${
          d.spelling
            ? html`<p class="lead did-you-mean">Did you mean
                <a href="${searchHref(d.spelling)}">&ldquo;${d.spelling}&rdquo;</a>?</p>`
            : ''
        }
      </header>
      <div class="empty-state">
        <p>We found no products or articles matching your search. You could:</p>
        <ul>
          <li>check the spelling, or type the first few letters of a word;</li>
          <li>use fewer or more general words, such as an ingredient or a treatment;</li>
          <li><a href="/products">browse all products</a>.</li>
        </ul>
        ${help}
      </div>
      ${renderSuggestions(d.suggestions)} ${renderCategories(d.categories)}`;
  }
  return html`<header class="page-header"><h1>Results for &ldquo;${d.q}&rdquo;</h1></header>${renderResults(d)}`;
}
