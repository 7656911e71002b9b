import { html } from 'hono/html';
import type { LedgerKind, StockLot } from '#src/inventory/schema.ts';
import { EXPIRY_WARNING_DAYS } from '../inventory-validators.ts';

/** How staff read each kind of ledger row. */
export const LEDGER_KIND_LABELS: Record<LedgerKind, string> = {
  receipt: 'Received',
  allocation: 'Allocated to an order',
  release: 'Returned from an order',
  adjustment: 'Adjusted',
  quarantine: 'Quarantined',
  unquarantine: 'Released from quarantine',
};

export type ExpiryStanding = 'none' | 'expired' | 'soon' | 'later';

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Whether a lot has expired on the store's `today`, expires within the warning window, or later. */
export function expiryStandingOf(lot: Pick<StockLot, 'expiresOn'>, today: string): ExpiryStanding {
  if (!lot.expiresOn) return 'none';
  const days = daysBetween(today, lot.expiresOn);
  if (days <= 0) return 'expired';
  return days <= EXPIRY_WARNING_DAYS ? 'soon' : 'later';
}

/** The lot's expiry as staff read it: the date, and how near it is when that matters. */
export function renderExpiry(lot: Pick<StockLot, 'expiresOn'>, today: string) {
  if (!lot.expiresOn) return html`<span class="muted">Does not expire</span>`;
  const standing = expiryStandingOf(lot, today);
  const days = daysBetween(today, lot.expiresOn);
  if (standing === 'expired') {
    return html`<time datetime="${lot.expiresOn}">${lot.expiresOn}</time> <span class="badge badge-lot-expired">Expired</span>`;
  }
  if (standing === 'soon') {
    return html`<time datetime="${lot.expiresOn}">${lot.expiresOn}</time> <span class="badge badge-lot-soon">In ${days} ${days === 1 ? 'day' : 'days'}</span>`;
  }
  return html`<time datetime="${lot.expiresOn}">${lot.expiresOn}</time>`;
}

/** A badge for a quarantined lot; nothing for one on sale. */
export function renderLotState(lot: Pick<StockLot, 'state'>) {
  return lot.state === 'quarantined' ? html`<span class="badge badge-lot-quarantined">Quarantined</span>` : '';
}

/** The class a lot's row or card carries, so expired and soon-expiring lots stand out. */
export function lotClass(lot: Pick<StockLot, 'expiresOn' | 'state'>, today: string): string {
  const standing = expiryStandingOf(lot, today);
  return [
    'lot',
    standing === 'expired' ? 'lot-expired' : standing === 'soon' ? 'lot-expiring' : '',
    lot.state === 'quarantined' ? 'lot-quarantined' : '',
  ]
    .filter(Boolean)
    .join(' ');
}
