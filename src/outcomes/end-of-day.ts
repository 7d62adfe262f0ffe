import { dateIn, nextMidnight } from '../clock/time-zone-dates';
import type { CalendarDate } from '../journey/domain/vocabulary';

/** Shorter than any day: a step of this length moves an instant by a day at most. */
const HALF_DAY_MS = 12 * 60 * 60 * 1000;

/**
 * The instant `date` ends in `timeZone`: the midnight that starts the next day there. Noon UTC is
 * not on `date` in every zone (it is the next day in Pacific/Auckland's summer, UTC+13), so the
 * search starts from an instant found on `date` in that zone.
 */
export function endOfDay(date: CalendarDate, timeZone: string): Date {
  let instant = Date.parse(`${date}T12:00:00Z`);
  for (let local = dateIn(new Date(instant), timeZone); local !== date; local = dateIn(new Date(instant), timeZone)) {
    instant += local > date ? -HALF_DAY_MS : HALF_DAY_MS;
  }
  return nextMidnight(new Date(instant), timeZone);
}
