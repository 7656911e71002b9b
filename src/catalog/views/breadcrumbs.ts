import { html } from 'hono/html';

export type Crumb = { label: string; href?: string };

/** A breadcrumb trail; the last crumb is the current page and is not a link. */
export function renderBreadcrumbs(crumbs: Crumb[]) {
  return html`<nav class="breadcrumbs" aria-label="Breadcrumb">
    <ol>
      ${crumbs.map((c, i) =>
        i === crumbs.length - 1 || !c.href
          ? html`<li><span aria-current="${i === crumbs.length - 1 ? 'page' : 'false'}">${c.label}</span></li>`
          : html`<li><a href="${c.href}">${c.label}</a></li>`,
      )}
    </ol>
  </nav>`;
}

/** The same trail as schema.org BreadcrumbList data, with absolute URLs. */
export function toBreadcrumbJsonLd(crumbs: Crumb[], baseUrl: string) {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: c.label,
      ...(c.href ? { item: `${baseUrl}${c.href}` } : {}),
    })),
  };
}
