import type { CalendarDate } from '../journey/domain/vocabulary';
import { ZoneDays } from './zone-days';

/** The service's clock, injected so that the domain and tests never read the system time directly. */
export abstract class Clock {
  private readonly days = new ZoneDays();

  abstract now(): Date;

  /** Today's business date in an IANA time zone: a city's (see `timeZoneOf` in the catalogue). */
  today(timeZone: string): CalendarDate {
    return this.days.dateIn(this.now(), timeZone);
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
