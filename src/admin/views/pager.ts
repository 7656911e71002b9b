import { html } from 'hono/html';

/** Previous/next links for an admin list; `params` are the filters kept across pages. */
export function renderPager(o: {
  path: string;
  params?: Record<string, string | undefined>;
  page: number;
  total: number;
  limit: number;
  /** The query parameter holding the page number, when a page has more than one list. */
  pageParam?: string;
}) {
  const pages = Math.max(1, Math.ceil(o.total / o.limit));
  if (pages <= 1) return '';
  const href = (page: number) => {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(o.params ?? {})) if (v) query.set(k, v);
    if (page > 1) query.set(o.pageParam ?? 'page', String(page));
    const s = query.toString();
    return s ? `${o.path}?${s}` : o.path;
  };
  return html`<nav class="pagination" aria-label="Pages">
    ${o.page > 1 ? html`<a href="${href(o.page - 1)}" rel="prev">Previous</a>` : ''}
    <span>Page ${o.page} of ${pages}</span>
    ${o.page < pages ? html`<a href="${href(o.page + 1)}" rel="next">Next</a>` : ''}
  </nav>`;
}
