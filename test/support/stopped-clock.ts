import { Clock } from '../../src/clock/clock';

/** A clock that always reads `instant`: read models built outside the app ask it for today. */
export class StoppedClock extends Clock {
  constructor(private readonly instant: string) {
    super();
  }

  now(): Date {
    return new Date(this.instant);
  }
}
