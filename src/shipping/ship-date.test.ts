import { describe, expect, it } from 'vitest';
import { expectedShipDate, storeClock } from './ship-date.ts';

// December 2026: Tuesday the 1st, Wednesday the 2nd, Thursday the 3rd, Friday the 4th, Saturday the 5th, Sunday the
// 6th, Monday the 7th. Phoenix keeps UTC-7 all year.
const PHOENIX = 'America/Phoenix';
const shipOn = (iso: string, o: { zone?: string; isRefrigerated?: boolean; cutoffHour?: number } = {}) =>
  expectedShipDate({
    now: new Date(iso),
    timeZone: o.zone ?? PHOENIX,
    isRefrigerated: o.isRefrigerated ?? false,
    cutoffHour: o.cutoffHour ?? 14,
  });
const both = (iso: string, zone = PHOENIX) => ({
  ambient: shipOn(iso, { zone }),
  cold: shipOn(iso, { zone, isRefrigerated: true }),
});

describe('the expected ship date', () => {
  it('is the same day before the cut-off on a business day, the next business day from the cut-off on', () => {
    expect(both('2026-12-01T17:00:00Z')).toEqual({ ambient: '2026-12-01', cold: '2026-12-01' }); // Tue 10:00
    expect(both('2026-12-01T20:59:59Z')).toEqual({ ambient: '2026-12-01', cold: '2026-12-01' }); // Tue 13:59:59
    expect(both('2026-12-01T21:00:00Z')).toEqual({ ambient: '2026-12-02', cold: '2026-12-02' }); // Tue 14:00
    expect(both('2026-12-01T07:00:00Z')).toEqual({ ambient: '2026-12-01', cold: '2026-12-01' }); // Tue 00:00
    expect(both('2026-12-02T06:59:00Z')).toEqual({ ambient: '2026-12-02', cold: '2026-12-02' }); // Tue 23:59
  });

  it('moves weekend orders to Monday', () => {
    expect(both('2026-12-05T17:00:00Z')).toEqual({ ambient: '2026-12-07', cold: '2026-12-07' }); // Sat 10:00
    expect(both('2026-12-06T23:00:00Z')).toEqual({ ambient: '2026-12-07', cold: '2026-12-07' }); // Sun 16:00
    expect(both('2026-12-04T22:00:00Z')).toEqual({ ambient: '2026-12-07', cold: '2026-12-07' }); // Fri 15:00
  });

  it('ships refrigerated orders Monday to Wednesday only', () => {
    expect(both('2026-12-02T16:00:00Z')).toEqual({ ambient: '2026-12-02', cold: '2026-12-02' }); // Wed 09:00
    // Wednesday after the cut-off: ambient goes Thursday, cold waits for Monday.
    expect(both('2026-12-02T22:00:00Z')).toEqual({ ambient: '2026-12-03', cold: '2026-12-07' }); // Wed 15:00
    expect(both('2026-12-03T16:00:00Z')).toEqual({ ambient: '2026-12-03', cold: '2026-12-07' }); // Thu 09:00
    expect(both('2026-12-03T23:00:00Z')).toEqual({ ambient: '2026-12-04', cold: '2026-12-07' }); // Thu 16:00
    expect(both('2026-12-04T16:00:00Z')).toEqual({ ambient: '2026-12-04', cold: '2026-12-07' }); // Fri 09:00
    expect(both('2026-12-07T16:00:00Z')).toEqual({ ambient: '2026-12-07', cold: '2026-12-07' }); // Mon 09:00
  });

  it("reads the day and hour on the store's clocks, behind UTC", () => {
    // 20:00 UTC on Wednesday is 13:00 in Phoenix, still before the cut-off: a cold order leaves that Wednesday,
    // where a store keeping UTC would already be past it and wait for Monday.
    expect(both('2026-12-02T20:00:00Z')).toEqual({ ambient: '2026-12-02', cold: '2026-12-02' });
    expect(both('2026-12-02T20:00:00Z', 'UTC')).toEqual({ ambient: '2026-12-03', cold: '2026-12-07' });
    // Saturday 03:00 UTC is still Friday evening in Phoenix: the next business day is Monday either way, and the
    // date returned is the store's, not UTC's.
    expect(both('2026-12-05T03:00:00Z')).toEqual({ ambient: '2026-12-07', cold: '2026-12-07' });
    // Tuesday 02:00 UTC is Monday 19:00 in Phoenix: the next business day is Tuesday.
    expect(both('2026-12-08T02:00:00Z')).toEqual({ ambient: '2026-12-08', cold: '2026-12-08' });
  });

  it("reads the day and hour on the store's clocks, ahead of UTC", () => {
    // 02:00 UTC on Friday is 15:00 on Friday in Auckland (UTC+13 in December): past the cut-off, so Monday.
    expect(both('2026-12-04T02:00:00Z', 'Pacific/Auckland')).toEqual({ ambient: '2026-12-07', cold: '2026-12-07' });
    expect(both('2026-12-04T02:00:00Z', 'UTC')).toEqual({ ambient: '2026-12-04', cold: '2026-12-07' });
    // 22:00 UTC on Sunday is Monday 07:00 in Tokyo: the same Monday, whereas in UTC it is still the weekend.
    expect(both('2026-12-06T22:00:00Z', 'Asia/Tokyo')).toEqual({ ambient: '2026-12-07', cold: '2026-12-07' });
    // 20:00 UTC on Wednesday is Thursday 05:00 in Tokyo: an ambient order leaves that Thursday, a cold one Monday.
    expect(both('2026-12-02T20:00:00Z', 'Asia/Tokyo')).toEqual({ ambient: '2026-12-03', cold: '2026-12-07' });
  });

  it('follows the change of clocks on daylight-saving days', () => {
    const NY = 'America/New_York';
    // Clocks went forward on Sunday 8 March 2026; Monday 14:30 EDT is 18:30 UTC, past the cut-off (an offset of
    // standard time would read 13:30 and ship the same day).
    expect(both('2026-03-09T18:30:00Z', NY)).toEqual({ ambient: '2026-03-10', cold: '2026-03-10' });
    expect(both('2026-03-09T17:30:00Z', NY)).toEqual({ ambient: '2026-03-09', cold: '2026-03-09' });
    // On the Sunday itself, just after 02:00 became 03:00.
    expect(both('2026-03-08T07:30:00Z', NY)).toEqual({ ambient: '2026-03-09', cold: '2026-03-09' });
    // Clocks went back on Sunday 1 November 2026; Monday 13:30 EST is 18:30 UTC, before the cut-off.
    expect(both('2026-11-02T18:30:00Z', NY)).toEqual({ ambient: '2026-11-02', cold: '2026-11-02' });
    expect(both('2026-11-02T19:00:00Z', NY)).toEqual({ ambient: '2026-11-03', cold: '2026-11-03' });
    // The repeated hour of the Sunday, and a cold order from the Friday before.
    expect(both('2026-11-01T05:30:00Z', NY)).toEqual({ ambient: '2026-11-02', cold: '2026-11-02' });
    expect(both('2026-11-01T06:30:00Z', NY)).toEqual({ ambient: '2026-11-02', cold: '2026-11-02' });
    expect(both('2026-10-30T14:00:00Z', NY)).toEqual({ ambient: '2026-10-30', cold: '2026-11-02' });
  });

  it('crosses months and years, and honours any cut-off hour', () => {
    // Thursday 31 December 2026, after the cut-off: ambient Friday 1 January, cold Monday 4 January.
    expect(both('2026-12-31T22:00:00Z')).toEqual({ ambient: '2027-01-01', cold: '2027-01-04' });
    // A cut-off of 0 never ships the same day; one of 23 ships until 23:00.
    expect(shipOn('2026-12-01T08:00:00Z', { cutoffHour: 0 })).toBe('2026-12-02');
    expect(shipOn('2026-12-02T05:59:00Z', { cutoffHour: 23 })).toBe('2026-12-01');
  });

  it("reads the store's clock at an instant", () => {
    expect(storeClock(new Date('2026-03-08T07:30:00Z'), 'America/New_York')).toEqual({ day: '2026-03-08', hour: 3 });
    expect(storeClock(new Date('2026-12-31T23:30:00Z'), 'Pacific/Auckland')).toEqual({ day: '2027-01-01', hour: 12 });
  });
});
