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

/** The calendar date at `now` where `timeZone` is (YYYY-MM-DD): a store's "today". */
export function dateInZone(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

// How far ahead of UTC the zone's clocks are at `at`, in milliseconds.
function zoneOffsetMs(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wallClock = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wallClock - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant `day` (YYYY-MM-DD) begins where `timeZone` is; twice refined, so a change of clocks that day holds. */
export function startOfDayInZone(day: string, timeZone: string): Date {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  let start = new Date(midnightUtc);
  for (let i = 0; i < 2; i++) start = new Date(midnightUtc - zoneOffsetMs(timeZone, start));
  return start;
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
