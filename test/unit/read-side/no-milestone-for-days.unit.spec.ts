import { InvalidInput } from '../../../src/journey/domain/errors';
import { lastMilestoneDates } from '../../../src/read-side/cases/no-milestone-for-days';

describe('the dates "no milestone for N days" goes by', () => {
  it("is N days before each city's own today", () => {
    const todays: Record<string, string> = { paris: '2026-09-11', stockholm: '2026-09-10' };
    expect(lastMilestoneDates(30, ['paris', 'stockholm'], (city) => todays[city]!)).toEqual({ paris: '2026-08-12', stockholm: '2026-08-11' });
  });

  it.each([
    [1, '2028-03-01', '2028-02-29'],
    [366, '2029-01-01', '2028-01-01'],
    [3650, '2026-09-10', '2016-09-12'],
  ])('counts calendar days across months and leap years: %i days before %s is %s', (days, today, expected) => {
    expect(lastMilestoneDates(days, ['paris'], () => today)).toEqual({ paris: expected });
  });

  it.each([0, -1, 3651, 1.5])('refuses %p, on noMilestoneForDays', (days) => {
    const refusal = new InvalidInput([{ field: 'noMilestoneForDays', message: 'noMilestoneForDays must be between 1 and 3650 days' }]);
    expect(() => lastMilestoneDates(days, ['paris'], () => '2026-09-10')).toThrow(refusal);
  });
});
