import { html } from 'hono/html';
import { type Crumb, renderBreadcrumbs } from '#src/catalog/views/breadcrumbs.ts';
import { renderPicture } from '#src/media/views/picture.ts';
import type { ArticleSummary, CategoryWithCount } from '../queries.ts';
import { renderArticleMeta } from './article-meta.ts';

// One card a row on a phone, two from 40rem, three from 60rem (style.css, .article-grid).
const CARD_SIZES = '(min-width: 60rem) 33vw, (min-width: 40rem) 50vw, 100vw';

function renderArticleTeaser(a: ArticleSummary) {
  return html`<article class="article-card">
    ${
      a.coverImage
        ? html`<a href="/blog/${a.slug}" tabindex="-1" aria-hidden="true">${renderPicture(a.coverImage, {
            sizes: CARD_SIZES,
            width: 640,
            height: 480,
            isLazy: true,
            isDecorative: true,
          })}</a>`
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

/** The address of page `page` of a list whose first page is at `basePath`. */
export function blogPageHref(basePath: string, page: number): string {
  return page === 1 ? basePath : `${basePath}?page=${page}`;
}

function renderPagination(basePath: string, page: number, totalPages: number) {
  if (totalPages <= 1) return '';
  return html`<nav class="pagination" aria-label="Article pages">
    ${page > 1 ? html`<a rel="prev" href="${blogPageHref(basePath, page - 1)}">Newer articles</a>` : ''}
    <span>Page ${page} of ${totalPages}</span>
    ${page < totalPages ? html`<a rel="next" href="${blogPageHref(basePath, page + 1)}">Older articles</a>` : ''}
  </nav>`;
}

// The blog's sections, with the one being shown marked; empty categories are left out.
function renderCategoryNav(categories: CategoryWithCount[], currentSlug: string | undefined) {
  const shown = categories.filter((c) => c.articleCount > 0);
  if (shown.length === 0) return '';
  const link = (href: string, label: string, isCurrent: boolean) =>
    html`<li><a href="${href}"${isCurrent ? html` aria-current="page"` : ''}>${label}</a></li>`;
  return html`<nav class="blog-categories" aria-label="Blog categories">
    <ul>
      ${link('/blog', 'All articles', currentSlug === undefined)}
      ${shown.map((c) => link(`/blog/category/${c.slug}`, `${c.name} (${c.articleCount})`, c.slug === currentSlug))}
    </ul>
  </nav>`;
}

/** The body of /blog and of its category and tag pages: a grid of article teasers and links to the other pages. */
export function renderBlogList(o: {
  heading: string;
  intro: string;
  items: ArticleSummary[];
  page: number;
  totalPages: number;
  basePath: string;
  categories: CategoryWithCount[];
  /** The category shown, if the list is one. */
  categorySlug?: string;
  crumbs: Crumb[];
}) {
  return html`${renderBreadcrumbs(o.crumbs)}
  <section class="blog-list">
    <header class="page-header">
      <h1>${o.heading}</h1>
      ${o.intro ? html`<p>${o.intro}</p>` : ''}
    </header>
    ${renderCategoryNav(o.categories, o.categorySlug)}
    ${
      o.items.length
        ? html`<div class="article-grid">${o.items.map(renderArticleTeaser)}</div>`
        : html`<p class="empty">No articles have been published here yet.</p>`
    }
    ${renderPagination(o.basePath, o.page, o.totalPages)}
    <p class="blog-feed-link"><a href="/blog/feed.xml" type="application/rss+xml">Follow the blog by RSS</a></p>
  </section>`;
}
