import { html, raw } from 'hono/html';
import { renderInlineMarkdown } from '#src/lib/markdown.ts';
import { telHref } from '#src/web/layout.ts';
import type { Comparison, Timeline } from '../shortcode-blocks.ts';

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

/** The store's contact details inside an article: its phone to tap, its email and its contact page. */
export function renderContactBox(o: { title: string; phone: string; email: string; contactPath?: string }) {
  if (!o.phone && !o.email && !o.contactPath) return html``;
  return html`<aside class="contact-box" aria-label="Contact us">
  <p class="contact-box-title">${o.title || 'Questions? Talk to us'}</p>
  <ul class="contact-box-ways">
    ${o.phone ? html`<li><a class="contact-box-phone" href="${telHref(o.phone)}">Call ${o.phone}</a></li>` : ''}
    ${o.email ? html`<li><a href="mailto:${o.email}">Email us</a></li>` : ''}
    ${o.contactPath ? html`<li><a href="${o.contactPath}">All the ways to reach us</a></li>` : ''}
  </ul>
</aside>
`;
}

/** A care timeline: each phase (before, after) as an ordered list of steps, each with its time. */
export function renderTimeline(t: Timeline) {
  return html`<section class="care-timeline" aria-label="${t.title || 'Care timeline'}">
  ${t.title ? html`<p class="care-timeline-title">${t.title}</p>` : ''}
  ${t.phases.map(
    (phase) => html`<div class="care-phase">
    ${phase.label ? html`<p class="care-phase-label">${phase.label}</p>` : ''}
    <ol class="care-steps">
      ${phase.steps.map(
        (step) => html`<li><span class="care-when">${step.when}</span>
        <span class="care-what">${raw(renderInlineMarkdown(step.text))}</span></li>`,
      )}
    </ol>
  </div>`,
  )}
</section>
`;
}

/**
 * A treatment comparison: a table on a wide screen; on a phone each treatment becomes a card whose cells name
 * their column (data-label, style.css), so nothing scrolls sideways.
 */
export function renderComparison(c: Comparison) {
  const [corner, ...columns] = c.columns;
  return html`<div class="compare">
  <table class="compare-table">
    ${c.title ? html`<caption>${c.title}</caption>` : ''}
    <thead><tr><th scope="col">${corner}</th>${columns.map((col) => html`<th scope="col">${col}</th>`)}</tr></thead>
    <tbody>
      ${c.rows.map(
        ([name, ...cells]) =>
          html`<tr><th scope="row">${raw(renderInlineMarkdown(name ?? ''))}</th>${cells.map(
            (cell, i) => html`<td data-label="${columns[i]}">${raw(renderInlineMarkdown(cell))}</td>`,
          )}</tr>`,
      )}
    </tbody>
  </table>
</div>
`;
}

/** A broken embed in a preview: what was typed and why it cannot be shown, where the embed would stand. */
export function renderEmbedError(typed: string, problem: string) {
  return html`<div class="embed-error" role="alert">
  <p><strong>This embed cannot be shown:</strong> ${problem}</p>
  <p><code>${typed}</code></p>
</div>
`;
}
