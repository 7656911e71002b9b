import { addDays } from '#src/lib/dates.ts';

// Weekdays as Date#getUTCDay numbers them (0 is Sunday).
const BUSINESS_DAYS = new Set([1, 2, 3, 4, 5]);
// A refrigerated parcel travels overnight and must not wait in a depot over a weekend: it leaves early in the week.
const REFRIGERATED_DAYS = new Set([1, 2, 3]);

function weekdayOf(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

// Making a formatter costs far more than using one, and every order asks: one per time zone, kept.
const clocks = new Map<string, Intl.DateTimeFormat>();

function clockOf(timeZone: string): Intl.DateTimeFormat {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
    });
    clocks.set(timeZone, clock);
  }
  return clock;
}

/** The calendar day and hour (0-23) on the store's clocks at `now`, whatever the offset or daylight saving. */
export function storeClock(now: Date, timeZone: string): { day: string; hour: number } {
  const parts = clockOf(timeZone).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: `${part('year')}-${part('month')}-${part('day')}`, hour: Number(part('hour')) };
}

/**
 * The day (YYYY-MM-DD, on the store's calendar) an order placed at `now` leaves the warehouse. An order placed on a
 * business day (Monday to Friday) before `cutoffHour` of the store's time zone ships that day, any later order the
 * next business day; a refrigerated order ships Monday to Wednesday only, so one that would leave Thursday to
 * Sunday leaves the next Monday. Public holidays are not known here: the store ships on them or staff say so.
 */
export function expectedShipDate(o: {
  now: Date;
  timeZone: string;
  isRefrigerated: boolean;
  cutoffHour: number;
}): string {
  const { day, hour } = storeClock(o.now, o.timeZone);
  let ship = BUSINESS_DAYS.has(weekdayOf(day)) && hour < o.cutoffHour ? day : addDays(day, 1);
  const allowed = o.isRefrigerated ? REFRIGERATED_DAYS : BUSINESS_DAYS;
  while (!allowed.has(weekdayOf(ship))) ship = addDays(ship, 1);
  return ship;
}

const SHIP_DAY = new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' });

/** A ship date as shoppers read it: "Monday, December 7". */
export function formatShipDay(day: string): string {
  return SHIP_DAY.format(new Date(`${day}T00:00:00Z`));
}
