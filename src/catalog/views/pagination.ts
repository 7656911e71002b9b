import { html, raw } from 'hono/html';

// Pages shown around the current one; the first and last are always linked.
const WINDOW = 2;

/** Numbered page links with previous/next; nothing when everything fits on one page. */
export function renderPagination(o: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (o.pageCount <= 1) return '';
  const numbers: (number | null)[] = [];
  for (let p = 1; p <= o.pageCount; p++) {
    if (p === 1 || p === o.pageCount || Math.abs(p - o.page) <= WINDOW) numbers.push(p);
    else if (numbers.at(-1) !== null) numbers.push(null);
  }
  return html`<nav class="pagination" aria-label="Pages">
    <ul>
      ${
        o.page > 1 && o.page <= o.pageCount
          ? html`<li><a href="${o.hrefFor(o.page - 1)}" rel="prev">Previous</a></li>`
          : ''
      }
      ${numbers.map((p) =>
        p === null
          ? html`<li class="gap" aria-hidden="true">&hellip;</li>`
          : html`<li><a href="${o.hrefFor(p)}"${p === o.page ? raw(' aria-current="page"') : ''}>${p}</a></li>`,
      )}
      ${o.page < o.pageCount ? html`<li><a href="${o.hrefFor(o.page + 1)}" rel="next">Next</a></li>` : ''}
    </ul>
  </nav>`;
}
