import { Clock } from '../clock/clock';
import type { CalendarDate } from '../journey/domain/vocabulary';

/**
 * The system clock, except while the demo run is recorded: then the evening of the day being
 * recorded, as if advisers had entered each milestone on the day it happened. Recorded at today's
 * date instead, the demo would hold nothing researchers could see: their figures and life paths
 * are cut by when things were recorded, at month ends that are over.
 */
export class DemoClock extends Clock {
  private recordingAt: Date | null = null;

  now(): Date {
    return this.recordingAt === null ? new Date() : new Date(this.recordingAt);
  }

  /** Until `live`, the clock reads the evening of `day` (after office hours in every city). */
  recordingOn(day: CalendarDate): void {
    this.recordingAt = new Date(`${day}T17:00:00.000Z`);
  }

  /** The system's time again. */
  live(): void {
    this.recordingAt = null;
  }
}
