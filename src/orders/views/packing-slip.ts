import { html } from 'hono/html';
import { formatDateTime } from '#src/lib/dates.ts';
import type { StoreSettings } from '#src/store/schema.ts';
import { assetUrl } from '#src/web/assets.ts';
import type { OrderDetail } from '../queries.ts';
import { formatDay, renderAddress } from './order-parts.ts';

/**
 * The sheet packed with an order: each line with the lots to pick and their expiries, and a box to tick. A page
 * of its own, without the admin shell, that prints on one sheet (the print rules are in style.css).
 */
export function renderPackingSlip(o: { order: OrderDetail; store: StoreSettings }) {
  const { order, store } = o;
  const hasCold = order.lines.some((l) => l.storage === 'refrigerated');
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Packing slip ${order.number} | ${store.name}</title>
<link rel="stylesheet" href="${assetUrl('style.css')}">
</head>
<body class="packing-slip">
<main id="main" class="slip">
  <p class="slip-toolbar"><a href="/admin/orders/${order.number}">← Back to the order</a>
    <span class="muted">Print this page with your browser (Ctrl+P or ⌘P).</span></p>
  <header class="slip-header">
    <div>
      <p class="slip-store">${store.name}</p>
      ${store.address ? html`<p class="muted">${store.address}</p>` : ''}
      ${store.phone ? html`<p class="muted">${store.phone}</p>` : ''}
    </div>
    <div class="slip-number">
      <h1>Packing slip</h1>
      <p><strong>${order.number}</strong></p>
      <p>Placed ${formatDateTime(order.placedAt)}</p>
      <p>${order.shippingMethodName}${order.expectedShipOn ? html`, ships ${formatDay(order.expectedShipOn)}` : ''}</p>
    </div>
  </header>
  <section class="slip-ship-to">
    <h2>Ship to</h2>
    ${renderAddress(order.shippingAddress)}
  </section>
  ${hasCold ? html`<p class="slip-cold"><strong>Refrigerated items: pack on ice.</strong></p>` : ''}
  <table class="slip-lines">
    <thead><tr><th scope="col">SKU</th><th scope="col">Item</th><th scope="col" class="num">Qty</th>
      <th scope="col">Lot</th><th scope="col">Expires</th><th scope="col">Packed</th></tr></thead>
    <tbody>
      ${order.lines.flatMap((line) =>
        (line.lots.length > 0 ? line.lots : [undefined]).map(
          (lot, i) => html`<tr${i > 0 ? html` class="slip-more-lots"` : ''}>
            <td>${i === 0 ? line.sku : ''}</td>
            <td>${i === 0 ? html`${line.name}${line.storage === 'refrigerated' ? html` <strong>(cold)</strong>` : ''}` : html`<span class="muted">same item, next lot</span>`}</td>
            <td class="num">${lot ? lot.quantity : line.quantity}</td>
            <td class="nowrap"><strong>${lot?.lotNumber ?? '—'}</strong></td>
            <td class="nowrap">${lot ? (lot.expiresOn ?? 'No expiry') : '—'}</td>
            <td><span class="slip-box" aria-label="packed"></span></td>
          </tr>`,
        ),
      )}
    </tbody>
  </table>
  <p class="slip-footer muted">${order.lines.reduce((n, l) => n + l.quantity, 0)} units in ${order.lines.length} line${
    order.lines.length === 1 ? '' : 's'
  }. Check each lot number and expiry against the label before packing.</p>
</main>
</body>
</html>`;
}
