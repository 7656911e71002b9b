import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { html } from 'hono/html';
import { CUSTOMER_COOKIE } from '#src/accounts/sessions/sessions.ts';
import type { AppEnv } from '#src/web/context.ts';
import { cookieOf, secureCookieOptions } from '#src/web/cookies.ts';
import { type PersonalPart, setCookieFromPart } from '#src/web/personal-parts.ts';
import { CART_COOKIE, cartSummary, visitorCartId } from './visitor-cart.ts';

// A cart drawn in the header's ink; on a phone it stands alone, the word staying for screen readers (style.css).
const ICON =
  '<svg class="header-cart-icon" aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" ' +
  'stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><circle cx="9" cy="20" r="1.5"/>' +
  '<circle cx="18" cy="20" r="1.5"/><path d="M2 3h3l2.7 12.4a2 2 0 0 0 2 1.6h8.4a2 2 0 0 0 2-1.5L22 7H6"/></svg>';
const LABEL = '<span class="header-cart-label">Cart</span>';
const PLAIN_LINK = `<a class="header-cart" href="/cart">${ICON}${LABEL}</a>`;

/**
 * The header's cart link with the number of units in the visitor's cart. Answered from this instance's cart
 * summaries (summary-cache.ts), so a cached page costs no query; a visitor without a cart gets the plain link.
 */
export const cartLinkPart: PersonalPart = {
  async fill(c) {
    const cartId = await visitorCartId(c);
    const count = cartId ? ((await cartSummary(c, cartId))?.itemCount ?? 0) : 0;
    if (count === 0) return PLAIN_LINK;
    const label = count === 1 ? 'item' : 'items';
    return `<a class="header-cart" href="/cart">${ICON}${LABEL} <span class="cart-count">${count}<span class="visually-hidden"> ${label}</span></span></a>`;
  },
  anonymous: () => PLAIN_LINK,
  cookies: [CART_COOKIE, CUSTOMER_COOKIE],
};

/** A one-time message after a cart form: shown on the page the visitor is sent back to, then forgotten. */
export type CartNotice = { kind: 'success' | 'error'; text: string; link?: { href: string; label: string } };

const NOTICE_COOKIE = 'cart_notice';
// Long enough for the redirect that follows the form, short enough that a lost notice does not come back later.
const NOTICE_SECONDS = 60;

function sign(c: Context<AppEnv>, value: string): string {
  return createHmac('sha256', c.var.ctx.config.sessionSecret).update(`cart-notice:${value}`).digest('base64url');
}

/** Leaves a notice for the next page this visitor sees; signed, so no one else can put words on our pages. */
export function leaveCartNotice(c: Context<AppEnv>, notice: CartNotice): void {
  const value = Buffer.from(JSON.stringify(notice)).toString('base64url');
  setCookie(c, NOTICE_COOKIE, `${value}.${sign(c, value)}`, secureCookieOptions(c, NOTICE_SECONDS));
}

function readNotice(c: Context<AppEnv>): CartNotice | undefined {
  const [value, signature] = (cookieOf(c, NOTICE_COOKIE) ?? '').split('.');
  if (!value || !signature) return undefined;
  const expected = Buffer.from(sign(c, value));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    return JSON.parse(Buffer.from(value, 'base64url').toString()) as CartNotice;
  } catch {
    return undefined;
  }
}

export function renderCartNotice(notice: CartNotice | undefined) {
  if (!notice) return '';
  const role = notice.kind === 'error' ? 'alert' : 'status';
  return html`<div class="notice notice-${notice.kind} cart-notice" role="${role}">
    <p>${notice.text}${notice.link ? html` <a href="${notice.link.href}">${notice.link.label}</a>` : ''}</p>
  </div>`;
}

/** Takes this request's notice, if any, and clears it so a reload does not show it again. */
export function takeCartNotice(c: Context<AppEnv>): CartNotice | undefined {
  const notice = readNotice(c);
  if (cookieOf(c, NOTICE_COOKIE) !== undefined) {
    setCookieFromPart(c, NOTICE_COOKIE, '', { ...secureCookieOptions(c), maxAge: 0, expires: new Date(0) });
  }
  return notice;
}

/** The notice left by the last cart form, at the top of whatever page the visitor was sent back to. */
export const cartNoticePart: PersonalPart = {
  fill: async (c) => (await renderCartNotice(takeCartNotice(c))).toString(),
  anonymous: () => '',
  cookies: [NOTICE_COOKIE],
};
