import { html } from 'hono/html';
import { formatMoney } from '#src/lib/money.ts';
import { barChart, columnChart } from '#src/web/charts.ts';
import { defineDashboardPanel } from '#src/web/dashboard-panel.ts';
import { countOrdersByState, periodOf, salesByDay, topProducts } from './dashboard-queries.ts';
import { STATUS_LABELS } from './transitions.ts';

/** "$1.2k", "$40", "$3.5M": an axis label short enough for a phone. */
export function shortMoney(cents: number, currency: string): string {
  const units = cents / 100;
  const sign = currency === 'USD' ? '$' : '';
  const suffix = currency === 'USD' ? '' : ` ${currency}`;
  if (units >= 1_000_000) return `${sign}${+(units / 1_000_000).toFixed(1)}M${suffix}`;
  if (units >= 1000) return `${sign}${+(units / 1000).toFixed(1)}k${suffix}`;
  return `${sign}${Math.round(units)}${suffix}`;
}

const SHORT_DAY = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const dayLabel = (day: string) => SHORT_DAY.format(new Date(`${day}T00:00:00Z`));

const ordersHref = (o: { from?: string; to?: string; status?: string }) =>
  `/admin/orders?${new URLSearchParams(Object.entries(o).filter((e): e is [string, string] => Boolean(e[1])))}`;

/** Sales of each day of the period, on the store's calendar. */
export const salesPanel = defineDashboardPanel({
  id: 'sales',
  title: 'Sales by day',
  permission: 'orders:read',
  async load(ctx) {
    return {
      days: await salesByDay(ctx.db, { today: ctx.today, days: ctx.days, timeZone: ctx.timeZone }),
      period: periodOf(ctx.today, ctx.days),
    };
  },
  render({ days, period }, o) {
    const money = (cents: number) => formatMoney(cents, o.currency);
    const total = days.reduce((sum, d) => sum + d.totalCents, 0);
    const count = days.reduce((sum, d) => sum + d.orders, 0);
    const best = days.reduce((a, b) => (b.totalCents > a.totalCents ? b : a), days[0]!);
    const description =
      count === 0
        ? `No orders in the last ${o.days} days.`
        : `${money(total)} from ${count} order${count === 1 ? '' : 's'} in the last ${o.days} days; the best day was ${dayLabel(best.day)} with ${money(best.totalCents)}.`;
    return html`<p class="panel-figure"><strong>${money(total)}</strong> from ${count} order${count === 1 ? '' : 's'},
        ${dayLabel(period.from)} to ${dayLabel(period.to)} (cancelled orders left out)</p>
      ${columnChart({
        id: 'chart-sales',
        title: `Sales by day, last ${o.days} days`,
        description,
        points: days.map((d) => ({ label: dayLabel(d.day), value: d.totalCents })),
        axisLabel: (cents) => shortMoney(cents, o.currency),
        valueLabel: money,
      })}
      <details class="chart-figures">
        <summary>Sales of each day as a table</summary>
        <table class="data-table">
          <thead><tr><th scope="col">Day</th><th scope="col" class="num">Orders</th><th scope="col" class="num">Sales</th></tr></thead>
          <tbody>
            ${days.toReversed().map(
              (d) => html`<tr><th scope="row"><a href="${ordersHref({ from: d.day, to: d.day })}">${d.day}</a></th>
                <td class="num">${d.orders}</td><td class="num">${money(d.totalCents)}</td></tr>`,
            )}
          </tbody>
        </table>
      </details>
      <p class="panel-more"><a href="${ordersHref(period)}">Orders of these ${o.days} days</a></p>`;
  },
});

/** How many orders stand in each state, each linking to the orders list filtered by it. */
export const orderStatesPanel = defineDashboardPanel({
  id: 'order-states',
  title: 'Orders by state',
  permission: 'orders:read',
  load: (ctx) => countOrdersByState(ctx.db),
  render(states) {
    const total = states.reduce((sum, s) => sum + s.orders, 0);
    return html`${barChart({
      id: 'chart-order-states',
      title: 'Orders by state',
      description: `${total} order${total === 1 ? '' : 's'} in all: ${states.map((s) => `${STATUS_LABELS[s.status]} ${s.orders}`).join(', ')}.`,
      rows: states.map((s) => ({ label: STATUS_LABELS[s.status], value: s.orders })),
    })}
      <table class="data-table chart-figures">
        <thead><tr><th scope="col">State</th><th scope="col" class="num">Orders</th></tr></thead>
        <tbody>
          ${states.map(
            (
              s,
            ) => html`<tr><th scope="row"><a href="${ordersHref({ status: s.status })}">${STATUS_LABELS[s.status]}</a></th>
              <td class="num">${s.orders}</td></tr>`,
          )}
        </tbody>
      </table>
      <p class="panel-more"><a href="/admin/orders">All orders</a></p>`;
  },
});

const TOP_PRODUCTS = 5;

/** The products sold most in the period, by units. */
export const topProductsPanel = defineDashboardPanel({
  id: 'top-products',
  title: 'Top products',
  permission: 'orders:read',
  async load(ctx) {
    return {
      products: await topProducts(ctx.db, {
        today: ctx.today,
        days: ctx.days,
        timeZone: ctx.timeZone,
        limit: TOP_PRODUCTS,
      }),
      period: periodOf(ctx.today, ctx.days),
    };
  },
  render({ products, period }, o) {
    const money = (cents: number) => formatMoney(cents, o.currency);
    if (products.length === 0) {
      return html`<p>Nothing sold in the last ${o.days} days.</p>
        <p class="panel-more"><a href="${ordersHref(period)}">Orders of these ${o.days} days</a></p>`;
    }
    return html`<p class="panel-figure">By units sold in the last ${o.days} days</p>
      ${barChart({
        id: 'chart-top-products',
        title: `Top products by units sold, last ${o.days} days`,
        description: products.map((p) => `${p.name}: ${p.units} units, ${money(p.salesCents)}`).join('; '),
        rows: products.map((p) => ({ label: p.name, value: p.units, valueLabel: `${p.units}` })),
      })}
      <table class="data-table chart-figures">
        <thead><tr><th scope="col">Product</th><th scope="col" class="num">Units</th><th scope="col" class="num">Sales</th></tr></thead>
        <tbody>
          ${products.map(
            (p) => html`<tr><th scope="row">${p.name} <span class="sku">${p.sku}</span></th>
              <td class="num">${p.units}</td><td class="num">${money(p.salesCents)}</td></tr>`,
          )}
        </tbody>
      </table>
      <p class="panel-more"><a href="${ordersHref(period)}">Orders of these ${o.days} days</a></p>`;
  },
});
