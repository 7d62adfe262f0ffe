import type { CalendarDate } from '../journey/domain/vocabulary';

/** The service's clock, injected so that the domain and tests never read the system time directly. */
export abstract class Clock {
  abstract now(): Date;

  /** Today's business date, in UTC. */
  today(): CalendarDate {
    return this.now().toISOString().slice(0, 10);
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
