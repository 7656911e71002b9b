import { html } from 'hono/html';
import { formatDateTime } from '#src/lib/dates.ts';
import { withoutLinkTokens } from '#src/lib/tokens.ts';
import type { OutboxMail } from '#src/mail/schema.ts';
import { renderFacts } from '#src/staff/views/admin-layout.ts';
import type { OutboxSummary } from '../queries.ts';
import { renderPager } from './pager.ts';

const STATUS_LABELS: Record<OutboxMail['status'], string> = {
  queued: 'Queued',
  sent: 'Sent by SMTP',
  kept: 'Kept here (no SMTP)',
  failed: 'Failed',
};

/** Every mail the store wrote, newest first. */
export function renderOutboxList(o: { items: OutboxSummary[]; total: number; page: number; limit: number }) {
  return html`<h1>Outbox</h1>
    <p>Every mail the store sends is kept here. Without SMTP_URL nothing leaves the store, and this is the only
      place to read them.</p>
    ${
      o.items.length
        ? html`<table class="data-table">
          <thead><tr><th scope="col">Written</th><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Kind</th><th scope="col">Status</th></tr></thead>
          <tbody>
            ${o.items.map(
              (m) => html`<tr>
                <td>${formatDateTime(m.createdAt)}</td>
                <td>${m.to}</td>
                <td><a href="/admin/outbox/${m.id}">${m.subject}</a></td>
                <td>${m.kind}</td>
                <td>${STATUS_LABELS[m.status]}</td>
              </tr>`,
            )}
          </tbody>
        </table>`
        : html`<p class="muted">No mail has been written yet.</p>`
    }
    ${renderPager({ path: '/admin/outbox', page: o.page, total: o.total, limit: o.limit })}`;
}

// Why the tokens of emailed links are hidden from the person reading a mail here, and how the page says so.
const HIDDEN_LINKS_NOTES = {
  'sent-by-smtp': 'Link tokens are hidden: the mail went out by SMTP, so only its recipient can use them.',
  'owners-only':
    'Link tokens are hidden: a live link lets whoever opens it act as the customer, so only an owner can read ' +
    'them here. Ask an owner to pass the mail on.',
} as const;

export type HiddenLinksReason = keyof typeof HIDDEN_LINKS_NOTES;

/**
 * One mail. The plain-text version is shown as text; the HTML version only as its escaped source, since
 * mail markup must never run inside the admin area. Unless `linksHidden` is undefined, the links' tokens are
 * hidden: a reset link read here would let the reader take over the customer's account. With SMTP staff are
 * not the way mail reaches customers at all; without it only owners, who pass mail on, see live links.
 */
export function renderOutboxMail(m: OutboxMail, o: { linksHidden: HiddenLinksReason | undefined }) {
  const shown = (text: string) => (o.linksHidden ? withoutLinkTokens(text) : text);
  return html`<p><a href="/admin/outbox">← Back to the outbox</a></p>
    <h1>${m.subject}</h1>
    ${renderFacts([
      ['To', m.to],
      ['Kind', m.kind],
      ['Status', STATUS_LABELS[m.status]],
      ['Written', formatDateTime(m.createdAt)],
      ['Sent', m.sentAt ? formatDateTime(m.sentAt) : 'Not sent'],
      ['Attempts', String(m.attempts)],
      ...(m.lastError ? ([['Last error', m.lastError]] as [string, unknown][]) : []),
    ])}
    <h2>Text version</h2>
    ${o.linksHidden ? html`<p class="muted">${HIDDEN_LINKS_NOTES[o.linksHidden]}</p>` : ''}
    <pre class="mail-text">${shown(m.text)}</pre>
    <details>
      <summary>HTML version (source)</summary>
      <pre class="mail-text">${shown(m.html)}</pre>
    </details>`;
}
