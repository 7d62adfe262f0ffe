import { Clock } from '../clock/clock';
import { RUN_LAST_DAY } from './generate-programme-run';

/**
 * When the demo's journeys are recorded: the morning after the run's last day, as if its advisers'
 * records were entered when the programme ended. Recorded at today's date instead, the demo would
 * show researchers no life path before next month, the release being monthly by recording date.
 */
export const DEMO_RECORDED_AT = new Date(Date.parse(`${RUN_LAST_DAY}T09:00:00Z`) + 24 * 60 * 60 * 1_000);

/** The system clock, except while the demo run is being recorded. */
export class DemoClock extends Clock {
  private recordingAt: Date | null = null;

  now(): Date {
    return this.recordingAt === null ? new Date() : new Date(this.recordingAt);
  }

  /** Runs `record` with the clock at `instant`, and gives the system's time back after it. */
  async recordingAsOf<T>(instant: Date, record: () => Promise<T>): Promise<T> {
    this.recordingAt = instant;
    try {
      return await record();
    } finally {
      this.recordingAt = null;
    }
  }
}
