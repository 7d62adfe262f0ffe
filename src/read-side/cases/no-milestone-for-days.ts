import { InvalidInput } from '../../journey/domain/errors';
import type { CalendarDate } from '../../journey/domain/vocabulary';
import { daysBefore } from '../../outcomes/calendar-days';

/** Ten years: longer than any programme runs, short enough to be a mistake beyond. */
export const MAX_NO_MILESTONE_FOR_DAYS = 3650;

/**
 * For the cases of `cities` with no milestone for `days` days, the latest date their last
 * milestone may fall on, by city: `days` before the city's today (`todayIn`, in its time zone).
 * Refused (BAD_USER_INPUT on `noMilestoneForDays`) below 1, which no milestone could fail (none is
 * dated after today), and above the maximum.
 */
export function lastMilestoneDates(days: number, cities: readonly string[], todayIn: (city: string) => CalendarDate): Record<string, CalendarDate> {
  if (!Number.isInteger(days) || days < 1 || days > MAX_NO_MILESTONE_FOR_DAYS) {
    throw new InvalidInput([{ field: 'noMilestoneForDays', message: `noMilestoneForDays must be between 1 and ${MAX_NO_MILESTONE_FOR_DAYS} days` }]);
  }
  return Object.fromEntries(cities.map((city) => [city, daysBefore(todayIn(city), days)]));
}
