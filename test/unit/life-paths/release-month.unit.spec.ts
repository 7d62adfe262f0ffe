import fc from 'fast-check';
import { dateIn } from '../../../src/clock/time-zone-dates';
import { lastCompleteMonth, recordedMonth } from '../../../src/life-paths/release-month';
import { StoppedClock } from '../../support/stopped-clock';

/** Zones up to 14 hours ahead of UTC and 11 behind it, with and without summer time. */
const ZONES = ['UTC', 'Europe/Paris', 'Europe/Stockholm', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Santiago', 'Asia/Kathmandu'];

describe('the months of the life-paths snapshots', () => {
  it('dates an event by the business month it was recorded in, in its city', () => {
    // 23:30 UTC on 31 October is already 1 November in Paris (UTC+1 in winter).
    expect(recordedMonth('2026-10-31T23:30:00.000Z', 'Europe/Paris')).toBe('2026-11');
    expect(recordedMonth('2026-10-31T23:30:00.000Z', 'UTC')).toBe('2026-10');
  });

  it("is the month of the recording's date in the zone, on every day of a month, read off the text or not", () => {
    const instants = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true });
    fc.assert(
      fc.property(instants, fc.constantFrom(...ZONES), (instant, timeZone) => {
        expect(recordedMonth(instant.toISOString(), timeZone)).toBe(dateIn(instant, timeZone).slice(0, 7));
      }),
      { numRuns: 3_000 },
    );
    // The same instant written otherwise is parsed.
    expect(recordedMonth('2026-10-15T23:30:00+02:00', 'UTC')).toBe('2026-10');
  });

  it('releases the last month over in every city: not while one city is still in it', () => {
    const zones = ['Europe/Paris', 'America/New_York'];
    // 1 November in Paris, still 31 October in New York: October is not over everywhere.
    expect(lastCompleteMonth(new StoppedClock('2026-11-01T02:00:00Z'), zones)).toBe('2026-09');
    expect(lastCompleteMonth(new StoppedClock('2026-11-01T06:00:00Z'), zones)).toBe('2026-10');
  });

  it('goes back across a new year', () => {
    expect(lastCompleteMonth(new StoppedClock('2027-01-15T12:00:00Z'), ['Europe/Stockholm'])).toBe('2026-12');
  });
});
