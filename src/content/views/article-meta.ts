import { html } from 'hono/html';
import { renderDate } from '#src/lib/dates.ts';

/** Byline, date and tags under an article's title or in a list. */
export function renderArticleMeta(a: { authorName: string; publishedAt: Date; tags: string[] }) {
  return html`<p class="article-meta">
    ${a.authorName ? html`<span class="article-author">By ${a.authorName}</span> &middot; ` : ''}${renderDate(a.publishedAt)}
  </p>
  ${
    a.tags.length
      ? html`<ul class="tag-list" aria-label="Topics">${a.tags.map((tag) => html`<li class="tag">${tag}</li>`)}</ul>`
      : ''
  }`;
}
