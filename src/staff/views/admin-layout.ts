import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { settingsOf } from '#src/store/settings.ts';
import { assetUrl } from '#src/web/assets.ts';
import type { AppEnv } from '#src/web/context.ts';
import { csrfField } from '#src/web/forms.ts';
import type { Html } from '#src/web/layout.ts';
import { hasPermission, type Permission } from '../permissions.ts';
import type { StaffUser } from '../schema.ts';

export type AdminSection =
  | 'dashboard'
  | 'orders'
  | 'licences'
  | 'customers'
  | 'outbox'
  | 'settings'
  | 'products'
  | 'categories'
  | 'inventory'
  | 'articles'
  | 'import'
  | 'staff'
  | 'audit';

const LINKS: { id: AdminSection; href: string; label: string; permission?: Permission }[] = [
  { id: 'dashboard', href: '/admin', label: 'Dashboard' },
  { id: 'orders', href: '/admin/orders', label: 'Orders', permission: 'orders:read' },
  { id: 'licences', href: '/admin/licences', label: 'Licences', permission: 'licences:review' },
  { id: 'customers', href: '/admin/customers', label: 'Customers', permission: 'customers:read' },
  { id: 'outbox', href: '/admin/outbox', label: 'Outbox', permission: 'outbox:read' },
  { id: 'products', href: '/admin/products', label: 'Products', permission: 'catalog:manage' },
  { id: 'categories', href: '/admin/categories', label: 'Categories', permission: 'catalog:manage' },
  { id: 'inventory', href: '/admin/inventory', label: 'Inventory', permission: 'inventory:manage' },
  { id: 'articles', href: '/admin/articles', label: 'Articles', permission: 'content:manage' },
  { id: 'import', href: '/admin/import', label: 'Import products', permission: 'catalog:manage' },
  { id: 'settings', href: '/admin/settings', label: 'Store settings', permission: 'settings:edit' },
  { id: 'staff', href: '/admin/staff', label: 'Staff', permission: 'staff:manage' },
  { id: 'audit', href: '/admin/audit', label: 'Audit log', permission: 'audit:read' },
];

export type AdminPageOptions = {
  /** The signed-in staff member; absent on the sign-in page. */
  staff?: StaffUser | undefined;
  title: string;
  section?: AdminSection;
  body: Html;
  /** A one-line confirmation shown above the body, e.g. after an approval. */
  notice?: string | undefined;
  status?: ContentfulStatusCode;
  /** Reloads the page after this many seconds: a page following work in progress, without script. */
  refreshSeconds?: number | undefined;
};

function adminNav(c: Context<AppEnv>, staff: StaffUser, current: AdminSection | undefined) {
  const links = LINKS.filter((l) => !l.permission || hasPermission(staff.role, l.permission));
  return html`<nav class="admin-nav" aria-label="Administration">
    <ul class="plain">
      ${links.map(
        (l) => html`<li><a href="${l.href}"${l.id === current ? raw(' aria-current="page"') : ''}>${l.label}</a></li>`,
      )}
    </ul>
    <p class="admin-who">Signed in as ${staff.name || staff.email} (${staff.role})</p>
    <form method="post" action="/admin/logout">
      ${csrfField(c)}
      <button type="submit" class="link-button">Sign out</button>
    </form>
  </nav>`;
}

/**
 * Renders an admin page in the admin shell. Admin pages hold customer data: never cached anywhere and kept
 * out of search engines.
 */
export async function renderAdminPage(c: Context<AppEnv>, o: AdminPageOptions): Promise<Response> {
  const store = await settingsOf(c.var.ctx);
  const notice = o.notice ? html`<div class="notice notice-success" role="status"><p>${o.notice}</p></div>` : '';
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
${
  o.refreshSeconds
    ? html`<meta http-equiv="refresh" content="${o.refreshSeconds}">
`
    : ''
}<title>${o.title} | ${store.name} admin</title>
<link rel="stylesheet" href="${assetUrl('style.css')}">
<link rel="icon" href="${assetUrl('favicon.svg')}" type="image/svg+xml">
</head>
<body class="admin">
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header admin-header">
  <div class="container header-row">
    <a class="brand" href="/admin">${store.name} <span class="admin-badge">Admin</span></a>
    <a href="/">View the store</a>
  </div>
</header>
${
  o.staff
    ? html`<div class="container admin-layout">
  ${adminNav(c, o.staff, o.section)}
  <main id="main" class="admin-main">${notice}${o.body}</main>
</div>`
    : // Signed out there is nothing to navigate to: one centred column, not an empty sidebar.
      html`<main id="main" class="container admin-solo">${notice}${o.body}</main>`
}
</body>
</html>`;
  c.header('Cache-Control', 'no-store');
  return c.html(page, o.status ?? 200);
}

/** A `<dl>` of label/value pairs, the way detail pages show a record. */
export function renderFacts(facts: [string, unknown][]) {
  return html`<dl class="facts">
    ${facts.map(([label, value]) => html`<dt>${label}</dt><dd>${value as string}</dd>`)}
  </dl>`;
}
