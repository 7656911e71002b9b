import { html } from 'hono/html';
import { renderPage, type StoreFacts, telHref } from './layout.ts';

const HEADINGS: Record<number, string> = {
  400: 'That request could not be understood',
  401: 'Please sign in first',
  403: 'This is not open to you',
  404: 'We could not find that page',
  409: 'That cannot be done now',
  413: 'That is too large to accept',
  422: 'Please check what you entered',
  429: 'Too many requests',
  500: 'Something went wrong on our side',
  503: 'The store is briefly unavailable',
};

/** The heading of an error page: what happened, in a few words. */
export function errorHeadingOf(status: number): string {
  return HEADINGS[status] ?? 'Something went wrong';
}

/** The HTML error page: says what happened and offers a way on, in the store's own layout. */
export function renderErrorPage(o: { status: number; message: string; store: StoreFacts; baseUrl: string }) {
  const heading = errorHeadingOf(o.status);
  return renderPage({
    title: heading,
    store: o.store,
    baseUrl: o.baseUrl,
    noindex: true,
    body: html`<section class="error-page">
      <p class="error-code">Error ${o.status}</p>
      <h1>${heading}</h1>
      <p>${o.message}</p>
      <form class="search-form inline" role="search" action="/search" method="get">
        <label for="error-search">Search the store</label>
        <input id="error-search" type="search" name="q" maxlength="200">
        <button type="submit">Search</button>
      </form>
      <p><a href="/">Back to the home page</a> or <a href="/products">browse all products</a>.</p>
      ${o.store.phone ? html`<p>Need help? Call us at <a href="${telHref(o.store.phone)}">${o.store.phone}</a>.</p>` : ''}
    </section>`,
  });
}
