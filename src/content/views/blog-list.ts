import { html } from 'hono/html';
import { type Crumb, renderBreadcrumbs } from '#src/catalog/views/breadcrumbs.ts';
import type { ArticleSummary } from '../queries.ts';
import { renderArticleMeta } from './article-meta.ts';

function renderArticleTeaser(a: ArticleSummary) {
  return html`<article class="article-card">
    ${
      a.coverImage
        ? html`<a href="/blog/${a.slug}" tabindex="-1" aria-hidden="true"><img src="${a.coverImage.src}" alt="" width="640" height="480" loading="lazy"></a>`
        : ''
    }
    <div class="card-body">
      <h2 class="card-title"><a href="/blog/${a.slug}">${a.title}</a></h2>
      ${renderArticleMeta(a)}
      ${a.excerpt ? html`<p class="article-excerpt">${a.excerpt}</p>` : ''}
      <p><a class="read-more" href="/blog/${a.slug}" aria-label="Read ${a.title}">Read the article</a></p>
    </div>
  </article>`;
}

function renderPagination(page: number, totalPages: number) {
  if (totalPages <= 1) return '';
  return html`<nav class="pagination" aria-label="Article pages">
    ${page > 1 ? html`<a rel="prev" href="${page === 2 ? '/blog' : `/blog?page=${page - 1}`}">Newer articles</a>` : ''}
    <span>Page ${page} of ${totalPages}</span>
    ${page < totalPages ? html`<a rel="next" href="/blog?page=${page + 1}">Older articles</a>` : ''}
  </nav>`;
}

/** The body of /blog: a grid of article teasers and links to the other pages. */
export function renderBlogList(o: {
  items: ArticleSummary[];
  page: number;
  totalPages: number;
  storeName: string;
  crumbs: Crumb[];
}) {
  return html`${renderBreadcrumbs(o.crumbs)}
  <section class="blog-list">
    <header class="page-header">
      <h1>Blog</h1>
      <p>Guides from ${o.storeName} on hair restoration, regenerative treatments, aftercare and how to read a
      product's regulatory status.</p>
    </header>
    ${
      o.items.length
        ? html`<div class="article-grid">${o.items.map(renderArticleTeaser)}</div>`
        : html`<p class="empty">No articles have been published yet.</p>`
    }
    ${renderPagination(o.page, o.totalPages)}
  </section>`;
}
