import { html } from 'hono/html';
import { renderDate } from '#src/lib/dates.ts';
import { tagSlug } from '../queries.ts';

/** A tag as a link to its page; a tag with no letters or digits has no address and stays plain. */
export function renderTagLink(tag: string) {
  const slug = tagSlug(tag);
  return slug ? html`<li class="tag"><a href="/blog/tag/${slug}">${tag}</a></li>` : html`<li class="tag">${tag}</li>`;
}

/** Byline, date and tags under an article's title or in a list. */
export function renderArticleMeta(a: { authorName: string; publishedAt: Date; tags: string[] }) {
  return html`<p class="article-meta">
    ${a.authorName ? html`<span class="article-author">By ${a.authorName}</span> &middot; ` : ''}${renderDate(a.publishedAt)}
  </p>
  ${a.tags.length ? html`<ul class="tag-list" aria-label="Topics">${a.tags.map(renderTagLink)}</ul>` : ''}`;
}
