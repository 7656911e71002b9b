import { AsyncLocalStorage } from 'node:async_hooks';
import type { Context, MiddlewareHandler } from 'hono';
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { AppEnv } from '#src/web/context.ts';
import { currentCustomer } from './current.ts';

// The layout is rendered deep inside other domains' handlers, which do not pass the customer along; the
// request travels with the async call chain instead.
const requests = new AsyncLocalStorage<Context<AppEnv>>();
const SESSION_COOKIE = /(?:^|;\s*)sid=/;

/** Makes the request reachable from the layout's header while the rest of the chain runs. */
export function rememberRequest(): MiddlewareHandler<AppEnv> {
  return (c, next) => requests.run(c, next);
}

/**
 * The header's account links: "Your account" for a signed-in customer, else "Sign in" and "Create account".
 * Requests without a session cookie never touch the database, and only they share cached pages (see
 * cache-middleware.ts), so a cached page always holds the visitor's links.
 */
export async function headerAccountLinks(): Promise<HtmlEscapedString> {
  const c = requests.getStore();
  const hasSession = c !== undefined && SESSION_COOKIE.test(c.req.header('cookie') ?? '');
  const customer = hasSession ? await currentCustomer(c) : undefined;
  if (customer) return html`<a href="/account">Your account</a>`;
  return html`<a href="/account/sign-in">Sign in</a> <a href="/account/register">Create account</a>`;
}
