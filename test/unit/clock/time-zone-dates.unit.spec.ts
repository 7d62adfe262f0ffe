import { dateIn, nextMidnight } from '../../../src/clock/time-zone-dates';

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
});
