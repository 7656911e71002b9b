import { html, raw } from 'hono/html';
import { renderMarkdown } from '#src/lib/markdown.ts';
import { telHref } from '#src/web/layout.ts';
import type { StorePage } from '#src/web/store-pages.ts';
import type { StoreSettings } from '../schema.ts';

// The contact page always shows the ways to reach the store from its settings, so they cannot drift from the
// header and footer; the Markdown above them says when and for what.
function contactDetails(store: StoreSettings) {
  if (!store.phone && !store.email && !store.address) return '';
  return html`<section class="store-contact" aria-labelledby="reach-us">
    <h2 id="reach-us">How to reach us</h2>
    <dl class="facts">
      ${store.phone ? html`<dt>Phone</dt><dd><a href="${telHref(store.phone)}">${store.phone}</a></dd>` : ''}
      ${store.email ? html`<dt>Email</dt><dd><a href="mailto:${store.email}">${store.email}</a></dd>` : ''}
      ${store.address ? html`<dt>Address</dt><dd>${store.address}</dd>` : ''}
    </dl>
  </section>`;
}

// The return window comes from the settings, so the page, the order confirmations and the admin agree on one number.
function returnWindow(store: StoreSettings) {
  const days = store.returnWindowDays;
  return html`<p class="store-page-fact" role="note"><strong>Return window:</strong> unopened products can be
    returned within ${days} ${days === 1 ? 'day' : 'days'} of delivery, on the terms below.</p>`;
}

/** One of the store's policy pages: its title and its Markdown, sanitised like every author's text. */
export function renderStorePage(o: { page: StorePage; store: StoreSettings }) {
  const text = o.store.pages[o.page.key] ?? '';
  return html`<article class="store-page">
    <h1>${o.page.title}</h1>
    ${o.page.key === 'contact' ? contactDetails(o.store) : ''}
    ${o.page.key === 'returns' ? returnWindow(o.store) : ''}
    <div class="prose store-page-body">${raw(renderMarkdown(text))}</div>
  </article>`;
}
