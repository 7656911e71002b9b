import { asc, eq, sql } from 'drizzle-orm';
import { html } from 'hono/html';
import { customers } from '#src/accounts/schema.ts';
import type { Db } from '#src/db/client.ts';
import { formatDateTime } from '#src/lib/dates.ts';
import { defineDashboardPanel } from '#src/web/dashboard-panel.ts';
import { licences } from './schema.ts';
import { LICENCE_TYPE_LABELS } from './validators.ts';

const LISTED = 5;

/** Licences waiting for review, oldest first (the status index in its order), with how many wait in all. */
export async function listWaitingLicences(db: Db, limit: number) {
  const rows = await db
    .select({
      id: licences.id,
      type: licences.type,
      issuingState: licences.issuingState,
      createdAt: licences.createdAt,
      customerName: customers.name,
      companyName: customers.companyName,
      total: sql<number>`count(*) over ()::int`.mapWith(Number),
    })
    .from(licences)
    .innerJoin(customers, eq(customers.id, licences.customerId))
    .where(eq(licences.status, 'pending'))
    .orderBy(asc(licences.createdAt), asc(licences.id))
    .limit(limit);
  return { rows, total: rows[0]?.total ?? 0 };
}

function waited(since: Date, now: Date): string {
  const hours = Math.floor((now.getTime() - since.getTime()) / 3_600_000);
  if (hours < 1) return 'less than an hour';
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'}`;
  return `${Math.floor(hours / 24)} days`;
}

/** Licences waiting for review, the longest waiting first, each opening its review page. */
export const waitingLicencesPanel = defineDashboardPanel({
  id: 'licences-waiting',
  title: 'Licences waiting',
  permission: 'licences:review',
  async load(ctx) {
    return { ...(await listWaitingLicences(ctx.db, LISTED)), now: new Date() };
  },
  render({ rows, total, now }) {
    const href = '/admin/licences?status=pending';
    if (total === 0) {
      return html`<p>No licence is waiting for review.</p>
        <p class="panel-more"><a href="/admin/licences">Licences</a></p>`;
    }
    return html`<p class="panel-figure"><strong>${total}</strong> licence${total === 1 ? '' : 's'} waiting for review;
        the oldest for ${waited(rows[0]!.createdAt, now)}</p>
      <table class="data-table">
        <thead><tr><th scope="col">Customer</th><th scope="col">Licence</th><th scope="col">Sent</th></tr></thead>
        <tbody>
          ${rows.map(
            (
              r,
            ) => html`<tr><th scope="row"><a href="/admin/licences/${r.id}">${r.customerName || r.companyName || 'Customer'}</a></th>
              <td>${LICENCE_TYPE_LABELS[r.type]}, ${r.issuingState}</td><td>${formatDateTime(r.createdAt)}</td></tr>`,
          )}
        </tbody>
      </table>
      ${total > rows.length ? html`<p>And ${total - rows.length} more.</p>` : ''}
      <p class="panel-more"><a href="${href}">The review queue</a></p>`;
  },
});
