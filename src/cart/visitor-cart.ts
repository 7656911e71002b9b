import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { sessionCustomerId } from '#src/accounts/sessions/sessions.ts';
import { isWellFormedToken } from '#src/lib/tokens.ts';
import type { AppEnv } from '#src/web/context.ts';
import { cookieOf, secureCookieOptions } from '#src/web/cookies.ts';
import { setCookieFromPart } from '#src/web/personal-parts.ts';
import { findCurrentCartId, readCartSummary } from './queries.ts';
import { type CartSummary, cartSummariesOf } from './summary-cache.ts';

/** The cookie holding a guest's cart id; set by the first "add to cart", never by a page view. */
export const CART_COOKIE = 'cart';
// A guest's cart outlives the browser session: people come back to a cart days later.
const CART_COOKIE_SECONDS = 60 * 24 * 60 * 60;

export function setCartCookie(c: Context<AppEnv>, cartId: string): void {
  setCookie(c, CART_COOKIE, cartId, secureCookieOptions(c, CART_COOKIE_SECONDS));
}

export function clearCartCookie(c: Context<AppEnv>): void {
  deleteCookie(c, CART_COOKIE, secureCookieOptions(c));
}

/** The cart id this browser's cookie holds, if it has the shape of one (junk costs no query). */
export function cartCookieOf(c: Context<AppEnv>): string | undefined {
  const id = cookieOf(c, CART_COOKIE);
  return id && isWellFormedToken(id) ? id : undefined;
}

/** A cart's summary, from this instance's cache when it holds it. */
export async function cartSummary(c: Context<AppEnv>, cartId: string): Promise<CartSummary | null> {
  const { db, cache } = c.var.ctx;
  const summaries = cartSummariesOf(cache);
  let summary = summaries.summary(cartId);
  if (summary === undefined) {
    const readAt = summaries.version;
    summary = await readCartSummary(db, cartId);
    summaries.setSummary(cartId, summary, readAt);
  }
  return summary;
}

/**
 * The cart this visitor's pages show: a signed-in customer's most recent cart on any device, else the guest cart
 * of the cookie (a cookie naming a customer's cart counts for nothing once signed out). Cached: no query on the
 * common path.
 */
export async function visitorCartId(c: Context<AppEnv>): Promise<string | undefined> {
  const customerId = await sessionCustomerId(c);
  if (customerId) {
    const summaries = cartSummariesOf(c.var.ctx.cache);
    let cartId = summaries.currentCart(customerId);
    if (cartId === undefined) {
      const readAt = summaries.version;
      cartId = await findCurrentCartId(c.var.ctx.db, customerId);
      summaries.setCurrentCart(customerId, cartId, readAt);
    }
    return cartId ?? undefined;
  }
  const cookie = cartCookieOf(c);
  if (!cookie) return undefined;
  const summary = await cartSummary(c, cookie);
  if (summary && summary.customerId === null) return cookie;
  // A cart that is gone, or became a customer's: the cookie would only keep this browser off the shared pages.
  setCookieFromPart(c, CART_COOKIE, '', { ...secureCookieOptions(c), maxAge: 0, expires: new Date(0) });
  return undefined;
}
