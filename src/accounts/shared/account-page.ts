import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import { settingsOf } from '#src/store/settings.ts';
import type { AppEnv } from '#src/web/context.ts';
import { csrfField } from '#src/web/forms.ts';
import { type Html, renderPage } from '#src/web/layout.ts';

export type AccountSection = 'overview' | 'orders' | 'profile' | 'addresses' | 'licences' | 'security' | 'privacy';

const SECTIONS: { id: AccountSection; href: string; label: string }[] = [
  { id: 'overview', href: '/account', label: 'Overview' },
  { id: 'orders', href: '/account/orders', label: 'Orders' },
  { id: 'profile', href: '/account/profile', label: 'Profile' },
  { id: 'addresses', href: '/account/addresses', label: 'Addresses' },
  { id: 'licences', href: '/account/licences', label: 'Licences' },
  { id: 'security', href: '/account/password', label: 'Security' },
  { id: 'privacy', href: '/account/privacy', label: 'Privacy' },
];

function accountNav(c: Context<AppEnv>, current: AccountSection) {
  return html`<nav class="account-nav" aria-label="Your account">
    <ul class="plain">
      ${SECTIONS.map(
        (s) => html`<li><a href="${s.href}"${s.id === current ? raw(' aria-current="page"') : ''}>${s.label}</a></li>`,
      )}
    </ul>
    <form method="post" action="/account/sign-out" class="sign-out-form">
      ${csrfField(c)}
      <button type="submit" class="link-button">Sign out</button>
    </form>
  </nav>`;
}

/**
 * Renders a page of the signed-in customer's account: the store layout, the account sub-navigation and the
 * body. Never cached anywhere (`Cache-Control: no-store`), since it holds personal data.
 */
export async function renderAccountPage(
  c: Context<AppEnv>,
  o: {
    title: string;
    section?: AccountSection;
    body: Html;
    status?: 200 | 201 | 400 | 403 | 404 | 409 | 422 | 429;
    /** Scripts from /assets that enhance the page (see PageOptions). */
    scripts?: string[];
  },
): Promise<Response> {
  const { ctx } = c.var;
  const store = await settingsOf(ctx);
  const page = await renderPage({
    title: o.title,
    store,
    baseUrl: ctx.config.baseUrl,
    noindex: true,
    ...(o.scripts ? { scripts: o.scripts } : {}),
    body: html`<div class="account-layout">
      ${o.section ? accountNav(c, o.section) : ''}
      <div class="account-main">${o.body}</div>
    </div>`,
  });
  c.header('Cache-Control', 'no-store');
  return c.html(page, o.status ?? 200);
}
