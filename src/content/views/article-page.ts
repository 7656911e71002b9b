import { html, raw } from 'hono/html';
import type { ProductCardData } from '#src/catalog/card-columns.ts';
import { type Crumb, renderBreadcrumbs } from '#src/catalog/views/breadcrumbs.ts';
import { renderProductCard } from '#src/catalog/views/product-card.ts';
import { renderDate } from '#src/lib/dates.ts';
import { renderPicture } from '#src/media/views/picture.ts';
import { telHref } from '#src/web/layout.ts';
import type { OutlineHeading } from '../article-outline.ts';
import type { ArticleSummary } from '../queries.ts';
import type { Article, ArticleCategory } from '../schema.ts';
import { renderTagLink } from './article-meta.ts';

export type ArticleView = Pick<Article, 'title' | 'authorName' | 'tags' | 'coverImage' | 'updatedAt'> & {
  publishedAt: Date;
};

// The cover spans the article's column: at most 44rem (style.css, --width-text), else the screen.
const COVER_SIZES = '(min-width: 46rem) 44rem, 100vw';

// An edit on the day of publication is part of writing it; later ones are worth telling the reader.
const UPDATE_WORTH_SHOWING_MS = 86_400_000;

/** Whether the article changed long enough after publication for the page to say when. */
export function isUpdatedSincePublished(a: { publishedAt: Date; updatedAt: Date }): boolean {
  return a.updatedAt.getTime() - a.publishedAt.getTime() > UPDATE_WORTH_SHOWING_MS;
}

function renderByline(a: ArticleView, readingMinutes: number) {
  return html`<p class="article-meta">
    ${a.authorName ? html`<span class="article-author">By ${a.authorName}</span> &middot; ` : ''}
    <span>Published ${renderDate(a.publishedAt)}</span>
    ${isUpdatedSincePublished(a) ? html` &middot; <span class="article-updated">Updated ${renderDate(a.updatedAt)}</span>` : ''}
    &middot; <span class="reading-time">${readingMinutes} min read</span>
  </p>`;
}

function renderFiling(categories: ArticleCategory[], tags: string[]) {
  if (categories.length === 0 && tags.length === 0) return '';
  return html`<div class="article-filing">
    ${
      categories.length
        ? html`<p class="article-categories">Filed under ${categories.map(
            (c, i) => html`${i ? ', ' : ''}<a href="/blog/category/${c.slug}">${c.name}</a>`,
          )}</p>`
        : ''
    }
    ${tags.length ? html`<ul class="tag-list" aria-label="Topics">${tags.map(renderTagLink)}</ul>` : ''}
  </div>`;
}

// Only the h2s when there are many headings: a contents list longer than a screen helps nobody. An h3 is listed
// under the h2 before it.
function renderContents(headings: OutlineHeading[]) {
  const shown = headings.length > 12 ? headings.filter((h) => h.level === 2) : headings;
  if (shown.length < 2) return '';
  const groups: { top: OutlineHeading | undefined; subs: OutlineHeading[] }[] = [];
  for (const h of shown) {
    if (h.level === 2 || groups.length === 0) groups.push({ top: h.level === 2 ? h : undefined, subs: [] });
    if (h.level === 3) groups.at(-1)!.subs.push(h);
  }
  const link = (h: OutlineHeading) => html`<a href="#${h.id}">${h.text}</a>`;
  const subList = (subs: OutlineHeading[]) =>
    subs.length ? html`<ul>${subs.map((h) => html`<li>${link(h)}</li>`)}</ul>` : '';
  return html`<nav class="article-toc" aria-labelledby="toc-heading">
    <h2 id="toc-heading">In this article</h2>
    <ol>
      ${groups.map((g) => html`<li>${g.top ? link(g.top) : ''}${subList(g.subs)}</li>`)}
    </ol>
  </nav>`;
}

function renderRelatedArticles(related: ArticleSummary[]) {
  if (related.length === 0) return '';
  return html`<section class="related-articles" aria-labelledby="related-articles-heading">
    <h2 id="related-articles-heading">Keep reading</h2>
    <ul class="related-article-list">
      ${related.map(
        (a) => html`<li>
        <a href="/blog/${a.slug}">${a.title}</a>
        ${a.excerpt ? html`<p>${a.excerpt}</p>` : ''}
      </li>`,
      )}
    </ul>
  </section>`;
}

/** The body of an article page: title, byline, contents, disclaimer, the rendered text, related reading. */
export function renderArticlePage(o: {
  article: ArticleView;
  /** Home / Blog / this article. */
  crumbs: Crumb[];
  /** Sanitised HTML from renderArticleBody. */
  bodyHtml: string;
  headings: OutlineHeading[];
  readingMinutes: number;
  categories: ArticleCategory[];
  products: ProductCardData[];
  related: ArticleSummary[];
  disclaimer: string;
  /** The closing line with the store's phone; left out when the body has a contact box of its own. */
  phone: string;
}) {
  const a = o.article;
  return html`<article class="article">
    ${renderBreadcrumbs(o.crumbs)}
    <header class="article-header">
      <h1>${a.title}</h1>
      ${renderByline(a, o.readingMinutes)}
      ${renderFiling(o.categories, a.tags)}
    </header>
    ${
      a.coverImage
        ? html`<figure class="article-cover">${renderPicture(a.coverImage, { sizes: COVER_SIZES, width: 640, height: 480 })}</figure>`
        : ''
    }
    <aside class="disclaimer-box" role="note" aria-label="Disclaimer">
      <p><strong>Please note:</strong> ${o.disclaimer}</p>
    </aside>
    ${renderContents(o.headings)}
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
  }
  ${renderRelatedArticles(o.related)}`;
}
