import { html } from 'hono/html';

/** A coupon announced in an article: the code large enough to copy, with the offer's terms. */
export function renderCouponCallout(code: string, text: string) {
  return html`<aside class="coupon-callout" aria-label="Coupon ${code}">
  <p class="coupon-label">Use code</p>
  <p class="coupon-code"><strong>${code}</strong></p>
  ${text ? html`<p class="coupon-text">${text}</p>` : ''}
</aside>
`;
}

/** A highlighted note inside an article. */
export function renderNoteCallout(text: string) {
  return html`<aside class="callout" role="note"><p>${text}</p></aside>
`;
}
