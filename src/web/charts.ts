import { html } from 'hono/html';

// Charts are drawn on the server as SVG: no script, readable by screen readers through their title and
// description, and always shown with a table of the same figures. The view box is narrow (400 units) and the
// text large within it, so that a phone, which shrinks the chart to about 340 px, still shows labels of 11 px
// or more; a wide screen enlarges it to at most the panel's width.
const WIDTH = 400;
const FONT = 15;

/** The smallest round number (1, 2, 2.5 or 5 times a power of ten) at or above `value`, for the top of an axis. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (value <= step * power) return step * power;
  }
  return 10 * power;
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

type ChartText = { id: string; title: string; description: string };

function labelledBy(o: ChartText) {
  return html`role="img" aria-labelledby="${o.id}-title ${o.id}-desc"`;
}

function titleAndDescription(o: ChartText) {
  return html`<title id="${o.id}-title">${o.title}</title><desc id="${o.id}-desc">${o.description}</desc>`;
}

/**
 * Vertical bars over a sequence (days): value axis with three gridlines, about five labels along the bottom.
 * `axisLabel` writes a value shortly ("$1.2k"), `valueLabel` fully for each bar's tooltip.
 */
export function columnChart(
  o: ChartText & {
    points: readonly { label: string; value: number }[];
    axisLabel(value: number): string;
    valueLabel(value: number): string;
  },
) {
  const height = 210;
  const left = 54;
  const right = 8;
  const top = 14;
  const bottom = 32;
  const plotWidth = WIDTH - left - right;
  const plotHeight = height - top - bottom;
  const max = niceCeiling(Math.max(0, ...o.points.map((p) => p.value)));
  const slot = plotWidth / Math.max(o.points.length, 1);
  const barWidth = Math.max(slot * 0.72, 1);
  const y = (value: number) => top + plotHeight - (value / max) * plotHeight;
  const ticks = [0, max / 2, max];
  const labelEvery = Math.max(1, Math.ceil(o.points.length / 4));
  const round = (n: number) => Math.round(n * 10) / 10;
  return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" ${labelledBy(o)}>
    ${titleAndDescription(o)}
    ${ticks.map(
      (
        tick,
      ) => html`<line class="chart-grid" x1="${left}" x2="${WIDTH - right}" y1="${round(y(tick))}" y2="${round(y(tick))}"/>
      <text class="chart-text" x="${left - 6}" y="${round(y(tick) + FONT / 3)}" text-anchor="end" font-size="${FONT}">${o.axisLabel(tick)}</text>`,
    )}
    ${o.points.map((p, i) => {
      const x = left + i * slot + (slot - barWidth) / 2;
      const h = (p.value / max) * plotHeight;
      return html`<rect class="chart-bar" x="${round(x)}" y="${round(y(p.value))}" width="${round(barWidth)}" height="${round(h)}"><title>${p.label}: ${o.valueLabel(p.value)}</title></rect>`;
    })}
    ${o.points.map((p, i) =>
      // Counted back from the last point, so the latest day is always labelled.
      (o.points.length - 1 - i) % labelEvery === 0
        ? html`<text class="chart-text" x="${round(left + i * slot + slot / 2)}" y="${height - 8}" text-anchor="${i === o.points.length - 1 ? 'end' : 'middle'}" font-size="${FONT}">${p.label}</text>`
        : '',
    )}
  </svg>`;
}

/** Horizontal bars, one row each: the label above its bar, the value at the bar's end. */
export function barChart(o: ChartText & { rows: readonly { label: string; value: number; valueLabel?: string }[] }) {
  const rowHeight = 46;
  const height = Math.max(o.rows.length, 1) * rowHeight + 4;
  const valueRoom = 70;
  const max = Math.max(1, ...o.rows.map((r) => r.value));
  const round = (n: number) => Math.round(n * 10) / 10;
  return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" ${labelledBy(o)}>
    ${titleAndDescription(o)}
    ${o.rows.map((r, i) => {
      const top = i * rowHeight;
      const width = Math.max((r.value / max) * (WIDTH - valueRoom), r.value > 0 ? 2 : 0);
      return html`<text class="chart-text" x="0" y="${top + FONT + 1}" font-size="${FONT}">${shorten(r.label, 44)}</text>
      <rect class="chart-bar" x="0" y="${top + 21}" width="${round(width)}" height="16"/>
      <text class="chart-text chart-value" x="${round(width + 6)}" y="${top + 35}" font-size="${FONT}">${r.valueLabel ?? String(r.value)}</text>`;
    })}
  </svg>`;
}
