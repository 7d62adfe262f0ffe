import type { CalendarDate } from '../journey/domain/vocabulary';
import { dateIn, nextMidnight } from './time-zone-dates';

interface KnownDay {
  date: CalendarDate;
  /** An instant known to fall on `date`: the day is known from it on… */
  from: number;
  /** …until the zone's next midnight. */
  until: number;
}

/**
 * The calendar date of instants in each zone, formatted once per zone and day: every recording
 * asks for its city's today, and formatting a date with Intl cost a few percent of a recording.
 * An instant outside the day held (the next day, or a clock set back) is formatted anew.
 */
export class ZoneDays {
  private readonly known = new Map<string, KnownDay>();

  dateIn(instant: Date, timeZone: string): CalendarDate {
    const at = instant.getTime();
    const day = this.known.get(timeZone);
    if (day !== undefined && at >= day.from && at < day.until) return day.date;
    const date = dateIn(instant, timeZone);
    this.known.set(timeZone, { date, from: at, until: nextMidnight(instant, timeZone).getTime() });
    return date;
  }
}
