import { html, raw } from 'hono/html';
import type { ArticleRow } from '#src/content/admin-queries.ts';
import { ARTICLE_STATUSES } from '#src/content/schema.ts';
import { formatDateTime } from '#src/lib/dates.ts';
import { renderPager } from './pager.ts';

export const STATUS_LABELS: Record<(typeof ARTICLE_STATUSES)[number], string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  published: 'Published',
  archived: 'Archived',
};

export function renderArticleStatus(status: ArticleRow['status']) {
  return html`<span class="article-status article-status-${status}">${STATUS_LABELS[status]}</span>`;
}

function filterForm(o: { q: string; status: ArticleRow['status'] | undefined }) {
  return html`<form method="get" action="/admin/articles" class="inventory-filters" role="search">
    <div class="field">
      <label for="f-q">Title, slug or author</label>
      <input id="f-q" name="q" type="search" value="${o.q}" maxlength="200" autocomplete="off">
    </div>
    <div class="field">
      <label for="f-status">Status</label>
      <select id="f-status" name="status">
        <option value=""${o.status ? '' : raw(' selected')}>Any status</option>
        ${ARTICLE_STATUSES.map(
          (s) => html`<option value="${s}"${o.status === s ? raw(' selected') : ''}>${STATUS_LABELS[s]}</option>`,
        )}
      </select>
    </div>
    <div class="inventory-filter-actions">
      <button type="submit">Show</button>
      ${o.q || o.status ? html`<a href="/admin/articles">Clear</a>` : ''}
    </div>
  </form>`;
}

/** Every article, newest change first: the way into the editor. */
export function renderArticleList(o: {
  items: ArticleRow[];
  total: number;
  page: number;
  limit: number;
  q: string;
  status: ArticleRow['status'] | undefined;
}) {
  const count = `${o.total} ${o.total === 1 ? 'article' : 'articles'}`;
  return html`<div class="page-heading-row">
      <h1>Articles</h1>
      <a class="button" href="/admin/articles/new">Write an article</a>
    </div>
    <p class="muted">Articles are checked for compliance before they are published or scheduled. Times are UTC.</p>
    ${filterForm(o)}
    <p class="list-count" role="status">${count}${o.q ? html` matching “${o.q}”` : ''}.</p>
    ${
      o.items.length
        ? html`<table class="data-table article-table">
          <thead><tr><th scope="col">Title</th><th scope="col">Status</th><th scope="col">Author</th><th scope="col">Publication</th><th scope="col">Changed</th></tr></thead>
          <tbody>${o.items.map(
            (a) => html`<tr>
              <td><a href="/admin/articles/${a.id}">${a.title}</a><br><span class="muted article-slug">/blog/${a.slug}</span></td>
              <td>${renderArticleStatus(a.status)}</td>
              <td>${a.authorName || html`<span class="muted">-</span>`}</td>
              <td>${a.publishedAt ? formatDateTime(a.publishedAt) : html`<span class="muted">-</span>`}</td>
              <td>${formatDateTime(a.updatedAt)}</td>
            </tr>`,
          )}</tbody>
        </table>`
        : html`<p>No articles${o.q || o.status ? ' match these filters' : ' yet'}.</p>`
    }
    ${renderPager({ path: '/admin/articles', params: { q: o.q, status: o.status }, page: o.page, total: o.total, limit: o.limit })}`;
}
