import { html, raw } from 'hono/html';
import { renderInlineMarkdown } from '#src/lib/markdown.ts';

// Each zero of a code is wrapped so the stylesheet can strike it through: 20OFF must never read 200FF, whatever
// font the reader's device picks. Copying the code still copies its plain characters.
function renderCode(code: string) {
  return html`<code>${code.split(/(0)/).map((part) => (part === '0' ? html`<span class="zero">0</span>` : part))}</code>`;
}

/** A coupon announced in an article: the code large enough to copy, with the offer's terms (inline Markdown). */
export function renderCouponCallout(code: string, text: string) {
  return html`<aside class="coupon-callout" aria-label="Coupon ${code}">
  <p class="coupon-label">Use code</p>
  <p class="coupon-code">${renderCode(code)}</p>
  ${text ? html`<p class="coupon-text">${raw(renderInlineMarkdown(text))}</p>` : ''}
</aside>
`;
}

/** A highlighted note inside an article; inline Markdown, so it may carry a link or emphasis. */
export function renderNoteCallout(text: string) {
  return html`<aside class="callout" role="note"><p>${raw(renderInlineMarkdown(text))}</p></aside>
`;
}
