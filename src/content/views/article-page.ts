import { html, raw } from 'hono/html';
import type { ProductCardData } from '#src/catalog/card-columns.ts';
import { type Crumb, renderBreadcrumbs } from '#src/catalog/views/breadcrumbs.ts';
import { renderProductCard } from '#src/catalog/views/product-card.ts';
import { telHref } from '#src/web/layout.ts';
import type { Article } from '../schema.ts';
import { renderArticleMeta } from './article-meta.ts';

export type ArticleView = Pick<Article, 'title' | 'authorName' | 'tags' | 'coverImage'> & { publishedAt: Date };

/** The body of an article page: title, byline, cover, disclaimer, the rendered text and its products. */
export function renderArticlePage(o: {
  article: ArticleView;
  /** Home / Blog / this article. */
  crumbs: Crumb[];
  /** Sanitised HTML from renderArticleBody. */
  bodyHtml: string;
  products: ProductCardData[];
  disclaimer: string;
  phone: string;
}) {
  const a = o.article;
  return html`<article class="article">
    ${renderBreadcrumbs(o.crumbs)}
    <header class="article-header">
      <h1>${a.title}</h1>
      ${renderArticleMeta(a)}
    </header>
    ${
      a.coverImage
        ? html`<figure class="article-cover"><img src="${a.coverImage.src}" alt="${a.coverImage.alt}" width="640" height="480"></figure>`
        : ''
    }
    <aside class="disclaimer-box" role="note" aria-label="Disclaimer">
      <p><strong>Please note:</strong> ${o.disclaimer}</p>
    </aside>
    <div class="article-body">${raw(o.bodyHtml)}</div>
    ${
      o.phone
        ? html`<p class="article-contact">Questions about a product or our stock list? Call us at
          <a href="${telHref(o.phone)}">${o.phone}</a>.</p>`
        : ''
    }
  </article>
  ${
    o.products.length
      ? html`<section class="related-products" aria-labelledby="related-heading">
        <h2 id="related-heading">Products in this article</h2>
        <div class="product-grid">${o.products.map((p) => renderProductCard(p))}</div>
      </section>`
      : ''
  }`;
}
