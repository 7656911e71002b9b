import { html } from 'hono/html';

// Times are kept in UTC (timestamptz) and shown in UTC, so every reader sees the same date.
const LONG_DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

/** A day in UTC as YYYY-MM-DD (today unless given): the form licence expiry dates and file names use. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The date `days` after `day` (both YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return todayUtc(d);
}

/** "March 12, 2025", as shoppers read dates. */
export function formatLongDate(date: Date): string {
  return LONG_DATE.format(date);
}

/** "March 12, 2025" in a <time> element carrying the exact instant. */
export function renderDate(date: Date) {
  return html`<time datetime="${date.toISOString()}">${formatLongDate(date)}</time>`;
}

/** Short date and time in UTC ("2025-03-12 09:30 UTC"), the same for every reader of the admin area. */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return '';
  const d = value instanceof Date ? value : new Date(value);
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
