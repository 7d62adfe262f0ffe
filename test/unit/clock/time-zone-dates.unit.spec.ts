import fc from 'fast-check';
import { dateIn, monthIn, nextMidnight } from '../../../src/clock/time-zone-dates';

/** The zones furthest from UTC either way, zones a quarter or half an hour off, and the built-in cities'. */
const ZONES = ['Pacific/Kiritimati', 'Etc/GMT+12', 'Pacific/Pago_Pago', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/St_Johns', 'Europe/Paris', 'Europe/Stockholm', 'UTC'];

describe('dates in a time zone', () => {
  it.each([
    ['2025-01-14T23:30:00Z', 'Europe/Stockholm', '2025-01-15'],
    ['2025-01-14T23:30:00Z', 'UTC', '2025-01-14'],
    ['2025-01-14T22:59:59.999Z', 'Europe/Paris', '2025-01-14'],
    ['2025-01-14T23:00:00Z', 'Europe/Paris', '2025-01-15'],
    ['2025-07-01T22:00:00Z', 'Europe/Berlin', '2025-07-02'],
    ['2025-01-15T03:00:00Z', 'America/New_York', '2025-01-14'],
    ['2039-06-01T12:00:00Z', 'Europe/Stockholm', '2039-06-01'],
  ])('%s is on %s in %s', (instant, timeZone, date) => {
    expect(dateIn(new Date(instant), timeZone)).toBe(date);
  });

  it('throws a RangeError for a zone Intl does not know', () => {
    expect(() => dateIn(new Date(), 'Europe/Lyon')).toThrow(RangeError);
  });

  it.each([
    ['winter', '2025-01-14T12:00:00Z', 'Europe/Stockholm', '2025-01-14T23:00:00.000Z'],
    ['summer', '2025-07-01T12:00:00Z', 'Europe/Stockholm', '2025-07-01T22:00:00.000Z'],
    ['the day clocks go forward', '2025-03-30T12:00:00Z', 'Europe/Paris', '2025-03-30T22:00:00.000Z'],
    ['the day clocks go back', '2025-10-26T12:00:00Z', 'Europe/Berlin', '2025-10-26T23:00:00.000Z'],
    ['a second before it', '2025-01-14T22:59:59Z', 'Europe/Stockholm', '2025-01-14T23:00:00.000Z'],
    ['at midnight itself, the next one', '2025-01-14T23:00:00Z', 'Europe/Stockholm', '2025-01-15T23:00:00.000Z'],
    ['UTC', '2025-01-14T12:00:00Z', 'UTC', '2025-01-15T00:00:00.000Z'],
    // Chile moves its clocks at midnight: 7 September 2025 starts at 01:00, an hour after 6 September's 23:00.
    ['a day that starts at 01:00', '2025-09-06T12:00:00Z', 'America/Santiago', '2025-09-07T04:00:00.000Z'],
  ])("finds the zone's next midnight (%s)", (_, instant, timeZone, midnight) => {
    expect(nextMidnight(new Date(instant), timeZone).toISOString()).toBe(midnight);
  });

  it("finds an instant's month in a zone as its date there has it, at a month's turn too", () => {
    const instants = fc.oneof(
      fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }),
      // Within two days of a month's turn, where the zone's month may differ from UTC's.
      fc.record({ year: fc.integer({ min: 1970, max: 2100 }), month: fc.integer({ min: 0, max: 11 }), offset: fc.integer({ min: -2 * 86_400_000, max: 2 * 86_400_000 }) })
        .map(({ year, month, offset }) => new Date(Date.UTC(year, month, 1) + offset)),
    );
    fc.assert(
      fc.property(instants, fc.constantFrom(...ZONES), (instant, timeZone) => {
        expect(monthIn(instant, timeZone)).toBe(dateIn(instant, timeZone).slice(0, 7));
      }),
      { numRuns: 2_000 },
    );
  });

  it('throws a RangeError for a zone Intl does not know, whatever the day', () => {
    expect(() => monthIn(new Date('2025-01-14T12:00:00Z'), 'Europe/Lyon')).toThrow(RangeError);
  });
});
