import { Clock } from '../../../src/clock/clock';
import { lastCompleteMonth, recordedMonth } from '../../../src/life-paths/release-month';

class StoppedClock extends Clock {
  constructor(private readonly instant: string) {
    super();
  }
  now(): Date {
    return new Date(this.instant);
  }
}

describe('the months of the life-paths snapshots', () => {
  it('dates an event by the business month it was recorded in, in its city', () => {
    // 23:30 UTC on 31 October is already 1 November in Paris (UTC+1 in winter).
    expect(recordedMonth('2026-10-31T23:30:00.000Z', 'Europe/Paris')).toBe('2026-11');
    expect(recordedMonth('2026-10-31T23:30:00.000Z', 'UTC')).toBe('2026-10');
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
